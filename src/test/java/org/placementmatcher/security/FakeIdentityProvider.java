package org.placementmatcher.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Test aid: a council's identity provider, as far as the OpenID Connect code flow needs one (WireMock serving its
 * discovery document, its signing key, an authorisation endpoint that signs in whoever asks, and a token endpoint),
 * so that single sign-on is tested end to end: the application discovers the provider, sends the browser to it,
 * exchanges the code it comes back with for tokens, checks their signature against the published key, and keeps the
 * session. The user the provider signs in next, with the roles and authorities in their token, is set by
 * {@link #signsInNext}; {@link #forgesNext} has it sign the token with a key it does not publish.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "/realms/council";
    static final String CLIENT_ID = "placement-matcher";
    static final String CLIENT_SECRET = "test-client-secret";
    /** The code the authorisation endpoint hands back; the token endpoint answers only for it, and this client's secret. */
    static final String CODE = "one-time-code";

    private static final String KEY_ID = "council-signing-key";
    private static final KeyPair KEYS = newKeyPair();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true));
        server.start();
        String issuer = issuer();
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer": "%1$s",
                         "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                         "token_endpoint": "%1$s/protocol/openid-connect/token",
                         "jwks_uri": "%1$s/protocol/openid-connect/certs",
                         "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
                         "response_types_supported": ["code"],
                         "subject_types_supported": ["public"],
                         "id_token_signing_alg_values_supported": ["RS256"]}
                        """.formatted(issuer))));
        RsaJsonWebKey published = new RsaJsonWebKey((RSAPublicKey) KEYS.getPublic());
        published.setKeyId(KEY_ID);
        published.setUse("sig");
        published.setAlgorithm("RS256");
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
                .willReturn(json("{\"keys\": [" + published.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")));
        // Signs in whoever is asked about at once (no login page), back to the application with the code and state.
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/auth"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location",
                                "{{request.query.redirect_uri}}?code=" + CODE + "&state={{request.query.state}}")));
        // Ends its session (RP-Initiated Logout) and sends the browser back where the application asked.
        server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/logout"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")));
        return Map.of(
                "placement.oidc.enabled",
                "true",
                "quarkus.oidc.auth-server-url",
                issuer,
                "quarkus.oidc.client-id",
                CLIENT_ID,
                "quarkus.oidc.credentials.secret",
                CLIENT_SECRET,
                "placement.oidc.roles-claim",
                "realm_access/roles",
                "placement.oidc.authorities-claim",
                "councils");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The query parameters of each request to end a session at the provider, oldest first. */
    static List<Map<String, String>> signOutRequests() {
        return server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo(REALM + "/protocol/openid-connect/logout")))
                .stream()
                .map(request -> request.getQueryParams().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().firstValue())))
                .toList();
    }

    /** The issuer, and the base of every endpoint. */
    static String issuer() {
        return server.baseUrl() + REALM;
    }

    /**
     * The next code exchanged at the token endpoint (with this client's secret) brings tokens for {@code user}, with
     * {@code roles} in {@code realm_access/roles} as Keycloak sends them and {@code authorities} in {@code councils}.
     */
    static void signsInNext(String user, List<String> roles, List<String> authorities) {
        answerTokenRequests(token(user, roles, authorities, KEYS.getPrivate()));
    }

    /** The same, the tokens signed by a key the provider never published: a forgery the application must refuse. */
    static void forgesNext(String user, List<String> roles, List<String> authorities) {
        answerTokenRequests(token(user, roles, authorities, newKeyPair().getPrivate()));
    }

    /** A token of this provider's, as {@link #signsInNext} issues them, for calling the API with a bearer token. */
    static String accessToken(String user, List<String> roles, List<String> authorities) {
        return token(user, roles, authorities, KEYS.getPrivate());
    }

    private static void answerTokenRequests(String token) {
        server.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + CODE))
                .willReturn(json("""
                        {"access_token": "%1$s", "id_token": "%1$s", "token_type": "Bearer", "expires_in": 300}
                        """.formatted(token))));
    }

    private static String token(String user, List<String> roles, List<String> authorities, PrivateKey key) {
        return Jwt.issuer(issuer())
                .subject(user)
                .audience(CLIENT_ID)
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .claim("councils", authorities)
                .expiresIn(300)
                .jws()
                .keyId(KEY_ID)
                .sign(key);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A new RSA key pair to sign tokens with (this provider's, or a forger's). */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
