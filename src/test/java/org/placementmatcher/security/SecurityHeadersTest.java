package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Security headers on every kind of answer, and no cross-origin access by default (README "Hardening"). */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void successfulAnswersCarryTheHeaders() {
        assertStrictHeaders(given().get("/q/health/live"), 200);
    }

    @Test
    void jsonErrorsOfTheHttpLayerCarryTheHeaders() {
        Response unknown = given().get("/api/no/such/route");
        assertStrictHeaders(unknown, 404);
        assertThat(unknown.contentType()).startsWith("application/json");
        Response unknownPage = given().get("/no/such/page");
        assertStrictHeaders(unknownPage, 404);
        assertThat(unknownPage.contentType()).startsWith("text/html");
        assertStrictHeaders(given().body("{}").post("/api/plans"), 415);
        assertStrictHeaders(given().get("/api/plans/" + "x".repeat(9000)), 414);
    }

    @Test
    void refusalsOfSecurityCarryTheHeaders() {
        assertStrictHeaders(given().auth().none().get("/q/metrics"), 401);
    }

    @Test
    void forbiddenAnswersAreJsonWithTheHeaders() {
        Response forbidden = TestAccounts.as(TestAccounts.DIRECTOR).get("/q/metrics");
        assertStrictHeaders(forbidden, 403);
        assertThat(forbidden.contentType()).startsWith("application/json");
        assertThat(forbidden.jsonPath().getString("errors[0].path")).isEqualTo("$");
    }

    @Test
    void swaggerUiNeedsItsInlineScriptButMayStillNotBeFramed() {
        Response page = TestAccounts.as(TestAccounts.ADMIN).get("/q/swagger-ui/");
        page.then().statusCode(200);
        // The page Quarkus serves configures Swagger UI in an inline <script>: 'self' alone would block it.
        assertThat(page.asString()).containsPattern("<script>|<script type=\"text/javascript\">");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.SWAGGER_UI_POLICY);
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertThat(given().get("/q/health/live").header("Strict-Transport-Security"))
                .isNull();
        MultiMap https = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.addHeaders(https, "/api/plans", true);
        assertThat(https.get("Strict-Transport-Security")).isEqualTo(SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        MultiMap http = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.addHeaders(http, "/api/plans", false);
        assertThat(http.get("Strict-Transport-Security")).isNull();
    }

    @Test
    void noCrossOriginAccessUnlessConfigured() {
        Response preflight = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/plans");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        Response simple = given().header("Origin", "https://elsewhere.example").get("/q/health/live");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    private static void assertStrictHeaders(Response response, int status) {
        response.then().statusCode(status);
        assertThat(response.header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
                        + "object-src 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
