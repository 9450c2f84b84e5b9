package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Unremovable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;

@QuarkusTest
class OvernightRunsTest {

    @Inject
    RunSchedule schedule;

    @Inject
    Database db;

    @Inject
    Scheduler quartz;

    @Test
    // It reads /q/metrics or /q/openapi, which answer ADMIN only, and uses the register as a director.
    void theOvernightJobRunsEachRegisterAsOfTodayAndSkipsOneStillSolving() throws Exception {
        RegisterResourceTest.put("ON-1", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "ON-1"));
        RegisterResourceTest.put("ON-2", RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "ON-2"));
        String solving = given().queryParam("seconds", 60)
                .post("/api/register/ON-2/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        long before = java.time.Instant.now().getEpochSecond();
        List<RunViews.RunSummary> started = schedule.overnight(List.of("ON-1", "ON-2"), LocalDate.parse("2026-12-01"));

        assertThat(started).hasSize(1);
        RunViews.RunSummary night = started.getFirst();
        assertThat(night.authority()).isEqualTo("ON-1");
        assertThat(night.trigger()).isEqualTo(RunStore.Trigger.SCHEDULED);
        assertThat(night.requestedBy()).isEqualTo("scheduler");
        assertThat(night.referenceDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        given().delete("/api/register/ON-2/runs/" + solving).then().statusCode(200);
        JsonPath done = RunResourceTest.waitUntilFinished("ON-1", night.id(), Duration.ofSeconds(120));
        assertThat(done.getString("status")).isEqualTo("DONE");
        // An operator alerts on this gauge: the night's success is on it.
        String metrics = TestAccounts.as(TestAccounts.ADMIN)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(RunMetricsTest.value(metrics, "placement_runs_overnight_last_success_seconds"))
                .isGreaterThanOrEqualTo(before);
        assertThat(RunMetricsTest.value(metrics, "placement_runs_started_total\\{trigger=\"overnight\"}"))
                .isGreaterThanOrEqualTo(1);
        // Judged as of the night's date, the register's own date stays as it was.
        given().get("/api/register/ON-1/runs/" + night.id() + "/snapshot")
                .then()
                .statusCode(200)
                .body("referenceDate", org.hamcrest.Matchers.equalTo("2026-12-01"));
        given().get("/api/register/ON-1").then().body("referenceDate", org.hamcrest.Matchers.equalTo("2026-11-22"));
    }

    @Test
    void anAdministratorStartsTheOvernightRunsNowAndEachSaysWhichInstanceSolvedIt() throws Exception {
        RegisterResourceTest.put("ON-A", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "ON-A"));
        JsonPath started = TestAccounts.as(TestAccounts.ADMIN)
                .queryParam("seconds", 1)
                .queryParam("authority", "ON-A")
                .post("/api/admin/overnight")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(started.getList("runs")).hasSize(1);
        assertThat(started.getString("runs[0].authority")).isEqualTo("ON-A");
        JsonPath done =
                RunResourceTest.waitUntilFinished("ON-A", started.getString("runs[0].id"), Duration.ofSeconds(120));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("trigger")).isEqualTo("SCHEDULED");
        assertThat(done.getString("requestedBy"))
                .as("the administrator who asked")
                .isEqualTo(TestAccounts.ADMIN);
        List<Map<String, Object>> audit = given().get(
                        "/api/register/ON-A/runs/" + started.getString("runs[0].id") + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(audit.getFirst()).containsEntry("action", "RUN_STARTED").containsEntry("actor", TestAccounts.ADMIN);
        assertThat(done.getString("executedBy"))
                .as("this instance: host name and process id")
                .contains(":");
        assertThat(given().get("/api/register/ON-A/runs")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("[0].executedBy"))
                .isEqualTo(done.getString("executedBy"));
    }

    @Test
    void theOvernightRunsRefuseABadTimeLimitAndUnknownRegistersNamingEach() {
        TestAccounts.as(TestAccounts.ADMIN)
                .queryParam("seconds", 100000) // past placement.runs.max-seconds
                .queryParam("authority", "ON-NONE")
                .post("/api/admin/overnight")
                .then()
                .statusCode(400)
                .body("errors.path", org.hamcrest.Matchers.contains("seconds", "authority[0]"))
                .body("errors[1].message", org.hamcrest.Matchers.containsString("ON-NONE"));
        // A director is not an administrator.
        given().post("/api/admin/overnight").then().statusCode(403);
    }

    /** A job of the cluster other than a run's: stands for the overnight trigger firing. */
    @Dependent
    @Unremovable
    public static class OtherJob implements Job {
        static final CountDownLatch FIRED = new CountDownLatch(1);

        @Override
        public void execute(JobExecutionContext context) {
            FIRED.countDown();
        }
    }

    @Test
    void theOvernightTriggerFiresOnTimeWhileARunSolvesAndAQueuedRunWaitsInTheJobStore() throws Exception {
        String busy = RunWorkerRacesTest.occupyTheWorker("ON-BUSY");
        RegisterResourceTest.put("ON-WAIT", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "ON-WAIT"));
        String waiting = RunResourceTest.startRun("ON-WAIT", 1);
        // The waiting run's job fires, finds this instance solving and goes back to the job store; the cluster's
        // other jobs still get a thread at once.
        quartz.scheduleJob(
                JobBuilder.newJob(OtherJob.class)
                        .withIdentity("other-job", "on-test")
                        .build(),
                TriggerBuilder.newTrigger()
                        .withIdentity("other-job", "on-test")
                        .startNow()
                        .build());

        assertThat(OtherJob.FIRED.await(60, TimeUnit.SECONDS))
                .as("fired while the run solves")
                .isTrue();
        assertThat(RunWorkerRacesTest.row(db, busy).status()).isEqualTo(RunStore.Status.SOLVING);
        assertThat(RunWorkerRacesTest.row(db, waiting).startedAt())
                .as("one run solves per instance")
                .isNull();

        given().delete("/api/register/ON-BUSY/runs/" + busy).then().statusCode(200);
        assertThat(RunResourceTest.waitUntilFinished("ON-WAIT", waiting, Duration.ofSeconds(120))
                        .getString("status"))
                .as("the run put back in the job store is solved once the instance is free")
                .isEqualTo("DONE");
    }
}
