package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.data.ssda903.Ssda903Fixtures;

/**
 * The SSDA903 import's multipart POST spared the pages' CSRF token only when sent with its own credentials and not
 * from another site (security/ApiFormUploads); any other multipart API request needs its page's token.
 */
@QuarkusTest
class ApiFormUploadsTest {

    private static final String AUTHORITY = "CSRF-903";
    private static final String SESSION = "quarkus-credential";

    @BeforeEach
    void emptyRegister() {
        given().contentType(ContentType.JSON)
                .body("{\"schemaVersion\": 1, \"referenceDate\": \"2026-11-22\", \"homeAuthority\": \"" + AUTHORITY
                        + "\", \"providers\": [], \"children\": []}")
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200);
    }

    @Test
    void anImportWithBasicCredentialsAndNoBrowserHeadersIsAccepted() {
        importing(TestAccounts.as(TestAccounts.OFFICER), true)
                .then()
                .statusCode(200)
                .body("children.added.size()", equalTo(5));
    }

    @Test
    void anImportFromThisServicesOwnOriginIsAccepted() {
        importing(
                        TestAccounts.as(TestAccounts.OFFICER)
                                .header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                                .header("Sec-Fetch-Site", "same-origin"),
                        true)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    @Test
    void anImportWithBasicCredentialsFromAnotherOriginIsRefusedAndChangesNothing() {
        refused(TestAccounts.as(TestAccounts.OFFICER).header("Origin", "https://evil.example"));
        refused(TestAccounts.as(TestAccounts.OFFICER).header("Origin", "null"));
        refused(TestAccounts.as(TestAccounts.OFFICER)
                .header("Origin", RestAssured.baseURI.replace("http:", "https:") + ":" + RestAssured.port));
    }

    @Test
    void anImportWithBasicCredentialsThatTheBrowserSaysIsCrossSiteIsRefused() {
        refused(TestAccounts.as(TestAccounts.OFFICER).header("Sec-Fetch-Site", "cross-site"));
        refused(TestAccounts.as(TestAccounts.OFFICER).header("Sec-Fetch-Site", "same-site"));
    }

    @Test
    void anImportWithOnlyASessionCookieAndNoCsrfTokenIsRefused() {
        refused(given().auth().none().cookie(SESSION, session(TestAccounts.DIRECTOR)));
    }

    @Test
    void aJunkAuthorizationHeaderBesideTheSessionCookieDoesNotSpareTheToken() {
        String cookie = session(TestAccounts.DIRECTOR);
        // Refused by the CSRF filter, or already by Basic authentication (401): never imported on the session.
        refused(given().auth().none().cookie(SESSION, cookie).header("Authorization", "Basic junk"), 400, 401, 403);
        refused(given().auth().none().cookie(SESSION, cookie).header("Authorization", "Negotiate abc"), 400, 401, 403);
    }

    @Test
    void theBasicUserIsTheOneWhoImportsNotTheSessionCookiesUser() {
        // A director's session beside a viewer's Basic credentials: the viewer may not import.
        importing(TestAccounts.as(TestAccounts.VIEWER).cookie(SESSION, session(TestAccounts.DIRECTOR)), true)
                .then()
                .statusCode(403);
        // A director's session beside a wrong Basic password: the session does not sign the request in.
        importing(
                        given().auth()
                                .preemptive()
                                .basic(TestAccounts.DIRECTOR, "Wrong-password-1")
                                .cookie(SESSION, session(TestAccounts.DIRECTOR)),
                        true)
                .then()
                .statusCode(401);
    }

    private static Response importing(RequestSpecification request, boolean dryRun) {
        for (String[] table : new String[][] {
            {"header", Ssda903Fixtures.HEADER}, {"episodes", Ssda903Fixtures.EPISODES}, {"uasc", Ssda903Fixtures.UASC}
        }) {
            request = request.multiPart(
                    table[0], table[0] + ".csv", table[1].getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return request.queryParam("referenceDate", "2026-11-22")
                .queryParam("dryRun", dryRun)
                .post("/api/register/" + AUTHORITY + "/import/ssda903");
    }

    /** A real (not dry) import, refused by the CSRF filter, leaves the register as it was. */
    private static void refused(RequestSpecification request) {
        refused(request, 400, 403);
    }

    private static void refused(RequestSpecification request, Integer... statuses) {
        String before = version();
        int status = importing(request, false).statusCode();
        assertThat(status).isIn((Object[]) statuses);
        assertThat(version()).isEqualTo(before);
        given().get("/api/register/" + AUTHORITY).then().statusCode(200).body("children.size()", equalTo(0));
    }

    private static String version() {
        return given().get("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Register-Version");
    }

    /** The session cookie of the user, signed in by the sign-in form. */
    private static String session(String username) {
        String cookie = given().auth()
                .none()
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", username)
                .formParam("password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie(SESSION);
        assertThat(cookie).isNotBlank();
        return cookie;
    }
}
