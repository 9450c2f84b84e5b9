package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.COUNCIL_A_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.COUNCIL_B_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.COUNCIL_C_OFFICER;
import static org.placementmatcher.security.TestAccounts.OTHER_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/**
 * A register shared by three authorities (contract section 8; the test profile's
 * {@code placement.registers."SHARED-CO".members}): a user of one council sees and changes only its council's
 * children, another's answers as missing (404), and every change that would touch another's is refused. Calls are
 * made as director (all authorities) unless made {@code as} a council's user.
 */
@QuarkusTest
public class SharedRegisterTest {

    static final String SHARED = TestAccounts.SHARED_REGISTER;
    static final String BASE = "/api/register/" + SHARED;

    /**
     * Council A's A1 (waiting) and A2 (at P1), council B's B1 (at P2), council C's C1 (waiting) and H1, the register's
     * own (no responsibleAuthority). P1 has one place, which A2 holds.
     */
    public static final String REGISTER = """
            {"schemaVersion": 1, "name": "Co-operative", "referenceDate": "2026-11-22", "homeAuthority": "SHARED-CO",
             "providers": [
               {"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "COUNCIL-A", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500},
               {"id": "P2", "type": "IFA_FOSTER", "localAuthority": "COUNCIL-B", "location": {"lat": 52.0, "lon": 0.0},
                "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": 900}
             ],
             "children": [
               {"id": "A1", "dateOfBirth": "2013-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "responsibleAuthority": "COUNCIL-A"},
               {"id": "A2", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "P1", "responsibleAuthority": "COUNCIL-A"},
               {"id": "B1", "dateOfBirth": "2012-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "P2", "responsibleAuthority": "COUNCIL-B"},
               {"id": "C1", "dateOfBirth": "2011-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "responsibleAuthority": "COUNCIL-C"},
               {"id": "H1", "dateOfBirth": "2010-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED"}
             ]}
            """;

    static final String CHILD = """
            {"id": "%s", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
             "urgency": "PLANNED"%s}
            """;

    @BeforeEach
    void freshRegister() {
        given().contentType(ContentType.JSON).body(REGISTER).put(BASE).then().statusCode(200);
    }

    static List<String> childIds(String username) {
        return as(username)
                .get(BASE + "/children")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
    }

    static List<String> allChildIds() {
        return given().get(BASE + "/children")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
    }

    @Test
    void aCouncilsUserOpensTheSharedRegisterAndSeesOnlyItsCouncilsChildrenAndEveryProvider() {
        assertThat(as(COUNCIL_A_DIRECTOR).get("/api/register").jsonPath().getList("authority"))
                .contains(SHARED);
        assertThat(as(OTHER_DIRECTOR).get("/api/register").jsonPath().getList("authority"))
                .doesNotContain(SHARED);
        as(OTHER_DIRECTOR).get(BASE).then().statusCode(404);

        assertThat(childIds(COUNCIL_A_DIRECTOR)).containsExactly("A1", "A2");
        assertThat(childIds(COUNCIL_B_DIRECTOR)).containsExactly("B1");
        assertThat(childIds(COUNCIL_C_OFFICER)).containsExactly("C1");
        assertThat(allChildIds()).containsExactly("A1", "A2", "B1", "C1", "H1");

        JsonPath whole = as(COUNCIL_A_DIRECTOR)
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(whole.getList("children.id")).containsExactly("A1", "A2");
        assertThat(whole.getList("providers.id")).containsExactly("P1", "P2");
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/A1").then().statusCode(200).body("id", equalTo("A1"));
    }

