package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.security.TestAccounts;

@QuarkusTest
class RunMetricsTest {

    /** Micrometer says once at WARN, then at DEBUG, that a meter was registered twice. */
    private static final class Captured extends Handler {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            messages.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    // It reads /q/metrics or /q/openapi, which answer ADMIN only, and uses the register as a director.
    void afterARunAndTwoPlansSideBySideTheMetricsShowThemAndNoMeterIsRegisteredTwice() throws Exception {
        Logger micrometer = Logger.getLogger("io.micrometer");
        Level before = micrometer.getLevel();
        Captured captured = new Captured();
        micrometer.setLevel(Level.ALL);
        micrometer.addHandler(captured);
        try {
            RegisterResourceTest.put("RN-MET", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RN-MET"));
            String run = RunResourceTest.startRun("RN-MET", 1);
            String plan1 = startPlan();
            String plan2 = startPlan();
            assertThat(RunResourceTest.waitUntilFinished("RN-MET", run, Duration.ofSeconds(60))
                            .getString("status"))
                    .isEqualTo("DONE");
            waitUntilDone(plan1);
            waitUntilDone(plan2);

            String metrics = TestAccounts.as(TestAccounts.ADMIN)
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();

            assertThat(value(metrics, "placement_runs_started_total\\{trigger=\"manual\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "placement_runs_failed_total\\{trigger=\"manual\"}"))
                    .isZero();
            assertThat(value(metrics, "placement_runs_interrupted_total\\{trigger=\"overnight\"}"))
                    .isNotNegative();
            assertThat(value(metrics, "placement_runs_duration_seconds_count\\{status=\"DONE\",trigger=\"manual\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "placement_runs_duration_seconds_sum\\{status=\"DONE\",trigger=\"manual\"}"))
                    .isGreaterThan(0.5);
            assertThat(value(metrics, "placement_runs_overnight_last_success_seconds"))
                    .isNotNegative();
            assertThat(value(metrics, "placement_plan_solve_seconds_count\\{outcome=\"done\"}"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "placement_plan_solve_seconds_sum\\{outcome=\"done\"}"))
                    .isGreaterThan(1.0);
            assertThat(captured.messages).noneMatch(message -> message.contains("already registered"));
        } finally {
            micrometer.removeHandler(captured);
            micrometer.setLevel(before);
        }
    }

    private static String startPlan() {
        return given().contentType(ContentType.JSON)
                .body(ProblemFixtures.handScored())
                .queryParam("seconds", 2)
                .post("/api/plans")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void waitUntilDone(String plan) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!given().get("/api/plans/" + plan)
                        .then()
                        .extract()
                        .path("status")
                        .equals("DONE")
                && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    /** The value of the first sample whose name and labels match (the labels as Prometheus writes them). */
    static double value(String metrics, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " ([-0-9.E+]+)$").matcher(metrics);
        assertThat(matcher.find()).as("a sample " + sample + " in /q/metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
