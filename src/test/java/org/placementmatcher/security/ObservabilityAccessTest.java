package org.placementmatcher.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics, OpenAPI and Swagger UI answer ADMIN only; health answers everyone (contract section 6). */
@QuarkusTest
class ObservabilityAccessTest {

    static final List<String> CLOSED = List.of(
            "/q/metrics",
            "/q/openapi",
            "/q/openapi?format=json",
            "/q/openapi.json",
            "/q/openapi.yaml",
            "/q/swagger-ui",
            "/q/swagger-ui/",
            "/q/swagger-ui/index.html");

    @Test
    void adminReadsThem() {
        for (String path : CLOSED) {
            TestAccounts.as(TestAccounts.ADMIN)
                    .redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 301, 302));
        }
        TestAccounts.as(TestAccounts.ADMIN).get("/q/metrics").then().statusCode(200);
        TestAccounts.as(TestAccounts.ADMIN).get("/q/openapi").then().statusCode(200);
        TestAccounts.as(TestAccounts.ADMIN).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aDataRoleIsForbidden() {
        for (String path : CLOSED) {
            TestAccounts.as(TestAccounts.DIRECTOR)
                    .redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void nobodySignedInIsUnauthorisedOrSentToSignIn() {
        for (String path : CLOSED) {
            var answer =
                    given().auth().none().redirects().follow(false).get(path).then();
            if (path.startsWith("/q/swagger-ui")) {
                // A page, for people: to the sign-in page.
                answer.statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/sign-in"));
            } else {
                // Read by machines (a scraper): 401 with the challenge and the JSON body.
                answer.statusCode(401)
                        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                        .contentType(io.restassured.http.ContentType.JSON);
            }
        }
    }

    @Test
    void healthIsAlwaysOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            given().auth().none().get(path).then().statusCode(200);
        }
    }
}
