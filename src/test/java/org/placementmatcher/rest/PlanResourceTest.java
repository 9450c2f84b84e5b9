package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;

@QuarkusTest
class PlanResourceTest {

    static String startPlan(String body, int seconds) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .queryParam("seconds", seconds)
                .when()
                .post("/api/plans")
                .then()
                .statusCode(202)
                .body("id", notNullValue())
                .extract()
                .path("id");
    }

    static JsonPath waitUntilDone(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath view = given().get("/api/plans/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (view.getString("status").equals("DONE") || System.nanoTime() > end) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void solvesInTheBackgroundToTheHandWorkedScoreAndExplainsIt() throws Exception {
        String id = startPlan(ProblemFixtures.handScored(), 2);

        JsonPath view = waitUntilDone(id, Duration.ofSeconds(20));

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("plan.score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(view.getBoolean("plan.feasible")).isTrue();
        assertThat(view.getList("plan.assignments.childId")).containsExactly("C1", "C2", "C3", "C4");
        assertThat(view.getList("plan.assignments.providerId")).containsExactly("P1", "P1", "P2", null);
        assertThat(view.getInt("plan.kpis.placed")).isEqualTo(3);
        // Its proof: the hand-worked plan is the best possible (every other placement costs more), and the bound
        // never claims better than it.
        assertThat(HardMediumSoftScore.parseScore(view.getString("plan.bestBound")))
                .isGreaterThanOrEqualTo(HardMediumSoftScore.of(0, -10, -2527));
        assertThat(view.getLong("plan.mediumGap")).isZero();
        assertThat(view.getDouble("plan.gapPercent")).isGreaterThanOrEqualTo(0.0);

        JsonPath analysis = given().get("/api/plans/" + id + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(analysis.getString("score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(analysis.getString("constraints.find { it.code == 'unplaced' }.matches[0].childIds[0]"))
                .isEqualTo("C4");
        assertThat(analysis.getString("constraints.find { it.code == 'religion' }.score"))
                .isEqualTo("0hard/0medium/-50soft");
        assertThat(analysis.getList("constraints.code")).contains("H1", "H14", "cost", "siblingsApart");
    }

    @Test
    void deleteStopsEarlyAndTheBestPlanStaysReadable() throws Exception {
        String id = startPlan(ProblemFixtures.handScored(), 60);

        given().delete("/api/plans/" + id).then().statusCode(200).body("id", equalTo(id));
        JsonPath view = waitUntilDone(id, Duration.ofSeconds(10));

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("plan.score")).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(view.getList("plan.assignments")).hasSize(4);
    }

    @Test
    void refusesNewPlansWhenEveryHeldPlanIsStillSolving() throws Exception {
        List<String> started = new ArrayList<>();
        int status = 202;
        for (int i = 0; i < 5 && status == 202; i++) {
            var response = given().contentType(ContentType.JSON)
                    .body(ProblemFixtures.handScored())
                    .queryParam("seconds", 60)
                    .post("/api/plans");
            status = response.statusCode();
            if (status == 202) {
                started.add(response.path("id"));
            } else {
                assertThat(response.jsonPath().getString("errors[0].message")).contains("plans are held");
            }
        }
        started.forEach(id -> given().delete("/api/plans/" + id).then().statusCode(200));

        assertThat(status).isEqualTo(429);
        for (String id : started) {
            assertThat(waitUntilDone(id, Duration.ofSeconds(10)).getString("status"))
                    .isEqualTo("DONE");
        }
    }

    @Test
    void unknownIdsAre404WithAJsonError() {
        given().get("/api/plans/no-such-plan")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("errors[0].message", equalTo("no plan with id no-such-plan"));
        given().get("/api/plans/no-such-plan/analysis").then().statusCode(404).body("errors[0].path", equalTo("$"));
        given().delete("/api/plans/no-such-plan").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void aPlanOfThreeAuthoritiesHasTheKpisOfEachAndRefusesBadAdjoiningCodesByPath() throws Exception {
        // Worked out by hand in solver/ThreeAuthoritiesTest.
        JsonPath view = waitUntilDone(startPlan(ProblemFixtures.threeAuthorities(), 2), Duration.ofSeconds(20));

        assertThat(view.getString("plan.score")).isEqualTo("0hard/-3medium/-6000soft");
        assertThat(view.getMap("plan.kpisByAuthority")).containsOnlyKeys("A", "B", "C");
        assertThat(view.getDouble("plan.kpisByAuthority.A.outOfAreaPercent")).isEqualTo(33.3);
        assertThat(view.getDouble("plan.kpisByAuthority.C.outOfAreaPercent")).isEqualTo(66.7);
        assertThat(view.getInt("plan.kpisByAuthority.C.unplaced")).isEqualTo(1);
        assertThat(view.getDouble("plan.kpisByAuthority.B.weeklyCost")).isEqualTo(1700.0);

        String bad = ProblemFixtures.threeAuthorities()
                .replace("{\"A\": [\"B\"], \"B\": [\"A\"], \"C\": []}", "{\"A\": [\"B\", 3], \"B\": \"A\"}");
        given().contentType(ContentType.JSON)
                .body(bad)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.path", containsInAnyOrder("$.adjoiningAuthorities.A[1]", "$.adjoiningAuthorities.B"));
    }

    @Test
    void invalidProblemsAre400ListingEveryPathAndNothingIsKept() {
        String bad = ProblemFixtures.edit(root -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                            root.get("providers").get(0))
                    .put("places", "two");
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                            root.get("children").get(1))
                    .put("id", "C1");
        });

        given().contentType(ContentType.JSON)
                .body(bad)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.path", hasItem("$.providers[0].places"))
                .body("errors.path", hasItem("$.children[1].id"));
    }

    @Test
    void malformedEmptyAndWronglyTypedBodiesAreJsonErrors() {
        given().contentType(ContentType.JSON)
                .body("{\"schemaVersion\": ")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("malformed JSON"));
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("empty"));
        given().contentType(ContentType.TEXT)
                .body(ProblemFixtures.VALID)
                .post("/api/plans")
                .then()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void secondsOutsideTheServerCapAre400() {
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID)
                .queryParam("seconds", 100000)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"));
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID)
                .queryParam("seconds", "soon")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"));
    }

    @Test
    void aSmallPlanFinishesWhileALongOneSolvesAndAThirdWaitsQueued() throws Exception {
        String longOne = startPlan(ProblemFixtures.handScored(), 60);
        String small = startPlan(ProblemFixtures.handScored(), 1);

        assertThat(waitUntilDone(small, Duration.ofSeconds(20)).getString("status"))
                .isEqualTo("DONE");
        JsonPath solving = given().get("/api/plans/" + longOne)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(solving.getString("status")).isEqualTo("SOLVING");
        assertThat(solving.getLong("limitSeconds")).isEqualTo(60);
        assertThat(solving.getLong("elapsedSeconds")).isBetween(0L, 60L);

        // Both solving threads busy (placement.plans.solver-threads, 2): the next plan waits.
        String longTwo = startPlan(ProblemFixtures.handScored(), 60);
        String waiting = startPlan(ProblemFixtures.handScored(), 1);
        JsonPath queued = given().get("/api/plans/" + waiting)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(queued.getString("status")).isEqualTo("QUEUED");
        assertThat(queued.getLong("elapsedSeconds")).isZero();
        assertThat(queued.getLong("limitSeconds")).isEqualTo(1);
        assertThat(queued.getString("plan.score")).isNotNull();

        given().delete("/api/plans/" + longOne).then().statusCode(200);
        JsonPath done = waitUntilDone(waiting, Duration.ofSeconds(20));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("plan.score")).isEqualTo("0hard/-10medium/-2527soft");
        given().delete("/api/plans/" + longTwo).then().statusCode(200);
    }
}
