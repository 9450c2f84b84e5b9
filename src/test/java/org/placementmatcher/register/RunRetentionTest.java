package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention: a finished run's snapshot, plan and analysis go after placement.retention.run-data (90 days),
 * its summary and decisions stay, the purge is audited, and the endpoints of the deleted data answer 410.
 * Time is a fixed clock the test sets; the runs' finish times are moved into that clock's past.
 */
@QuarkusTest
class RunRetentionTest {

    private static final String AUTHORITY = "RN-RETAIN";
    private static final String BASE = "/api/register/" + AUTHORITY + "/runs/";

    @Inject
    Database db;

    @Test
    void expiredRunDataAreDeletedKeepingTheSummaryAndDecisionsAuditedAndAnswered410() throws Exception {
        RegisterResourceTest.put(AUTHORITY, RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, AUTHORITY));
        String done = RunResourceTest.startRun(AUTHORITY, 1);
        JsonPath before = RunResourceTest.waitUntilFinished(AUTHORITY, done, Duration.ofSeconds(60));
        assertThat(before.getString("status")).isEqualTo("DONE");
        as("manager")
                .contentType(ContentType.JSON)
                .body("{\"childId\": \"C3\", \"decision\": \"REJECT\", \"reason\": \"kept\"}")
                .post(BASE + done + "/decisions")
                .then()
                .statusCode(200);
        String failed = insertRun("FAILED");
        String solving = insertRun("SOLVING");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        finishedAt(done, now.minus(Duration.ofDays(91)));
        finishedAt(failed, now.minus(Duration.ofDays(89)));
        createdAt(solving, now.minus(Duration.ofDays(200)));

        List<String> purged = retention(now).purge();

        assertThat(purged).contains(done).doesNotContain(failed, solving);
        JsonPath run = given().get(BASE + done).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("dataDeletedAt")).isEqualTo(now.toString());
        assertThat(run.getString("plan")).isNull();
        assertThat(run.getString("status")).isEqualTo("DONE");
        assertThat(run.getString("score")).isEqualTo(before.getString("score"));
        assertThat(run.getString("scoreToday")).isEqualTo(before.getString("scoreToday"));
        assertThat(run.getInt("kpis.placed")).isEqualTo(before.getInt("kpis.placed"));
        assertThat(run.getString("requestedBy")).isEqualTo("officer");
        // Only the decided change stays: the undecided proposals were plan data.
        assertThat(run.getList("changes.childId")).containsExactly("C3");
        Map<String, Object> c3 = run.getMap("changes.find { it.childId == 'C3' }");
        assertThat(c3)
                .containsEntry("kind", "NEW_PLACEMENT")
                .containsEntry("toProviderId", "F2")
                .containsEntry("scoreGain", before.getString("changes.find { it.childId == 'C3' }.scoreGain"))
                .doesNotContainKey("reasons");
        assertThat(run.getString("changes.find { it.childId == 'C3' }.decision.decidedBy"))
                .isEqualTo("manager");
        given().get("/api/register/" + AUTHORITY + "/runs")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + done + "' }.dataDeletedAt", equalTo(now.toString()));
        for (String what : List.of("snapshot", "analysis")) {
            given().get(BASE + done + "/" + what)
                    .then()
                    .statusCode(410)
                    .contentType(ContentType.JSON)
                    .body("errors[0].path", equalTo("$"))
                    .body("errors[0].message", containsString("deleted"))
                    .body("errors[0].message", containsString("retention policy"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"childId\": \"C1\", \"decision\": \"REJECT\", \"reason\": \"late\"}")
                .post(BASE + done + "/decisions")
                .then()
                .statusCode(410);
        assertThat(stored(done)).containsExactly(null, null, null);
        JsonPath audit = given().get(BASE + done + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("action")).endsWith("RUN_DATA_DELETED");
        assertThat(audit.getString("[-1].actor")).isEqualTo("system:retention");
        assertThat(audit.getString("[-1].childId")).isNull();
        assertThat(audit.getString("[-1].detail.retention")).isEqualTo("P90D");

        // Not yet expired: all there. Two days on by the clock, it goes too; restarting it then is refused.
        given().get(BASE + failed + "/snapshot").then().statusCode(200);
        assertThat(stored(failed).getFirst()).isNotNull();
        assertThat(stored(solving).getFirst()).isNotNull();
        assertThat(retention(now.plus(Duration.ofDays(2))).purge())
                .contains(failed)
                .doesNotContain(done, solving);
        given().get(BASE + failed + "/snapshot").then().statusCode(410);
        given().post(BASE + failed + "/restart").then().statusCode(410);
        assertThat(audit(done)).isEqualTo(audit.getList("action").size());
    }

    private RunRetention retention(Instant now) {
        return new RunRetention(db, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(90));
    }

    /** A run stored directly (no solving), with a snapshot and, if finished, a plan and analysis. */
    private String insertRun(String status) {
        String id = java.util.UUID.randomUUID().toString();
        db.transaction(c -> {
            RunStateStore.insert(
                    c,
                    id,
                    AUTHORITY,
                    RunStore.Trigger.MANUAL,
                    "lead-4",
                    1,
                    1,
                    LocalDate.of(2026, 11, 22),
                    "elsewhere",
                    RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, AUTHORITY));
            if (!status.equals("SOLVING")) {
                RunStateStore.finish(
                        c,
                        id,
                        "elsewhere",
                        1,
                        RunStore.Status.valueOf(status),
                        null,
                        null,
                        "{}",
                        "{\"analysis\": {}}",
                        null,
                        "stopped");
            }
            return null;
        });
        return id;
    }

    private void finishedAt(String id, Instant at) {
        update("UPDATE plan_run SET finished_at = ? WHERE run_id = ?", id, at);
    }

    private void createdAt(String id, Instant at) {
        update("UPDATE plan_run SET created_at = ?, heartbeat_at = ? WHERE run_id = ?", id, at, at);
    }

    private void update(String sql, String id, Instant... times) {
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (int i = 0; i < times.length; i++) {
                    update.setObject(i + 1, times[i].atOffset(ZoneOffset.UTC));
                }
                update.setString(times.length + 1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
    }

    /** The run's snapshot, plan and analysis as stored. */
    private List<String> stored(String id) {
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT snapshot_json, plan_json, analysis_json FROM plan_run WHERE run_id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        });
    }

    private int audit(String id) {
        return given().get(BASE + id + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action")
                .size();
    }
}
