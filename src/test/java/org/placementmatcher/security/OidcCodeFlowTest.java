package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.RegisterFixtures;

/**
 * Single sign-on end to end by the code flow, as a browser goes through it: the application sends the browser to the
 * identity provider ({@link FakeIdentityProvider}, found through its discovery document), which sends it back with a
 * code; the application exchanges the code for tokens, checks their signature against the provider's published key,
 * and keeps a session. Roles and authorities come from the token's claims; signing out ends the session; a token the
 * provider did not sign opens nothing. The API's bearer tokens are checked against the same published key.
 */
@QuarkusTest
@WithTestResource(FakeIdentityProvider.class)
class OidcCodeFlowTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI app;

    /** A browser: keeps cookies, follows redirects (to the identity provider and back). */
    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Test
    void anOfficerSignsInThroughTheIdentityProviderAndOpensOnlyTheirCouncilsRegister() throws Exception {
        putRegister("SSO-A");
        putRegister("SSO-B");
        FakeIdentityProvider.signsInNext("jo.bloggs", List.of(Role.OFFICER_NAME), List.of("SSO-A"));

        HttpResponse<String> home = open("/");

        // Their only register's overview, straight from the home page, after the round trip through the provider.
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/registers/SSO-A");
        assertThat(home.body()).contains("Signed in as <strong id=\"signed-in-user\">jo.bloggs</strong>");
        assertThat(open("/registers/SSO-A/children").statusCode()).isEqualTo(200);
        assertThat(open("/registers/SSO-B/children").statusCode()).isIn(403, 404);
        assertThat(open("/users").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheServicesSessionAndTheProvidersSoTheNextPageGoesBackToTheProvider() throws Exception {
        FakeIdentityProvider.signsInNext("sam.adeyemi", List.of(Role.VIEWER_NAME), List.of("SSO-A"));
        HttpResponse<String> page = open("/");
        assertThat(page.body()).contains("sam.adeyemi");
        Matcher csrf = CSRF_FIELD.matcher(page.body().substring(page.body().indexOf("action=\"/sign-out\"")));
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> signedOut = browser.send(
                HttpRequest.newBuilder(app.resolve("/sign-out"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(csrf.group(1) + "=" + csrf.group(2)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Through the provider's end-session endpoint (RP-Initiated Logout), with the ID token as the hint of whose
        // session, back to the sign-in page.
        assertThat(signedOut.uri()).isEqualTo(app.resolve("/sign-in?signed-out"));
        Map<String, String> atProvider = FakeIdentityProvider.signOutRequests().getLast();
        String hintClaims = new String(
                java.util.Base64.getUrlDecoder()
                        .decode(atProvider.get("id_token_hint").split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(hintClaims).contains("\"sub\":\"sam.adeyemi\"");
        assertThat(atProvider)
                .containsEntry(
                        "post_logout_redirect_uri",
                        app.resolve("/sign-in?signed-out").toString());
        // The session is gone: the next page sends the browser to the identity provider again.
        HttpResponse<String> next = withoutFollowingRedirects("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow())
                .startsWith(FakeIdentityProvider.issuer() + "/protocol/openid-connect/auth");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderNeverPublishedOpensNothing() throws Exception {
        FakeIdentityProvider.forgesNext("mallory", List.of(Role.ADMIN_NAME), List.of("*"));

        HttpResponse<String> refused = open("/");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("mallory");
        assertThat(withoutFollowingRedirects("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aUserWithNoRoleOfTheServiceSignsInButOpensNoRegister() throws Exception {
        putRegister("SSO-A");
        FakeIdentityProvider.signsInNext("pat.other", List.of("finance"), List.of("SSO-A"));

        HttpResponse<String> home = open("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("pat.other").doesNotContain("/registers/SSO-A");
        assertThat(open("/registers/SSO-A/children").statusCode()).isEqualTo(403);
    }

    @Test
    void theApiTakesTheProvidersBearerTokensAndNeverRedirects() throws Exception {
        putRegister("SSO-A");
        String token = FakeIdentityProvider.accessToken("api.client", List.of(Role.VIEWER_NAME), List.of("SSO-A"));

        HttpResponse<String> withToken = browser.send(
                HttpRequest.newBuilder(app.resolve("/api/register/SSO-A"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> without = withoutFollowingRedirects("/api/register/SSO-A");

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(without.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(app.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withoutFollowingRedirects(String path) throws IOException, InterruptedException {
        HttpClient sameCookies = HttpClient.newBuilder()
                .cookieHandler(browser.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return sameCookies.send(
                HttpRequest.newBuilder(app.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A register for {@code authority}, put through the API with a director's bearer token from the provider. */
    private void putRegister(String authority) throws IOException, InterruptedException {
        String token = FakeIdentityProvider.accessToken("set.up", List.of(Role.DIRECTOR_NAME), List.of("*"));
        HttpResponse<String> put = browser.send(
                HttpRequest.newBuilder(app.resolve("/api/register/" + authority))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), authority)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
}