    @Test
    void aProviderNamesOnlyTheConnectedChildrenTheUserSeesAndItsChangesKeepTheOthers() {
        given().contentType(ContentType.JSON)
                .body("{\"connectedChildren\": [\"A1\", \"B1\"]}")
                .patch(BASE + "/providers/P2")
                .then()
                .statusCode(200);
        assertThat(as(COUNCIL_A_DIRECTOR).get(BASE + "/providers").jsonPath().getList("[1].connectedChildren"))
                .containsExactly("A1");
        assertThat(as(COUNCIL_A_DIRECTOR).get(BASE + "/providers/P2").jsonPath().getList("connectedChildren"))
                .containsExactly("A1");
        assertThat(as(COUNCIL_A_DIRECTOR).get(BASE).jsonPath().getList("providers[1].connectedChildren"))
                .containsExactly("A1");
        assertThat(as(COUNCIL_B_DIRECTOR).get(BASE + "/providers/P2").jsonPath().getList("connectedChildren"))
                .containsExactly("B1");

        // Council A unlinks its child and changes the provider whole: council B's link, which A never saw, stays.
        String p2 =
                as(COUNCIL_A_DIRECTOR).get(BASE + "/providers/P2").asString().replace("\"A1\"", "");
        // The answers to A's changes show the provider as A sees it: never B's child.
        assertThat(as(COUNCIL_A_DIRECTOR)
                        .contentType(ContentType.JSON)
                        .body(p2)
                        .put(BASE + "/providers/P2")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("connectedChildren"))
                .isNullOrEmpty();
        assertThat(given().get(BASE + "/providers/P2").jsonPath().getList("connectedChildren"))
                .containsExactly("B1");
        assertThat(as(COUNCIL_A_DIRECTOR)
                        .contentType(ContentType.JSON)
                        .body("{\"connectedChildren\": [\"A2\"]}")
                        .patch(BASE + "/providers/P2")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("connectedChildren"))
                .containsExactly("A2");
        assertThat(given().get(BASE + "/providers/P2").jsonPath().getList("connectedChildren"))
                .containsExactly("A2", "B1");

        // A replaces every provider from a CSV naming only the links it sees: B's link, never shown to A, stays.
        String csv = "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,connectedChildren\n"
                + "P1,IN_HOUSE_FOSTER,COUNCIL-A,52.0,0.0,1,0,17,500,\n"
                + "P2,IFA_FOSTER,COUNCIL-B,52.0,0.0,3,0,17,900,A2\n";
        as(COUNCIL_A_DIRECTOR)
                .contentType("text/csv")
                .body(csv)
                .post(BASE + "/providers/csv?mode=replace")
                .then()
                .statusCode(200);
        assertThat(given().get(BASE + "/providers/P2").jsonPath().getList("connectedChildren"))
                .containsExactly("A2", "B1");
        assertThat(given().get(BASE + "/providers/P1").jsonPath().getList("connectedChildren"))
                .isNullOrEmpty();
    }

    @Test
    void anotherCouncilsChildAnswersAsMissingWhateverTheMethodAndStaysAsItWas() {
        String missing = "no child B1 in the register of " + SHARED;
        as(COUNCIL_A_DIRECTOR)
                .get(BASE + "/children/B1")
                .then()
                .statusCode(404)
                .body("errors[0].message", equalTo(missing));
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/H1").then().statusCode(404);
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/B1/audit").then().statusCode(404);
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body(CHILD.formatted("B1", ", \"responsibleAuthority\": \"COUNCIL-A\""))
                .put(BASE + "/children/B1")
                .then()
                .statusCode(404)
                .body("errors[0].message", equalTo(missing));
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"urgency\": \"URGENT\"}")
                .patch(BASE + "/children/B1")
                .then()
                .statusCode(404);
        as(COUNCIL_A_DIRECTOR).delete(BASE + "/children/B1").then().statusCode(404);
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(BASE + "/children/B1/placement/end")
                .then()
                .statusCode(404);

        JsonPath b1 = given().get(BASE + "/children/B1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(b1.getString("urgency")).isEqualTo("PLANNED");
        assertThat(b1.getString("currentPlacement")).isEqualTo("P2");
    }

    @Test
    void aCouncilsUserAddsAndChangesOnlyChildrenOfItsOwnCouncil() {
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body(CHILD.formatted("A3", ", \"responsibleAuthority\": \"COUNCIL-A\""))
                .put(BASE + "/children/A3")
                .then()
                .statusCode(201);
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"urgency\": \"EMERGENCY\"}")
                .patch(BASE + "/children/A1")
                .then()
                .statusCode(200)
                .body("urgency", equalTo("EMERGENCY"));
        assertThat(childIds(COUNCIL_A_DIRECTOR)).containsExactly("A1", "A2", "A3");

