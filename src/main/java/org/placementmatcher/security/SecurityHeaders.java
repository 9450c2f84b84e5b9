package org.placementmatcher.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer that passes the router: API answers, the JSON errors of
 * {@code rest/HttpLayer} (404, 405, 413, 414, 415, 431, 500), 401 and 403, health, metrics and static pages.
 * They are set just before the headers are written (a headers-end handler installed by the first route), so no
 * handler that answers later, successfully or not, can leave them out.
 * <p>
 * The Content-Security-Policy allows nothing but this origin, no framing and no plugins. Swagger UI's page is
 * the one exception: Quarkus serves it with an inline script that configures it, so its policy also allows
 * inline scripts and styles (and images from data: URIs, which its stylesheet uses), still with no framing.
 * Strict-Transport-Security is sent only on answers to HTTPS requests (Quarkus' own TLS, or a reverse proxy's
 * when {@code quarkus.http.proxy.*} forwarding is on), since a browser ignores it over plain HTTP anyway.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; " + "base-uri 'self'; object-src 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    private static final String SWAGGER_UI_PATH = "/q/swagger-ui";
    /** Quarkus' Dev UI (development mode only) is a single-page app of its own, left to its own policy. */
    private static final String DEV_UI_PATH = "/q/dev-ui";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::onRequest);
    }

    private void onRequest(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean https = "https".equalsIgnoreCase(rc.request().scheme());
        rc.addHeadersEndHandler(ignored -> addHeaders(rc.response().headers(), path, https));
        rc.next();
    }

    static void addHeaders(MultiMap headers, String path, boolean https) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        String policy = contentSecurityPolicy(path);
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
        if (https) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        // Children's data must not linger in browser or proxy caches; only static assets may say otherwise.
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /** The policy for a path; none for the Dev UI in development mode. */
    static String contentSecurityPolicy(String path) {
        if (path == null) {
            return CONTENT_SECURITY_POLICY;
        }
        if (path.startsWith(DEV_UI_PATH) && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return null;
        }
        if (path.equals(SWAGGER_UI_PATH) || path.startsWith(SWAGGER_UI_PATH + "/")) {
            return SWAGGER_UI_POLICY;
        }
        return CONTENT_SECURITY_POLICY;
    }
}
