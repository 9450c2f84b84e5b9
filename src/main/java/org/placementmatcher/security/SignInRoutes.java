package org.placementmatcher.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two routes around Quarkus' sign-in:
 * <ul>
 *   <li>Login CSRF: the sign-in form's POST is refused (403) when the browser says it comes from another site
 *       ({@code Sec-Fetch-Site} other than same-origin or none), or, from browsers that do not send that
 *       header, when its {@code Origin} names another origin (security/CrossSite). The session cookie is SameSite=Strict besides, so
 *       no other site's request carries it.</li>
 *   <li>Authentication failures that Quarkus hands on as route failures (a refused sign-in form, credentials
 *       refused) are ended with the status the challenge set: a redirect as it is, a 401 with the JSON body;
 *       never the 500 that the generic failure handler (rest.HttpLayer) would make of them.</li>
 * </ul>
 */
@ApplicationScoped
public class SignInRoutes {

    private final String postLocation;

    public SignInRoutes(
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                    String postLocation) {
        this.postLocation = postLocation.startsWith("/") ? postLocation : "/" + postLocation;
    }

    void install(@Observes Router router) {
        router.post(postLocation)
                .order(-1 * SecurityHandlerPriorities.AUTHENTICATION - 1)
                .handler(this::checkOrigin);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).failureHandler(this::failed);
    }

    private void checkOrigin(RoutingContext rc) {
        if (CrossSite.crossSite(rc.request())) {
            rc.response()
                    .setStatusCode(403)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .end(ApiAuthentication.json("the sign-in form must be sent from this service's own sign-in page"));
        } else {
            rc.next();
        }
    }

    private void failed(RoutingContext rc) {
        if (!(rc.failure() instanceof AuthenticationException failure)) {
            rc.next();
            return;
        }
        if (rc.response().ended()) {
            return;
        }
        int status = rc.response().getStatusCode();
        boolean redirect = failure instanceof AuthenticationRedirectException || (status >= 300 && status < 400);
        if (redirect && !ApiAuthentication.answersFor(rc)) {
            rc.response().end();
            return;
        }
        // An API call is never redirected, e.g. one with the session cookie of a user since disabled or deleted.
        rc.response().headers().remove(HttpHeaderNames.LOCATION);
        rc.response()
                .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, ApiAuthentication.CHALLENGE)
                .setStatusCode(401)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .end(ApiAuthentication.body(rc));
    }
}
