package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

@QuarkusTest
class OvernightRunsTest {

    @Inject
    RunSchedule schedule;

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
        assertThat(done.getString("requestedBy")).isEqualTo("scheduler");
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
}
