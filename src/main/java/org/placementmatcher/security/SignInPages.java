package org.placementmatcher.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages of signing in and out (the web app's other pages are in package web): {@code GET /sign-in}, the form that posts to
 * Quarkus' form authentication ({@code quarkus.http.auth.form.*}); {@code POST /sign-out}, which needs the page's CSRF token (quarkus-rest-csrf) and ends the session:
 * the form's, or single sign-on's, then the identity provider's too where it publishes an end-session endpoint.
 */
@Path("/")
public class SignInPages {

    /** The attribute Quarkus OIDC gives a signed-in identity its provider's discovered metadata under. */
    private static final String CONFIG_METADATA = "configuration-metadata";

    private final Template signIn;
    private final String cookieName;
    private final String cookiePath;
    private final SecurityIdentity identity;
    private final OidcSession singleSignOn;

    public SignInPages(
            SecurityIdentity identity,
            OidcSession singleSignOn,
            @Location("sign-in.html") Template signIn,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String cookiePath) {
        this.identity = identity;
        this.singleSignOn = singleSignOn;
        this.signIn = signIn;
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
    }

    @GET
    @Path("sign-in")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance signIn(RoutingContext rc) {
        // The form mechanism comes back to "/sign-in?error" after a refused sign-in: a name with no value.
        return signIn.data("error", rc.queryParams().contains("error"))
                .data("signedOut", rc.queryParams().contains("signed-out"));
    }

    @POST
    @Path("sign-out")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(RoutingContext rc) {
        URI next = URI.create("/sign-in?signed-out");
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        if (idToken != null) {
            // Signed in by the code flow: its session cookie (not the form's) carries the tokens; removing it ends the
            // session here, and the next page goes back to the identity provider.
            singleSignOn.logout().await().indefinitely();
            next = providerSignOut(
                    idToken, URI.create(rc.request().absoluteURI()).resolve(next));
        }
        // The session lives only in the encrypted cookie: expiring it ends the session in this browser. Set on
        // the Vert.x response, it replaces the renewed cookie the form mechanism may have set for this request.
        rc.response()
                .addCookie(Cookie.cookie(cookieName, "")
                        .setPath(cookiePath)
                        .setMaxAge(0)
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
        return Response.seeOther(next).build();
    }

    /**
     * Where the browser goes to end the identity provider's session too (OpenID Connect RP-Initiated Logout): the
     * provider's {@code end_session_endpoint} with the ID token as the hint of whose session, and {@code back}, which
     * the provider must have registered for the client, to return to. Without such an endpoint in the provider's
     * metadata, {@code back} itself: the provider's session is then left to its own policy.
     */
    private URI providerSignOut(IdTokenCredential idToken, URI back) {
        OidcConfigurationMetadata provider = identity.getAttribute(CONFIG_METADATA);
        String endSession = provider == null ? null : provider.getEndSessionUri();
        if (endSession == null || endSession.isBlank()) {
            return back;
        }
        return URI.create(endSession
                + (endSession.contains("?") ? "&" : "?")
                + "id_token_hint=" + URLEncoder.encode(idToken.getToken(), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(back.toString(), StandardCharsets.UTF_8));
    }
}
