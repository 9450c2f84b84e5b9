package org.placementmatcher.sufficiency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.COUNCIL_A_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.as;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
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
        // Council A's two children, counted alone: its KPIs tell nothing of the other councils' three.
        assertThat(report.getInt("report.plan.kpis.children")).isEqualTo(2);
        assertThat(report.getList("report.plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(seenByA).doesNotContain("\"B1\"", "\"C1\"", "\"H1\"");
        // Its own authority's KPIs only, as in a run's plan; its unmet need counts its children alone; the segments,
        // sums of the whole plan's place values, are withheld.
        assertThat(report.getMap("report.plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");
        assertThat(report.getList("report.segments")).isEmpty();
        assertThat(report.getList("report.unmetNeed.unplaced", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(report.getInt("report.plan.kpis.unplaced"))
                .isBetween(1, 2);

        JsonPath whole = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getMap("report.plan.kpisByAuthority")).containsKeys("COUNCIL-A", "COUNCIL-B", "COUNCIL-C");
        assertThat(report.getMap("report.plan.kpis")).isEqualTo(whole.getMap("report.plan.kpisByAuthority.COUNCIL-A"));
        assertThat(whole.getList("report.plan.assignments.childId")).contains("A1", "A2", "B1", "C1", "H1");
        // Five children, two places: on council A's children alone A1 would have P2's place and none would wait.
        assertThat(whole.getInt("report.plan.kpis.children")).isEqualTo(5);
        assertThat(whole.getInt("report.plan.kpis.unplaced")).isEqualTo(3);
        assertThat(whole.getList("report.unmetNeed.unplaced", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(3);
        assertThat(whole.getList("report.segments")).isNotEmpty();
        assertThat(as(COUNCIL_A_DIRECTOR).get(path).asString()).doesNotContain("\"B1\"");
        // The downloads say what the page and the JSON say: no segments for council A, the whole's for the register.
        String segmentsSeenByA = as(COUNCIL_A_DIRECTOR)
                .get(path + "/segments.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String segmentsWhole = given().get(path + "/segments.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(segmentsSeenByA.strip().lines()).hasSize(1);
        assertThat(segmentsWhole.strip().lines().count()).isGreaterThan(1);
        assertThat(as(COUNCIL_A_DIRECTOR)
                        .get(path + "/unmet-need.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isNotEqualTo(given().get(path + "/unmet-need.csv").asString());
        // What each child adds to the figures is kept with the job, never written out.
        assertThat(given().get(path).asString()).doesNotContain("\"figures\"", "\"needs\":{");
    }

    @Test
    void aCouncilsScenariosRunOnTheWholeRegisterAndNameOnlyItsChildren() throws Exception {
        String body = "{\"scenarios\": [{\"name\": \"without P1\", \"removeProviderIds\": [\"P1\"]}]}";
        String path = "/api/scenarios/" + start(BASE + "/scenarios", body);
        String seenByA = waitUntilDone(path);
        JsonPath result = JsonPath.from(seenByA);
        assertThat(result.getInt("baseline.plan.kpis.children")).isEqualTo(2);
        assertThat(result.getList("baseline.plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(result.getList("scenarios[0].plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(seenByA).doesNotContain("\"B1\"", "\"C1\"", "\"H1\"");

        assertThat(result.getMap("baseline.plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");
        assertThat(result.getMap("scenarios[0].plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");

        JsonPath whole = given().get(path).jsonPath();
        assertThat(whole.getList("baseline.plan.assignments.childId")).contains("B1", "C1", "H1");
        assertThat(whole.getInt("baseline.plan.kpis.children")).isEqualTo(5);
        assertThat(result.getMap("baseline.plan.kpis"))
                .isEqualTo(whole.getMap("baseline.plan.kpisByAuthority.COUNCIL-A"));
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

    /** A scenario adding these children (each a JSON object's fields after its id) to the register. */
    private static String adding(String... children) {
        StringBuilder added = new StringBuilder();
        for (String child : children) {
            added.append(added.isEmpty() ? "" : ", ")
                    .append(
                            "{\"dateOfBirth\": \"2015-01-01\", \"gender\": \"MALE\", \"home\": {\"lat\": 52.0, \"lon\": 0.0},"
                                    + " \"urgency\": \"URGENT\", \"responsibleAuthority\": \"COUNCIL-A\", ")
                    .append(child)
                    .append('}');
        }
        return "{\"scenarios\": [{\"name\": \"one more\", \"addChildren\": [" + added + "]}]}";
    }

    @Test
    void anAddedChildMayTakeTheIdOfAnotherCouncilsChildAsIfItWereFresh() throws Exception {
        String path = "/api/scenarios/" + start(BASE + "/scenarios", adding("\"id\": \"B1\""));
        JsonPath seenByA = JsonPath.from(waitUntilDone(path));
        assertThat(seenByA.getList("baseline.plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2");
        assertThat(seenByA.getList("scenarios[0].plan.assignments.childId"))
                .containsExactlyInAnyOrder("A1", "A2", "B1");
        // The plan's KPIs are of the children council A is shown: its two and the added child, not the whole six.
        assertThat(seenByA.getInt("scenarios[0].plan.kpis.children")).isEqualTo(3);
        assertThat(seenByA.getInt("scenarios[0].delta.placed"))
                .isEqualTo(
                        seenByA.getInt("scenarios[0].plan.kpis.placed") - seenByA.getInt("baseline.plan.kpis.placed"));

        // Who sees every child is shown council B's B1 by its own id, and, in the scenario, the added child too.
        String whole = given().get(path).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(whole).getList("baseline.plan.assignments.childId"))
                .containsExactlyInAnyOrder("A1", "A2", "B1", "C1", "H1");
        assertThat(JsonPath.from(whole).getList("scenarios[0].plan.assignments.childId"))
                .containsExactlyInAnyOrder("A1", "A2", "B1", "B1", "C1", "H1");
        assertThat(JsonPath.from(whole).getInt("scenarios[0].plan.kpis.children"))
                .isEqualTo(6);
    }

    @Test
    void anAddedChildJoiningAnotherCouncilsSiblingGroupIsAnsweredAsForANewGroup() {
        given().contentType(ContentType.JSON)
                .body(SharedRegisterTest.REGISTER.replace(
                        "\"currentPlacement\": \"P2\",", "\"currentPlacement\": \"P2\", \"siblingGroup\": \"G-B\","))
                .put(BASE)
                .then()
                .statusCode(200);
        String twoApart = adding(
                "\"id\": \"NEW-1\", \"siblingGroup\": \"%1$s\"",
                "\"id\": \"NEW-2\", \"siblingGroup\": \"%1$s\", \"placeTogether\": false");
        String newGroup = refused(twoApart.formatted("G-NEW"));
        assertThat(JsonPath.from(newGroup).getList("errors")).hasSize(1);
        assertThat(JsonPath.from(newGroup).getString("errors[0].path"))
                .isEqualTo("$.scenarios[0].addChildren[1].placeTogether");
        assertThat(JsonPath.from(newGroup).getString("errors[0].message"))
                .isEqualTo(
                        "placeTogether differs within sibling group 'G-NEW' ($.scenarios[0].addChildren[0] has true)");
        assertThat(refused(twoApart.formatted("G-B"))).isEqualTo(newGroup.replace("G-NEW", "G-B"));

        start(BASE + "/scenarios", adding("\"id\": \"NEW-1\", \"siblingGroup\": \"G-B\", \"placeTogether\": false"));
    }

    @Test
    void aSiblingGroupSharedWithAnotherCouncilIsNamedByTheCouncilsOwnChild() throws Exception {
        // B1, of council B, first in the register, and in one sibling group with council A's A2.
        ObjectNode b1First = (ObjectNode) ContractJson.mapper().readTree(SharedRegisterTest.REGISTER);
        ArrayNode children = b1First.withArray("children");
        ObjectNode b1 = (ObjectNode) children.remove(2);
        children.insert(0, b1.put("siblingGroup", "G-AB"));
        ((ObjectNode) children.get(2)).put("siblingGroup", "G-AB");
        assertThat(children.get(2).get("id").asText()).isEqualTo("A2");
        given().contentType(ContentType.JSON)
                .body(b1First.toString())
                .put(BASE)
                .then()
                .statusCode(200);
        assertThat(as(COUNCIL_A_DIRECTOR).get(BASE + "/children").jsonPath().getList("id"))
                .containsExactly("A1", "A2");

        String apart = refused(adding("\"id\": \"NEW-1\", \"siblingGroup\": \"G-AB\", \"placeTogether\": false"));
        assertThat(JsonPath.from(apart).getString("errors[0].path"))
                .isEqualTo("$.scenarios[0].addChildren[0].placeTogether");
        // A2, the second of council A's children as it sees the register, not B1 (the register's first child).
        assertThat(JsonPath.from(apart).getString("errors[0].message"))
                .isEqualTo("placeTogether differs within sibling group 'G-AB' ($.children[1] has true)");
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
