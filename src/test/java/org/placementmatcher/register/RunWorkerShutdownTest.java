package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shutdown of its own: this class stops the worker of the application it runs in. */
@QuarkusTest
@TestProfile(RunWorkerShutdownTest.ShortShutdownWait.class)
class RunWorkerShutdownTest {

    public static class ShortShutdownWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("placement.runs.shutdown-wait", "PT1S");
        }
    }

    @Inject
    Database db;

    @Inject
    RunWorker worker;

    @Test
    void aRunThatEndsAfterTheShutdownStoppedWaitingIsInterruptedOnce() throws Exception {
        Database real = (Database) ClientProxy.unwrap(db);
        String id = RunWorkerRacesTest.occupyTheWorker("RW-STOP");
        CountDownLatch shutdownDone = new CountDownLatch(1);
        // The worker's end is held up until the shutdown has given up waiting for it.
        QuarkusMock.installMockForType(
                RunWorkerRacesTest.withWorkerHooks(
                        real,
                        () -> {
                            try {
                                shutdownDone.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        () -> {}),
                Database.class);

        worker.onStop(null);
        shutdownDone.countDown();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!worker.isIdle() && System.nanoTime() < end) {
            Thread.sleep(100);
        }

        assertThat(worker.isIdle()).isTrue();
        assertThat(RunWorkerRacesTest.row(real, id).status()).isEqualTo(RunStore.Status.INTERRUPTED);
        List<String> actions = given().get("/api/register/RW-STOP/runs/" + id + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertThat(actions).containsExactly("RUN_STARTED", "RUN_INTERRUPTED");
    }
}
