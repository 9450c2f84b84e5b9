package org.placementmatcher.sufficiency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.COUNCIL_A_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.SharedRegisterTest;
import org.placementmatcher.security.TestAccounts;

/**
 * Sufficiency reports and scenarios on a shared register (contract section 8) work on the whole register: P2's one
 * place is council B's child B1's, so council A's waiting A1 has nowhere to go, though council A does not see B1.
 * What council A is shown names only its own children; who may see every child is shown them all, from the same job.
 */
@QuarkusTest
class SharedRegisterSufficiencyTest {

    private static final String BASE = "/api/register/" + TestAccounts.SHARED_REGISTER;

    @BeforeEach
    void registerWithEveryPlaceTaken() {
        given().contentType(ContentType.JSON)
                .body(SharedRegisterTest.REGISTER.replace("\"places\": 3", "\"places\": 1"))
                .put(BASE)
                .then()
                .statusCode(200);
    }

    private static String start(String path, String body) {
        var request = as(COUNCIL_A_DIRECTOR).queryParam("seconds", 2);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then().statusCode(202).extract().path("id");
    }

    private static String waitUntilDone(String path) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String answer = as(COUNCIL_A_DIRECTOR)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String status = JsonPath.from(answer).getString("status");
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                assertThat(status).isEqualTo("DONE");
                return answer;
            }
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.sleep(100);
        }
    }

    @Test
    void aCouncilsReportCountsThePlacesOtherCouncilsChildrenHoldAndNamesNoneOfThem() throws Exception {
        String path = "/api/sufficiency/" + start(BASE + "/sufficiency", null);
        String seenByA = waitUntilDone(path);
        JsonPath report = JsonPath.from(seenByA);
        // Five children, two places: on council A's children alone A1 would have P2's place and none would wait.
        assertThat(report.getInt("report.plan.kpis.unplaced")).isEqualTo(3);
        assertThat(report.getList("report.plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(seenByA).doesNotContain("\"B1\"", "\"C1\"", "\"H1\"");
        // Its own authority's KPIs only, as in a run's plan; the overall KPIs stay the whole register's.
        assertThat(report.getMap("report.plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");

        JsonPath whole = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getMap("report.plan.kpisByAuthority")).containsKeys("COUNCIL-A", "COUNCIL-B", "COUNCIL-C");
        assertThat(report.getMap("report.plan.kpis")).isEqualTo(whole.getMap("report.plan.kpis"));
        assertThat(whole.getList("report.plan.assignments.childId")).contains("A1", "A2", "B1", "C1", "H1");
        assertThat(whole.getInt("report.plan.kpis.unplaced")).isEqualTo(3);
        assertThat(as(COUNCIL_A_DIRECTOR).get(path).asString()).doesNotContain("\"B1\"");
    }

    @Test
    void aCouncilsScenariosRunOnTheWholeRegisterAndNameOnlyItsChildren() throws Exception {
        String body = "{\"scenarios\": [{\"name\": \"without P1\", \"removeProviderIds\": [\"P1\"]}]}";
        String path = "/api/scenarios/" + start(BASE + "/scenarios", body);
        String seenByA = waitUntilDone(path);
        JsonPath result = JsonPath.from(seenByA);
        assertThat(result.getInt("baseline.plan.kpis.unplaced")).isEqualTo(3);
        assertThat(result.getList("baseline.plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(result.getList("scenarios[0].plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(seenByA).doesNotContain("\"B1\"", "\"C1\"", "\"H1\"");

        assertThat(result.getMap("baseline.plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");
        assertThat(result.getMap("scenarios[0].plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");

        JsonPath whole = given().get(path).jsonPath();
        assertThat(whole.getList("baseline.plan.assignments.childId")).contains("B1", "C1", "H1");
        assertThat(whole.getMap("scenarios[0].plan.kpisByAuthority")).containsKeys("COUNCIL-A", "COUNCIL-B");
    }

    @Test
    void aScenarioNamingAnotherCouncilsChildIsAnsweredAsForAnUnknownId() {
        String scenario = """
                {"scenarios": [{"name": "a connected carer", "addProviders": [
                  {"id": "NEW-1", "type": "CONNECTED_PERSON", "localAuthority": "COUNCIL-A",
                   "location": {"lat": 52.0, "lon": 0.0}, "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 300,
                   "connectedChildren": ["%s"]}]}]}
                """;
        String unknown = refused(scenario.formatted("NO-SUCH-CHILD"));
        assertThat(JsonPath.from(unknown).getList("errors")).hasSize(1);
        assertThat(JsonPath.from(unknown).getString("errors[0].message")).isEqualTo("unknown child id 'NO-SUCH-CHILD'");

        String anotherCouncils = refused(scenario.formatted("B1"));
        assertThat(anotherCouncils).isEqualTo(unknown.replace("NO-SUCH-CHILD", "B1"));
    }

    private static String refused(String scenarios) {
        return as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body(scenarios)
                .post(BASE + "/scenarios")
                .then()
                .statusCode(400)
                .extract()
                .asString();
    }
}
