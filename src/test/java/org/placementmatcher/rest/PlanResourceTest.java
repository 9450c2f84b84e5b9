package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
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
        return waitUntil(id, view -> view.getString("status").equals("DONE"), timeout);
    }

    /** The plan's view once {@code until} holds of it, or when the time is up. */
    private static JsonPath waitUntil(String id, Predicate<JsonPath> until, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath view = view(id);
            if (until.test(view) || System.nanoTime() > end) {
                return view;
            }
            Thread.sleep(50);
        }
    }

    private static JsonPath view(String id) {
        return given().get("/api/plans/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The plan's view once it no longer waits for a solving thread. */
    private static JsonPath waitWhileQueued(String id) throws InterruptedException {
        return waitUntil(id, view -> !Boolean.TRUE.equals(view.get("queued")), Duration.ofSeconds(20));
    }

    /**
     * Long plans on every solving thread (placement.plans.solver-threads, 2 in the test profile; with
     * placement.plans.max-held 3 there is room for one more), each seen solving: the next plan waits.
     */
    private static List<String> fillSolvingThreads() throws InterruptedException {
        int threads = ConfigProvider.getConfig().getValue("placement.plans.solver-threads", Integer.class);
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            busy.add(startPlan(ProblemFixtures.handScored(), 60));
        }
        for (String id : busy) {
            JsonPath running = waitWhileQueued(id);
            assertThat(running.getString("status")).isEqualTo("SOLVING");
            assertThat(running.<Object>get("queued")).as("solving, not waiting").isNull();
        }
        return busy;
    }

    static JsonPath analysis(String id) {
        return given().get("/api/plans/" + id + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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

        JsonPath analysis = analysis(id);
        assertThat(analysis.getString("score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(analysis.getString("constraints.find { it.code == 'unplaced' }.matches[0].childIds[0]"))
                .isEqualTo("C4");
        assertThat(analysis.getString("constraints.find { it.code == 'religion' }.score"))
                .isEqualTo("0hard/0medium/-50soft");
        assertThat(analysis.getList("constraints.code")).contains("H1", "H14", "cost", "siblingsApart");
    }

    /**
     * A child both pinned and needsMove is accepted (202, not 400): the plan keeps it at its current placement and
     * breaks H13 for it, one hard point (hand-scored in ProblemFixtures.PINNED_AND_MOVING), and the analysis says so.
     */
    @Test
    void aChildPinnedAndNeedingAMoveStaysWhereItIsAndTheAnalysisNamesH13() throws Exception {
        String id = startPlan(ProblemFixtures.PINNED_AND_MOVING, 2);

        JsonPath view = waitUntilDone(id, Duration.ofSeconds(20));

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("plan.score")).isEqualTo("-1hard/0medium/-800soft");
        assertThat(view.getBoolean("plan.feasible")).isFalse();
        assertThat(view.getList("plan.assignments.childId")).containsExactly("C1", "C2");
        assertThat(view.getList("plan.assignments.providerId")).containsExactly("P1", "P1");
        assertThat(view.getList("plan.assignments.moved")).containsExactly(false, false);
        assertThat(view.getInt("plan.kpis.moves")).isZero();

        JsonPath analysis = analysis(id);
        assertThat(analysis.getString("score")).isEqualTo("-1hard/0medium/-800soft");
        assertThat(analysis.getString("constraints.find { it.code == 'H13' }.score"))
                .isEqualTo("-1hard/0medium/0soft");
        assertThat(analysis.getList("constraints.find { it.code == 'H13' }.matches.childIds"))
                .containsExactly(List.of("C1"));
        assertThat(analysis.getList("constraints.find { it.code == 'H13' }.matches.providerIds"))
                .containsExactly(List.of("P1"));
        assertThat(analysis.getList(
                        "constraints.findAll { it.level == 'hard' && it.score != '0hard/0medium/0soft' }.code"))
                .containsExactly("H13");
    }

    /** Contract section 4 writes {@code name} in every plan: a problem without one gives {@code "name": null}. */
    @Test
    void aProblemWithoutANameGivesAPlanWithNameNull() throws Exception {
        String id = startPlan(ProblemFixtures.VALID, 1);
        waitUntilDone(id, Duration.ofSeconds(20));

        JsonNode plan = ContractJson.mapper()
                .readTree(given().get("/api/plans/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("plan");

        assertThat(plan.has("name")).isTrue();
        assertThat(plan.get("name").isNull()).isTrue();
        assertThat(plan.has("kpisByAuthority")).isTrue();
        assertThat(plan.get("kpis").has("dfeOver20MilesPercent")).isFalse();
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

    /** Foster places over 3 without exemption: one current child (no siblingGroup) is accepted, two unrelated 400. */
    @Test
    void fosterPlacesOverThreeAreAcceptedWithOneCurrentChildAndRefusedWithTwoUnrelated() throws Exception {
        String oneChild =
                ProblemFixtures.edit(root -> ProblemFixtures.provider(root, 0).put("places", 4));
        String twoUnrelated = ProblemFixtures.edit(root -> {
            ProblemFixtures.provider(root, 0).put("places", 4);
            ProblemFixtures.child(root, 1).put("currentPlacement", "P1");
        });

        assertThat(waitUntilDone(startPlan(oneChild, 1), Duration.ofSeconds(20)).getList("plan.assignments"))
                .hasSize(2);
        given().contentType(ContentType.JSON)
                .body(twoUnrelated)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.path", equalTo(List.of("$.providers[0].places")));
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
        // One above placement.plans.max-seconds (600): refused, not capped.
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID)
                .queryParam("seconds", 601)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 600, got 601"));
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
    void aSmallPlanFinishesWhileALongOneSolves() throws Exception {
        String longOne = startPlan(ProblemFixtures.handScored(), 60);
        String small = startPlan(ProblemFixtures.handScored(), 1);

        assertThat(waitUntilDone(small, Duration.ofSeconds(20)).getString("status"))
                .isEqualTo("DONE");
        JsonPath solving = view(longOne);
        assertThat(solving.getString("status")).isEqualTo("SOLVING");
        assertThat(solving.getMap("")).doesNotContainKey("queued");
        assertThat(solving.getLong("limitSeconds")).isEqualTo(60);
        assertThat(solving.getLong("elapsedSeconds")).isBetween(0L, 60L);
        given().delete("/api/plans/" + longOne).then().statusCode(200);
    }

    /**
     * Contract section 5: a plan's status is SOLVING or DONE, also while it waits for a free solving thread; the
     * extension field {@code queued} says it waits, and is gone once it solves.
     */
    @Test
    void aPlanWaitingForASolvingThreadIsSolvingAndQueuedUntilItRuns() throws Exception {
        List<String> busy = fillSolvingThreads();

        String waiting = startPlan(ProblemFixtures.handScored(), 60);
        JsonPath queued = view(waiting);
        assertThat(queued.getString("status")).isEqualTo("SOLVING");
        assertThat(queued.getBoolean("queued")).isTrue();
        assertThat(queued.getLong("elapsedSeconds")).isZero();
        assertThat(queued.getLong("limitSeconds")).isEqualTo(60);
        assertThat(queued.getString("plan.score")).isNotNull();
        JsonPath analysis = given().get("/api/plans/" + waiting + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(analysis.getString("status")).isEqualTo("SOLVING");
        assertThat(analysis.getBoolean("queued")).isTrue();

        // A thread freed: the plan solves, no longer queued, then ends DONE when stopped.
        given().delete("/api/plans/" + busy.get(0)).then().statusCode(200);
        JsonPath solving = waitWhileQueued(waiting);
        assertThat(solving.getString("status")).isEqualTo("SOLVING");
        assertThat(solving.getMap("")).doesNotContainKey("queued");
        given().delete("/api/plans/" + waiting).then().statusCode(200);
        JsonPath done = waitUntilDone(waiting, Duration.ofSeconds(20));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getMap("")).doesNotContainKey("queued");
        busy.forEach(id -> given().delete("/api/plans/" + id).then().statusCode(200));
    }

    /** A plan stopped while it waits is DONE at once with its unsolved start, never queued again. */
    @Test
    void aWaitingPlanStoppedIsDoneAndNotQueued() throws Exception {
        List<String> busy = fillSolvingThreads();
        String waiting = startPlan(ProblemFixtures.handScored(), 60);
        assertThat(view(waiting).getBoolean("queued")).isTrue();

        JsonPath stopped = given().delete("/api/plans/" + waiting)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stopped.getString("status")).isEqualTo("DONE");
        assertThat(stopped.getMap("")).doesNotContainKey("queued");
        assertThat(stopped.getString("plan.score")).isNotNull();
        busy.forEach(id -> given().delete("/api/plans/" + id).then().statusCode(200));
    }
}
