package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** HTTP Basic for the API, the sign-in form and session cookie for pages, sign-out with its CSRF token. */
@QuarkusTest
@SignedOutByDefault
class SignInTest {

    private static final String SESSION = "quarkus-credential";

    @Test
    void basicWithTheRightPasswordIsAccepted() {
        TestAccounts.as(TestAccounts.ADMIN).get("/api/admin/users").then().statusCode(200);
        TestAccounts.as(TestAccounts.DIRECTOR).get("/").then().statusCode(200).body(containsString("director"));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserGets401WithTheJsonBodyAndTheBasicChallenge() {
        for (var request : List.of(
                given().auth().preemptive().basic(TestAccounts.ADMIN, "Wrong-password-1"),
                given().auth().preemptive().basic("nobody-" + System.nanoTime(), TestAccounts.PASSWORD))) {
            request.get("/api/admin/users")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Basic realm=\"Placement Matcher\"")
                    .contentType(ContentType.JSON)
                    .body("errors[0].path", equalTo("$"))
                    .body("errors[0].message", containsString("sign-in failed"));
        }
    }

    @Test
    void anUnauthenticatedApiCallGets401NotARedirect() {
        given().redirects()
                .follow(false)
                .get("/api/admin/users")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Placement Matcher\"")
                .contentType(ContentType.JSON)
                .body("errors[0].message", containsString("authentication required"));
    }

    @Test
    void anUnauthenticatedPageIsRedirectedToTheSignInPage() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/sign-in"));
        given().get("/sign-in")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<label class=\"govuk-label\" for=\"username\">Username</label>"))
                .body(containsString("type=\"password\""))
                .body(containsString("action=\"/j_security_check\""))
                .body(not(containsString("There is a problem")));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFormSignInSetsAnHttpOnlyStrictSessionCookieAndLandsOnTheHomePage() {
        Response signIn = signIn(TestAccounts.OFFICER, TestAccounts.PASSWORD);
        signIn.then().statusCode(302).header("Location", endsWith("/"));
        String setCookie = sessionSetCookie(signIn);
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(setCookie).as("plain HTTP here: not Secure").doesNotContainIgnoringCase("Secure;");
        String session = signIn.getCookie(SESSION);

        given().cookie(SESSION, session)
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("Signed in as <strong id=\"signed-in-user\">officer</strong>"));
    }

    @Test
    void aBadFormSignInShowsTheErrorAndSetsNoSession() {
        Response signIn = signIn(TestAccounts.OFFICER, "Wrong-password-1");
        signIn.then().statusCode(302).header("Location", endsWith("/sign-in?error"));
        assertThat(signIn.getCookie(SESSION)).isNull();
        given().get("/sign-in?error")
                .then()
                .statusCode(200)
                .body(containsString("There is a problem"))
                .body(containsString("<title>Error: Sign in"));
    }

    @Test
    void aSignInPostFromAnotherSiteIsRefused() {
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.URLENC)
                .formParam("username", TestAccounts.OFFICER)
                .formParam("password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .header("Origin", "https://attacker.example")
                .contentType(ContentType.URLENC)
                .formParam("username", TestAccounts.OFFICER)
                .formParam("password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(403);
        signIn(TestAccounts.OFFICER, TestAccounts.PASSWORD, "same-origin")
                .then()
                .statusCode(302);
    }

    @Test
    void theSessionCookieWorksForTheApiToo() {
        String session = signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD).getCookie(SESSION);
        given().cookie(SESSION, session).get("/api/admin/users").then().statusCode(200);
    }

    @Inject
    AccountStore accounts;

    @Test
    void theSessionOfAUserSinceDisabledOrDeletedIsOver() {
        String username = "session-" + System.nanoTime();
        Instant now = Instant.now();
        accounts.create(
                new Account(
                        username,
                        accounts.hash("Session-password-1"),
                        new TreeSet<>(EnumSet.of(Role.ADMIN)),
                        new TreeSet<>(),
                        true,
                        0,
                        null,
                        now,
                        now),
                "test-setup");
        String session = signIn(username, "Session-password-1").getCookie(SESSION);
        given().cookie(SESSION, session).get("/api/admin/users").then().statusCode(200);

        accounts.delete(username, "test-setup");

        given().redirects()
                .follow(false)
                .cookie(SESSION, session)
                .get("/api/admin/users")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Placement Matcher\"")
                .contentType(ContentType.JSON);
        given().redirects()
                .follow(false)
                .cookie(SESSION, session)
                .get("/")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/sign-in"));
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheSession() {
        String session = signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD).getCookie(SESSION);
        Response home = given().cookie(SESSION, session).get("/");
        String csrfCookie = home.getCookie("csrf-token");
        Matcher field =
                Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(home.asString());
        assertThat(csrfCookie).isNotNull();
        assertThat(field.find()).isTrue();

        given().redirects()
                .follow(false)
                .cookie(SESSION, session)
                .cookie("csrf-token", csrfCookie)
                .contentType(ContentType.URLENC)
                .formParam("other", "x")
                .post("/sign-out")
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .cookie(SESSION, session)
                .cookie("csrf-token", csrfCookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", otherThan(field.group(1)))
                .post("/sign-out")
                .then()
                .statusCode(400);
        given().cookie(SESSION, session).get("/").then().statusCode(200);

        Response out = given().redirects()
                .follow(false)
                .cookie(SESSION, session)
                .cookie("csrf-token", csrfCookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", field.group(1))
                .post("/sign-out");
        out.then().statusCode(303).header("Location", endsWith("/sign-in?signed-out"));
        assertThat(sessionSetCookie(out)).matches("(?i)" + SESSION + "=;.*Max-Age=0.*");
    }

    /** The token with its first character changed: never the token itself, whatever its first character. */
    private static String otherThan(String token) {
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }

    static Response signIn(String username, String password) {
        return signIn(username, password, null);
    }

    private static Response signIn(String username, String password, String fetchSite) {
        var request = given().redirects().follow(false);
        if (fetchSite != null) {
            request = request.header("Sec-Fetch-Site", fetchSite);
        }
        return request.contentType(ContentType.URLENC)
                .formParam("username", username)
                .formParam("password", password)
                .post("/j_security_check");
    }

    private static String sessionSetCookie(Response response) {
        return response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION + "="))
                .findFirst()
                .orElseThrow();
    }
}
