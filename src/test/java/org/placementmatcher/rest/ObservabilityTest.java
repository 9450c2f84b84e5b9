package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.security.TestAccounts;

/**
 * What metrics and OpenAPI show. Both answer ADMIN only (security/ObservabilityAccessTest), and solving needs a
 * data role, so these run as a user holding both.
 */
@QuarkusTest
class ObservabilityTest {

    @Test
    void metricsShowSolverMetricsAndQueryTimersWithoutPerProblemSeries() throws Exception {
        String id = PlanResourceTest.startPlan(ProblemFixtures.handScored(), 1);
        PlanResourceTest.waitUntilDone(id, Duration.ofSeconds(20));
        given().contentType(ContentType.JSON)
                .body(MatchResourceTest.request(ProblemFixtures.handScored(), List.of("C2")))
                .post("/api/match")
                .then()
                .statusCode(200);

        String metrics = TestAccounts.as(TestAccounts.ADMIN)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(metrics).contains("timefold_solver_solve_duration");
        assertThat(metrics).contains("placement_plan_solve_seconds_count");
        assertThat(metrics).contains("placement_query_seconds_count{kind=\"match\"");
        assertThat(metrics).doesNotContain(id);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        String openapi = TestAccounts.as(TestAccounts.ADMIN)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(openapi).contains("/api/plans").contains("/api/match").contains("/api/emergency");
        TestAccounts.as(TestAccounts.ADMIN).get("/q/swagger-ui/").then().statusCode(200);
    }
}
