package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.placementmatcher.security.TestAccounts.as;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.solver.BestBound;

@QuarkusTest
class RunResourceTest {

    static String startRun(String authority, int seconds) {
        return as("officer")
                .queryParam("seconds", seconds)
                .post("/api/register/" + authority + "/runs")
                .then()
                .statusCode(202)
                .body("id", notNullValue())
                .extract()
                .path("id");
    }

    static JsonPath waitUntilFinished(String authority, String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath view = given().get("/api/register/" + authority + "/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!List.of("QUEUED", "SOLVING").contains(view.getString("status")) || System.nanoTime() > end) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    static JsonPath solveWithPlansApi(String problemJson, int seconds) throws InterruptedException {
        String id = given().contentType(ContentType.JSON)
                .body(problemJson)
                .queryParam("seconds", seconds)
                .post("/api/plans")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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

    static Map<String, Object> change(JsonPath run, String childId) {
        return run.getMap("changes.find { it.childId == '" + childId + "' }");
    }

    @Test
    void aRunProposesTheHandWorkedStepDownMoveAndNewPlacementWithTheirGains() throws Exception {
        RegisterResourceTest.put("RN-STEP", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-STEP"));
        String id = startRun("RN-STEP", 3);

        JsonPath run = waitUntilFinished("RN-STEP", id, Duration.ofSeconds(60));

        assertThat(run.getString("status")).isEqualTo("DONE");
        assertThat(run.getString("trigger")).isEqualTo("MANUAL");
        assertThat(run.getString("requestedBy")).isEqualTo("officer");
        // Today: C1 in the home (4000), C2 at P3 (450) although it must move (H13) and P3 cannot meet its need (H4),
        // C3 waiting (URGENT, 3).
        assertThat(run.getString("scoreToday")).isEqualTo("-2hard/-3medium/-4450soft");
        assertThat(run.getString("score")).isEqualTo("0hard/0medium/-4300soft");
        assertThat(run.getString("plan.score")).isEqualTo("0hard/0medium/-4300soft");
        // The plan's proof: no plan of the snapshot scores better than the bound, and the gap is to it.
        HardMediumSoftScore bound = HardMediumSoftScore.parseScore(run.getString("plan.bestBound"));
        assertThat(HardMediumSoftScore.of(0, 0, -4300)).isLessThanOrEqualTo(bound);
        assertThat(bound.mediumScore()).isZero();
        assertThat(run.getLong("plan.mediumGap")).isZero();
        assertThat(run.getDouble("plan.gapPercent"))
                .isEqualTo(BestBound.Gap.of(HardMediumSoftScore.of(0, 0, -4300), bound)
                        .percent());
        assertThat(run.getInt("kpis.placed")).isEqualTo(3);
        assertThat(run.getList("changes.childId")).containsExactly("C1", "C2", "C3");

        Map<String, Object> c1 = change(run, "C1");
        assertThat(c1)
                .containsEntry("kind", "STEP_DOWN")
                .containsEntry("fromProviderId", "R1")
                .containsEntry("toProviderId", "F1")
                .containsEntry("fromProviderType", "RESIDENTIAL_HOME")
                .containsEntry("scoreGain", "0hard/0medium/1500soft")
                .containsEntry("feasibleAlone", true)
                .containsEntry("scoreDifferenceAlone", "0hard/0medium/1500soft")
                .containsEntry("approval", "NONE")
                .containsEntry("weeklyCostChange", -3500.0f);
        assertThat((List<String>) c1.get("reasons"))
                .anyMatch(r -> r.startsWith("step-down from residential care at R1"));
        Map<String, Object> c2 = change(run, "C2");
        assertThat(c2)
                .containsEntry("kind", "MOVE")
                .containsEntry("toProviderId", "F2")
                .containsEntry("scoreGain", "2hard/0medium/-450soft")
                .containsEntry("scoreDifferenceAlone", "2hard/0medium/-450soft");
        assertThat((List<String>) c2.get("reasons")).contains("the current placement is ending");
        Map<String, Object> c3 = change(run, "C3");
        assertThat(c3)
                .containsEntry("kind", "NEW_PLACEMENT")
                .containsEntry("toProviderId", "F2")
                .containsEntry("scoreGain", "0hard/3medium/-900soft");

        JsonPath analysis = given().get("/api/register/RN-STEP/runs/" + id + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(analysis.getString("score")).isEqualTo("0hard/0medium/-4300soft");
        assertThat(analysis.getString("constraints.find { it.code == 'move' }.score"))
                .isEqualTo("0hard/0medium/-2000soft");

        JsonPath list = given().get("/api/register/RN-STEP/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(list.getList("id")).contains(id);
        assertThat(list.getString("find { it.id == '" + id + "' }.status")).isEqualTo("DONE");
        assertThat(list.getInt("find { it.id == '" + id + "' }.changes")).isEqualTo(3);
        given().get("/api/register/RN-STEP/runs/" + id + "/audit")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("RUN_STARTED", "RUN_FINISHED")));
    }

    @Test
    void aRunsScoreMatchesAPlanSolvedFromItsSnapshotThroughThePlansApi() throws Exception {
        for (String problem : List.of(RegisterFixtures.STEP_DOWN, ProblemFixtures.handScored())) {
            String authority = "RN-SAME";
            RegisterResourceTest.put(authority, RegisterFixtures.forAuthority(problem, authority));
            String id = startRun(authority, 2);
            JsonPath run = waitUntilFinished(authority, id, Duration.ofSeconds(60));
            assertThat(run.getString("status")).isEqualTo("DONE");

            String snapshot = given().get("/api/register/" + authority + "/runs/" + id + "/snapshot")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(RegisterFixtures.problem(snapshot))
                    .isEqualTo(RegisterFixtures.problem(RegisterFixtures.forAuthority(problem, authority)));
            JsonPath plan = solveWithPlansApi(snapshot, 2);

            assertThat(run.getString("score")).isEqualTo(plan.getString("plan.score"));
            assertThat(run.getList("plan.assignments.providerId"))
                    .isEqualTo(plan.getList("plan.assignments.providerId"));
            // Applying the proposed changes to the snapshot gives the plan's placements.
            List<Map<String, Object>> changes = run.getList("changes");
            for (Map<String, Object> assignment : plan.<Map<String, Object>>getList("plan.assignments")) {
                Object proposed = changes.stream()
                        .filter(c -> c.get("childId").equals(assignment.get("childId")))
                        .map(c -> c.get("toProviderId"))
                        .findFirst()
                        .orElse(null);
                if (proposed != null) {
                    assertThat(proposed).isEqualTo(assignment.get("providerId"));
                }
            }
        }
    }

    @Test
    void decisionsAcceptOrRejectOnceAndAcceptingChangesTheRegisterAllAudited() throws Exception {
        RegisterResourceTest.put("RN-DEC", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-DEC"));
        String id = startRun("RN-DEC", 2);
        assertThat(waitUntilFinished("RN-DEC", id, Duration.ofSeconds(60)).getString("status"))
                .isEqualTo("DONE");
        String decisions = "/api/register/RN-DEC/runs/" + id + "/decisions";
        long version = Long.parseLong(given().get("/api/register/RN-DEC").header("X-Register-Version"));

        JsonPath accepted = as("manager")
                .contentType(ContentType.JSON)
                .body(
                        "{\"childId\": \"C1\", \"decision\": \"ACCEPT\", \"decidedBy\": \"manager\", \"reason\": \"family care agreed\"}")
                .post(decisions)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(accepted.getList("childIds")).containsExactly("C1");
        assertThat(accepted.getLong("registerVersion")).isEqualTo(version + 1);
        assertThat(accepted.getList("warnings")).isEmpty();
        given().get("/api/register/RN-DEC/children/C1").then().body("currentPlacement", equalTo("F1"));

        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C1\", \"decision\": \"REJECT\", \"reason\": \"second go\"}")
                .post(decisions)
                .then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("already decided: ACCEPT by manager"));

        as("manager")
                .contentType(ContentType.JSON)
                .body("{\"childId\": \"C3\", \"decision\": \"REJECT\", \"reason\": \"family found\"}")
                .post(decisions)
                .then()
                .statusCode(200)
                .body("registerVersion", equalTo((int) version + 1));
        given().get("/api/register/RN-DEC/children/C3")
                .then()
                .body("currentPlacement", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C3\", \"decision\": \"ACCEPT\", \"reason\": \"changed mind\"}")
                .post(decisions)
                .then()
                .statusCode(409);

        JsonPath c1 = given().get("/api/register/RN-DEC/children/C1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(c1.getList("action")).containsSubsequence("CHILD_ADDED", "PLACEMENT_MOVED", "DECISION_ACCEPTED");
        assertThat(c1.getString("find { it.action == 'DECISION_ACCEPTED' }.actor"))
                .isEqualTo("manager");
        assertThat(c1.getString("find { it.action == 'DECISION_ACCEPTED' }.runId"))
                .isEqualTo(id);
        assertThat(c1.getString("find { it.action == 'DECISION_ACCEPTED' }.detail.reason"))
                .isEqualTo("family care agreed");
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.providerId"))
                .isEqualTo("F1");
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.otherProviderId"))
                .isEqualTo("R1");
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.actor"))
                .isEqualTo("manager");
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.runId"))
                .isEqualTo(id);
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.detail.via"))
                .isEqualTo("decision on run " + id);
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.detail.runId"))
                .isEqualTo(id);
        assertThat(c1.getString("find { it.action == 'PLACEMENT_MOVED' }.detail.reason"))
                .isEqualTo("family care agreed");
        JsonPath c3 = given().get("/api/register/RN-DEC/children/C3/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(c3.getList("action")).containsExactly("CHILD_ADDED", "DECISION_REJECTED");
        assertThat(c3.getString("[1].detail.reason")).isEqualTo("family found");
        given().get("/api/register/RN-DEC/providers/R1/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("DECISION_ACCEPTED"))
                .body("action", hasItem("PLACEMENT_MOVED"));
        given().get("/api/register/RN-DEC/providers/F2/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("DECISION_REJECTED"));

        JsonPath run = given().get("/api/register/RN-DEC/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(change(run, "C1").get("decision"))
                .isEqualTo(Map.of(
                        "decision",
                        "ACCEPT",
                        "decidedBy",
                        "manager",
                        "reason",
                        "family care agreed",
                        "decidedAt",
                        ((Map<?, ?>) change(run, "C1").get("decision")).get("decidedAt")));
        assertThat(change(run, "C2")).doesNotContainKey("decision");

        // The register changed under C2's proposal: accepting it now is refused.
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"moved in an emergency\"}")
                .post("/api/register/RN-DEC/children/C2/placement/end")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C2\", \"decision\": \"ACCEPT\", \"reason\": \"ok\"}")
                .post(decisions)
                .then()
                .statusCode(409)
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.containsString("the register has changed since the run"));
    }

    @Test
    void twoDecisionsOnOneProposalAtOnceOneWinsTheOtherIsRefused() throws Exception {
        RegisterResourceTest.put("RN-CONC", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-CONC"));
        String id = startRun("RN-CONC", 1);
        assertThat(waitUntilFinished("RN-CONC", id, Duration.ofSeconds(60)).getString("status"))
                .isEqualTo("DONE");
        String decisions = "/api/register/RN-CONC/runs/" + id + "/decisions";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Callable<Integer>> both = List.of(
                    () -> given().contentType(ContentType.JSON)
                            .body("{\"childId\": \"C1\", \"decision\": \"ACCEPT\", \"reason\": \"r\"}")
                            .post(decisions)
                            .statusCode(),
                    () -> given().contentType(ContentType.JSON)
                            .body("{\"childId\": \"C1\", \"decision\": \"REJECT\", \"reason\": \"r\"}")
                            .post(decisions)
                            .statusCode());
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        List<String> actions = given().get("/api/register/RN-CONC/children/C1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertThat(actions.stream().filter(a -> a.startsWith("DECISION_"))).hasSize(1);
    }

    @Test
    void badDecisionsUnknownRunsAndOtherAuthoritiesRunsAreRefused() throws Exception {
        RegisterResourceTest.put("RN-X", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-X"));
        RegisterResourceTest.put("RN-Y", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-Y"));
        String id = startRun("RN-X", 1);
        assertThat(waitUntilFinished("RN-X", id, Duration.ofSeconds(60)).getString("status"))
                .isEqualTo("DONE");

        given().get("/api/register/RN-Y/runs/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C1\", \"decision\": \"ACCEPT\", \"reason\": \"y\"}")
                .post("/api/register/RN-Y/runs/" + id + "/decisions")
                .then()
                .statusCode(404);
        given().get("/api/register/RN-Y/runs")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().get("/api/register/RN-X/runs/no-such-run")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        given().post("/api/register/RN-NONE/runs").then().statusCode(404);

        String decisions = "/api/register/RN-X/runs/" + id + "/decisions";
        given().contentType(ContentType.JSON)
                .body("{\"decision\": \"MAYBE\"}")
                .post(decisions)
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("$.childId", "$.decision", "$.reason")));
        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C9\", \"decision\": \"ACCEPT\", \"reason\": \"y\"}")
                .post(decisions)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body("[]").post(decisions).then().statusCode(400);
        given().post("/api/register/RN-X/runs/" + id + "/restart").then().statusCode(409);
        given().queryParam("seconds", 0)
                .post("/api/register/RN-X/runs")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"));
        given().queryParam("referenceDate", "tomorrow")
                .post("/api/register/RN-X/runs")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("referenceDate"));
        // A child born after the run's date cannot be solved as of it.
        given().queryParam("referenceDate", "2015-06-01")
                .post("/api/register/RN-X/runs")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("referenceDate"));
    }

    @Test
    void aRunStoppedEarlyFinishesWithItsBestPlanSoFar() throws Exception {
        RegisterResourceTest.put(
                "RN-STOP", RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "RN-STOP"));
        String id = startRun("RN-STOP", 120);
        // Stopped once it has a plan to keep (the construction's): stopped before, while still queued behind another
        // test's run or mapping the problem, it would rightly finish with no changes to propose.
        waitForAPlan("RN-STOP", id);
        given().delete("/api/register/RN-STOP/runs/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        JsonPath run = waitUntilFinished("RN-STOP", id, Duration.ofSeconds(30));

        assertThat(run.getString("status")).isEqualTo("DONE");
        assertThat(run.getString("score")).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(run.getList("plan.assignments")).hasSize(100);
        assertThat(run.getList("changes")).isNotEmpty();
    }

    @Test
    void aSecondRunWaitsQueuedAndEachShowsItsTimeSpentAndLimit() throws Exception {
        RegisterResourceTest.put(
                "RN-Q1", RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "RN-Q1"));
        RegisterResourceTest.put("RN-Q2", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-Q2"));
        String first = startRun("RN-Q1", 120);
        waitWhile("RN-Q1", first, "QUEUED");
        String second = startRun("RN-Q2", 7);

        JsonPath queued = given().get("/api/register/RN-Q2/runs/" + second)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(queued.getString("status")).isEqualTo("QUEUED");
        assertThat(queued.getLong("elapsedSeconds")).isZero();
        assertThat(queued.getLong("limitSeconds")).isEqualTo(7);
        assertThat(given().get("/api/register/RN-Q2/runs")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("find { it.id == '" + second + "' }.status"))
                .isEqualTo("QUEUED");
        // The first run kept its construction's plan at once, and tells how long it has been solving.
        Thread.sleep(2500);
        JsonPath solving = given().get("/api/register/RN-Q1/runs/" + first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(solving.getString("status")).isEqualTo("SOLVING");
        assertThat(solving.getString("plan.score")).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(solving.getLong("elapsedSeconds")).isBetween(1L, 120L);
        assertThat(solving.getLong("limitSeconds")).isEqualTo(120);

        given().delete("/api/register/RN-Q1/runs/" + first).then().statusCode(200);
        JsonPath done = waitUntilFinished("RN-Q2", second, Duration.ofSeconds(60));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getLong("limitSeconds")).isEqualTo(7);
        assertThat(done.getLong("elapsedSeconds")).isBetween(0L, 8L);
        assertThat(waitUntilFinished("RN-Q1", first, Duration.ofSeconds(30)).getString("status"))
                .isEqualTo("DONE");
    }

    /** Waits (up to a minute) until the run's view shows a plan: the best one so far, kept while it solves. */
    private static void waitForAPlan(String authority, String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().get("/api/register/" + authority + "/runs/" + id)
                        .then()
                        .extract()
                        .path("plan.score")
                == null) {
            assertThat(System.nanoTime()).as("a plan within a minute").isLessThan(end);
            Thread.sleep(100);
        }
    }

    private static void waitWhile(String authority, String id, String status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().get("/api/register/" + authority + "/runs/" + id)
                        .then()
                        .extract()
                        .path("status")
                        .equals(status)
                && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
