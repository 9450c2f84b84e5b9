package org.placementmatcher.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.rest.ApiErrors;

/**
 * HTTP Basic over the local accounts, beside Quarkus' form sign-in (quarkus.http.auth.form.*), with the
 * answer each kind of client needs when it is not signed in: an API call ({@code /api/*}), or any request that
 * carried an Authorization header, gets 401 with {@code WWW-Authenticate: Basic realm="Placement Matcher"} and
 * the API's JSON error body; a page gets no answer here, so the form mechanism redirects it to the sign-in page.
 * <p>
 * The Basic parsing itself is Quarkus' own {@link BasicAuthenticationMechanism}; this class only decides who
 * answers the challenge. It takes Basic's place in the challenge (Quarkus asks the mechanism that read the
 * credentials), so that a wrong password on an API call is answered with the JSON body too.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    public static final String REALM = "Placement Matcher";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
    private static final String MECHANISM_KEY = HttpAuthenticationMechanism.class.getName();

    private final BasicAuthenticationMechanism basic =
            new BasicAuthenticationMechanism(REALM, false, BasicAuthenticationMechanism.PRIORITY);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Uni<SecurityIdentity> identity = basic.authenticate(context, identityProviderManager);
        if (context.get(MECHANISM_KEY) == basic) {
            context.put(MECHANISM_KEY, this);
        }
        return identity;
    }

    /** API calls, and requests that sent credentials, are answered 401 + JSON; pages are left to the form. */
    static boolean answersFor(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api")
                || path.startsWith("/api/")
                // Metrics and the OpenAPI document are read by machines (a Prometheus scraper): 401, not a page.
                || (path.startsWith("/q/") && !path.startsWith("/q/swagger-ui"))
                || context.request().headers().contains(HttpHeaderNames.AUTHORIZATION);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!answersFor(context)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(new ChallengeData(
                        HttpResponseStatus.UNAUTHORIZED.code(), HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!answersFor(context)) {
            return Uni.createFrom().item(false);
        }
        if (!context.response().ended()) {
            context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE);
            context.response().putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store");
            context.response()
                    .setStatusCode(401)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .end(body(context));
        }
        return Uni.createFrom().item(true);
    }

    /** The 401 body: which of "no credentials" or "credentials refused" it was, and nothing about the account. */
    static String body(RoutingContext context) {
        return json(unauthorizedMessage(context.request().headers().contains(HttpHeaderNames.AUTHORIZATION)));
    }

    static String unauthorizedMessage(boolean credentialsSent) {
        return credentialsSent
                ? "sign-in failed: the username or password is wrong, or the account is locked or disabled"
                : "authentication required: send a username and password with HTTP Basic";
    }

    static String json(String message) {
        try {
            return ContractJson.mapper().writeValueAsString(ApiErrors.of("$", message));
        } catch (JsonProcessingException e) {
            return "{\"errors\":[{\"path\":\"$\",\"message\":\"authentication required\"}]}";
        }
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return BasicAuthenticationMechanism.PRIORITY;
    }
}
