package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The worker against what other requests and instances do to a run between its steps. */
@QuarkusTest
class RunWorkerRacesTest {

    @Inject
    Database db;

    @Inject
    RunWorker worker;

    @Inject
    RunService runs;

    /** The database as it is, with something done on the worker's thread before and after each of its transactions. */
    static Database withWorkerHooks(Database real, Runnable before, Runnable after) {
        return new Database(null) {
            @Override
            public <T> T transaction(Work<T> work) {
                boolean onWorker = Thread.currentThread().getName().equals("placement-run");
                if (onWorker) {
                    before.run();
                }
                T result = real.transaction(work);
                if (onWorker) {
                    after.run();
                }
                return result;
            }
        };
    }

    static void setSnapshot(Database db, String id, String snapshotJson) {
        db.transaction(c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE plan_run SET snapshot_json = ? WHERE run_id = ?")) {
                update.setString(1, snapshotJson);
                update.setString(2, id);
                return update.executeUpdate();
            }
        });
    }

    static RunStore.Row row(Database db, String id) {
        return db.transaction(c -> RunStore.byId(c, id)).orElseThrow();
    }

    static List<String> auditActions(String authority, String id) {
        return given().get("/api/register/" + authority + "/runs/" + id + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
    }

    /** Starts a long run that keeps the worker busy, so that the next run started waits QUEUED behind it. */
    static String occupyTheWorker(String authority) throws InterruptedException {
        RegisterResourceTest.put(
                authority, RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), authority));
        String id = RunResourceTest.startRun(authority, 120);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!given().get("/api/register/" + authority + "/runs/" + id)
                        .then()
                        .extract()
                        .path("status")
                        .equals("SOLVING")
                && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        return id;
    }

    @Test
    void aRunRestartedTheMomentItFailedStaysHeldHereAndCanBeStopped() throws Exception {
        Database real = (Database) ClientProxy.unwrap(db);
        String busy = occupyTheWorker("RW-BUSY1");
        RegisterResourceTest.put("RW-FAIL", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RW-FAIL"));
        String id = RunResourceTest.startRun("RW-FAIL", 2);
        String snapshot = row(real, id).snapshotJson();
        setSnapshot(real, id, "{}"); // cannot be read: the run fails as soon as it starts
        AtomicBoolean restarted = new AtomicBoolean();
        // Restarted right after its FAILED end is stored, before the worker has let go of it.
        QuarkusMock.installMockForType(
                withWorkerHooks(real, () -> {}, () -> {
                    if (!restarted.get() && row(real, id).status() == RunStore.Status.FAILED) {
                        restarted.set(true);
                        setSnapshot(real, id, snapshot);
                        runs.restart("RW-FAIL", id, 60L, "lead-3");
                    }
                }),
                Database.class);

        given().delete("/api/register/RW-BUSY1/runs/" + busy).then().statusCode(200);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(restarted.get() && row(real, id).startedAt() != null) && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        assertThat(restarted).isTrue();
        assertThat(worker.holds(id)).isTrue();
        given().delete("/api/register/RW-FAIL/runs/" + id).then().statusCode(200);
        assertThat(RunResourceTest.waitUntilFinished("RW-FAIL", id, Duration.ofSeconds(60))
                        .getString("status"))
                .isEqualTo("DONE");
    }

    @Test
    void aRunSweptWhileQueuedIsNotSolvedAndStaysInterrupted() throws Exception {
        String busy = occupyTheWorker("RW-BUSY2");
        RegisterResourceTest.put("RW-SWEPT", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RW-SWEPT"));
        String id = RunResourceTest.startRun("RW-SWEPT", 1);
        // Another instance took this one for dead and marked the queued run INTERRUPTED.
        boolean markedInterrupted =
                db.transaction(c -> RunStateStore.interrupt(c, id, "its instance was not heard of"));
        assertThat(markedInterrupted).isTrue();

        given().delete("/api/register/RW-BUSY2/runs/" + busy).then().statusCode(200);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (worker.holds(id) && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        assertThat(worker.holds(id)).isFalse();
        RunStore.Row swept = row(db, id);
        assertThat(swept.status()).isEqualTo(RunStore.Status.INTERRUPTED);
        assertThat(swept.startedAt()).isNull();
        assertThat(auditActions("RW-SWEPT", id)).containsExactly("RUN_STARTED");
    }

    @Test
    void aRunTakenOverByAnotherInstanceWhileSolvingStopsHereAndKeepsNothing() throws Exception {
        RegisterResourceTest.put(
                "RW-TAKEN", RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "RW-TAKEN"));
        String id = RunResourceTest.startRun("RW-TAKEN", 120);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (row(db, id).startedAt() == null && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(worker.holds(id)).isTrue();
        // Quartz took this instance for dead (a long pause) and another instance's recovered job claimed the run.
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE plan_run SET owner_instance = 'elsewhere',"
                    + " executed_by = 'other-host:1', attempts = attempts + 1, score = NULL, plan_json = NULL"
                    + " WHERE run_id = ?")) {
                update.setString(1, id);
                return update.executeUpdate();
            }
        });

        // Far sooner than its 120 s: the heartbeat or the next progress finds the run no longer its own.
        end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (worker.holds(id) && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        assertThat(worker.holds(id)).as("the solve here stopped").isFalse();
        RunStore.Row taken = row(db, id);
        assertThat(taken.status()).isEqualTo(RunStore.Status.SOLVING);
        assertThat(taken.executedBy()).isEqualTo("other-host:1");
        assertThat(taken.planJson())
                .as("no plan written by the instance that lost it")
                .isNull();
        assertThat(taken.score()).isNull();
        assertThat(auditActions("RW-TAKEN", id)).containsExactly("RUN_STARTED");
    }
}