        // Without a responsible authority the child would be the register's own, which council A does not hold.
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body(CHILD.formatted("A4", ""))
                .put(BASE + "/children/A4")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.responsibleAuthority"));
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"responsibleAuthority\": \"COUNCIL-B\"}")
                .patch(BASE + "/children/A1")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.responsibleAuthority"));
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body(REGISTER)
                .put(BASE)
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"));
        assertThat(allChildIds()).containsExactly("A1", "A2", "B1", "C1", "H1", "A3");
        assertThat(given().get(BASE + "/children/A1").jsonPath().getString("responsibleAuthority"))
                .isEqualTo("COUNCIL-A");
    }

    @Test
    void csvRowsTouchingAnotherCouncilsChildrenAreRefusedByLineAndReplaceKeepsThem() {
        String header = "id,dateOfBirth,gender,homeLat,homeLon,urgency,responsibleAuthority\r\n";
        as(COUNCIL_A_DIRECTOR)
                .contentType("text/csv")
                .body(header + "A1,2013-01-01,MALE,52.0,0.0,URGENT,COUNCIL-A\r\n"
                        + "B1,2012-01-01,MALE,52.0,0.0,EMERGENCY,COUNCIL-A\r\n"
                        + "A5,2012-01-01,MALE,52.0,0.0,EMERGENCY,COUNCIL-C\r\n")
                .post(BASE + "/children/csv")
                .then()
                .statusCode(400)
                .body(
                        "errors.path",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "line 3, column id", "line 4, column responsibleAuthority"));
        assertThat(given().get(BASE + "/children/B1").jsonPath().getString("urgency"))
                .isEqualTo("PLANNED");

        as(COUNCIL_A_DIRECTOR)
                .contentType("text/csv")
                .queryParam("mode", "replace")
                .body(header + "A1,2013-01-01,MALE,52.0,0.0,EMERGENCY,COUNCIL-A\r\n")
                .post(BASE + "/children/csv")
                .then()
                .statusCode(200);
        assertThat(childIds(COUNCIL_A_DIRECTOR)).containsExactly("A1");
        assertThat(allChildIds()).containsExactlyInAnyOrder("A1", "B1", "C1", "H1");
    }

    @Test
    void queriesNameOnlyTheCouncilsChildrenWhileEveryChildOccupiesItsPlace() {
        as(COUNCIL_C_OFFICER)
                .contentType(ContentType.JSON)
                .body("{\"childIds\": [\"B1\"]}")
                .post(BASE + "/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.childIds[0]"))
                .body("errors[0].message", equalTo("unknown child id 'B1'"));
        String answer = as(COUNCIL_C_OFFICER)
                .contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C1\"]}")
                .post(BASE + "/match")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath match = JsonPath.from(answer);
        // P1's one place is A2's: council C's child cannot have it, though it does not see A2.
        assertThat(match.getList("options.providerId")).containsExactly("P2");
        assertThat(answer).doesNotContain("\"A2\"").doesNotContain("\"B1\"");
    }

    @Test
    void theAuditShowsACouncilsUserOnlyEntriesAboutItsChildren() {
        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"urgency\": \"EMERGENCY\"}")
                .patch(BASE + "/children/A1")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"urgency\": \"EMERGENCY\"}")
                .patch(BASE + "/children/B1")
                .then()
                .statusCode(200);
        List<String> seen =
                as(COUNCIL_A_DIRECTOR).get(BASE + "/audit").jsonPath().getList("childId");
        assertThat(seen).contains("A1").doesNotContain("B1", "C1", "H1");
        assertThat(given().get(BASE + "/audit").jsonPath().getList("childId", String.class))
                .contains("A1", "B1");
        List<String> atP2 = as(COUNCIL_A_DIRECTOR)
                .get(BASE + "/providers/P2/audit")
                .jsonPath()
                .getList("childId");
        assertThat(atP2).doesNotContain("B1");
    }

    @Test
    void aRunIsOfTheWholeRegisterButShowsACouncilOnlyItsChildrenAndRefusesDecisionsOnOthers() throws Exception {
        // A3 and B2 need what no provider offers: each council has a child the run leaves unplaced.
        putChild("A3", ", \"needs\": [\"SECURE_UNIT\"], \"responsibleAuthority\": \"COUNCIL-A\"");
        putChild("B2", ", \"needs\": [\"SECURE_UNIT\"], \"responsibleAuthority\": \"COUNCIL-B\"");
        String id = RunResourceTest.startRun(SHARED, 2);
        JsonPath all = RunResourceTest.waitUntilFinished(SHARED, id, Duration.ofSeconds(60));
        assertThat(all.getString("status")).isEqualTo("DONE");
        assertThat(all.getList("plan.assignments.childId")).contains("A1", "B1", "C1", "H1");
        assertThat(all.getList("changes.childId")).contains("A1", "C1");
        assertThat(all.getList("unplaced", String.class)).contains("A3", "B2");
        assertThat(all.getMap("plan.kpisByAuthority")).containsKeys("COUNCIL-A", "COUNCIL-B", "COUNCIL-C");

        String path = BASE + "/runs/" + id;
        JsonPath seenByA = as(COUNCIL_A_DIRECTOR)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seenByA.getList("plan.assignments.childId")).containsExactlyInAnyOrder("A1", "A2", "A3");
        assertThat(seenByA.getList("changes.childId", String.class))
                .contains("A1")
                .isSubsetOf("A1", "A2");
        assertThat(seenByA.getList("unplaced", String.class)).containsExactly("A3");
        // Each council's own KPIs only; the run's overall KPIs stay the whole register's (contract section 8).
        assertThat(seenByA.getMap("plan.kpisByAuthority")).containsOnlyKeys("COUNCIL-A");
        assertThat(seenByA.getMap("plan.kpis")).isEqualTo(all.getMap("plan.kpis"));
        assertThat(as(COUNCIL_A_DIRECTOR).get(path + "/snapshot").jsonPath().getList("children.id"))
                .containsExactly("A1", "A2", "A3");
        assertThat(as(COUNCIL_A_DIRECTOR).get(path + "/analysis").asString())
                .doesNotContain("\"B1\"")
                .doesNotContain("\"C1\"");
        assertThat(as(COUNCIL_C_OFFICER).get(path).jsonPath().getList("changes.childId"))
                .contains("C1");

        as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"childId\": \"C1\", \"decision\": \"REJECT\", \"reason\": \"not ours\"}")
                .post(path + "/decisions")
                .then()
                .statusCode(404)
                .body("errors[0].message", equalTo("run " + id + " proposes no change for child 'C1'"));
        assertThat(given().get(path).jsonPath().getMap("changes.find { it.childId == 'C1' }"))
                .doesNotContainKey("decision");
    }

    static void putChild(String id, String fields) {
        given().contentType(ContentType.JSON)
                .body(CHILD.formatted(id, fields))
                .put(BASE + "/children/" + id)
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)));
    }

    @Test
    void warningsAfterAnAcceptanceNameOnlyTheCouncilsChildren() throws Exception {
        String id = RunResourceTest.startRun(SHARED, 2);
        JsonPath all = RunResourceTest.waitUntilFinished(SHARED, id, Duration.ofSeconds(60));
        assertThat(all.getString("status")).isEqualTo("DONE");
        assertThat(all.getString("changes.find { it.childId == 'A1' }.toProviderId"))
                .isEqualTo("P2");
        // Council B fills P2's places after the run: accepting A1 there breaks capacity, with B's children.
        putChild("B2", ", \"currentPlacement\": \"P2\", \"responsibleAuthority\": \"COUNCIL-B\"");
        putChild("B3", ", \"currentPlacement\": \"P2\", \"responsibleAuthority\": \"COUNCIL-B\"");

        List<String> warnings = as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"childId\": \"A1\", \"decision\": \"ACCEPT\", \"reason\": \"agreed\"}")
                .post(BASE + "/runs/" + id + "/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("warnings");
        assertThat(warnings).isNotEmpty();
        assertThat(String.join("\n", warnings))
                .contains("A1")
                .contains("a child of another authority")
                .doesNotContain("B1")
                .doesNotContain("B2")
                .doesNotContain("B3")
                .as("the rule's code said once")
                .doesNotContainPattern("(H\\d+) \\1 ");
    }

    @Test
    void aSiblingGroupSpanningCouncilsIsRefusedWithoutNamingTheOtherCouncilsChild() {
        String together = ", \"siblingGroup\": \"S1\", \"placeTogether\": true, \"responsibleAuthority\": ";
        putChild("A4", together + "\"COUNCIL-A\"");
        putChild("B4", together + "\"COUNCIL-B\"");
        String refused = as(COUNCIL_A_DIRECTOR)
                .contentType(ContentType.JSON)
                .body("{\"childIds\": [\"A4\"]}")
                .post(BASE + "/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.childIds"))
                .extract()
                .asString();
        assertThat(refused).contains("a child of another authority").doesNotContain("B4");
        // Whoever sees the whole group asks about it as before.
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"A4\", \"B4\"]}")
                .post(BASE + "/match")
                .then()
                .statusCode(200);
    }

    @Test
    void theAccessLogShowsACouncilsDirectorOnlyReadsOfItsChildren() throws Exception {
        String id = RunResourceTest.startRun(SHARED, 1);
        RunResourceTest.waitUntilFinished(SHARED, id, Duration.ofSeconds(60));
        as(COUNCIL_B_DIRECTOR).get(BASE + "/runs/" + id).then().statusCode(200);
        as(COUNCIL_B_DIRECTOR).get(BASE + "/children/B1").then().statusCode(200);
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/A1").then().statusCode(200);

        JsonPath seenByA = as(COUNCIL_A_DIRECTOR)
                .get(BASE + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seenByA.getList("childId"))
                .contains("A1")
                .doesNotContainNull()
                .doesNotContain("B1");
        assertThat(seenByA.getList("username")).doesNotContain(COUNCIL_B_DIRECTOR);
        // Whoever sees every child sees every read, the run's among them.
        JsonPath whole = given().get(BASE + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(whole.getList("runId")).contains(id);
    }
}
