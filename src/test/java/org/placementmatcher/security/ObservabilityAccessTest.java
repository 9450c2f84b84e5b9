package org.placementmatcher.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
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
    @TestSecurity(user = "admin", roles = Role.ADMIN_NAME)
    void adminReadsThem() {
        for (String path : CLOSED) {
            given().redirects().follow(false).get(path).then().statusCode(org.hamcrest.Matchers.oneOf(200, 301, 302));
        }
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @TestSecurity(
            user = "director",
            roles = {Role.DIRECTOR_NAME, Role.NOMINATED_OFFICER_NAME, Role.MANAGER_NAME, Role.OFFICER_NAME})
    void aDataRoleIsForbidden() {
        for (String path : CLOSED) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
    }

    @Test
    void nobodySignedInIsUnauthorised() {
        for (String path : CLOSED) {
            given().auth().none().redirects().follow(false).get(path).then().statusCode(401);
        }
    }

    @Test
    void healthIsAlwaysOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            given().auth().none().get(path).then().statusCode(200);
        }
    }
}
