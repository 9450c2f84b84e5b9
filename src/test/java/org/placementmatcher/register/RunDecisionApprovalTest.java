package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The approval level of contract section 6 on decisions: REJECT needs MANAGER; ACCEPT needs the role the change's
 * approval names (NONE: MANAGER; NOMINATED_OFFICER: out of area, adjoining; DIRECTOR: out of area, at a distance).
 * A refusal is 403 with the JSON error body and changes nothing: no decision, no audit entry, the register as it was.
 */
@QuarkusTest
class RunDecisionApprovalTest {

    /**
     * Two children waiting, each with a need only one carer meets: CA's in an adjoining authority (approval
     * NOMINATED_OFFICER), CD's in one at a distance (DIRECTOR); C0's carer is at home (NONE).
     */
    static final String OUT_OF_AREA = """
            {"schemaVersion": 1, "name": "Out of area", "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "adjoiningAuthorities": ["E-ADJ"],
             "providers": [
               {"id": "H0", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500, "capabilities": ["DISABILITY"]},
               {"id": "XA", "type": "IFA_FOSTER", "localAuthority": "E-ADJ", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "capabilities": ["THERAPEUTIC"]},
               {"id": "XD", "type": "IFA_FOSTER", "localAuthority": "E-FAR", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "capabilities": ["MEDICAL"]}
             ],
             "children": [
               {"id": "C0", "dateOfBirth": "2013-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["DISABILITY"]},
               {"id": "CA", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["THERAPEUTIC"]},
               {"id": "CD", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["MEDICAL"]}
             ]}
            """;

    private record State(String version, int audit, List<Object> decisions) {}

    private static State state(String authority, String runId) {
        JsonPath run = given().get("/api/register/" + authority + "/runs/" + runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new State(
                given().get("/api/register/" + authority).header("X-Register-Version"),
                given().get("/api/register/" + authority + "/audit?limit=10000")
                        .jsonPath()
                        .getList("$")
                        .size(),
                run.getList("changes.decision"));
    }

    private static io.restassured.response.Response decide(
            String user, String authority, String runId, String childId, String decision) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("childId", childId, "decision", decision, "reason", "approval test"))
                .post("/api/register/" + authority + "/runs/" + runId + "/decisions");
    }

    @Test
    void eachApprovalNeedsItsRoleAndARefusalChangesNothing() throws Exception {
        String authority = "RA-OUT";
        RegisterResourceTest.put(authority, RegisterFixtures.forAuthority(OUT_OF_AREA, authority));
        String runId = RunResourceTest.startRun(authority, 2);
        JsonPath run = RunResourceTest.waitUntilFinished(authority, runId, Duration.ofSeconds(60));
        assertThat(run.getString("status")).isEqualTo("DONE");
        assertThat(RunResourceTest.change(run, "C0").get("approval")).isEqualTo("NONE");
        assertThat(RunResourceTest.change(run, "CA").get("approval")).isEqualTo("NOMINATED_OFFICER");
        assertThat(RunResourceTest.change(run, "CD").get("approval")).isEqualTo("DIRECTOR");

        State before = state(authority, runId);
        record Refused(String user, String childId, String decision, String needed) {}
        for (Refused refused : List.of(
                new Refused("viewer", "C0", "REJECT", null),
                new Refused("officer", "C0", "ACCEPT", null),
                new Refused("officer", "C0", "REJECT", null),
                new Refused("officer", "CA", "ACCEPT", null),
                new Refused("manager", "CA", "ACCEPT", "NOMINATED_OFFICER"),
                new Refused("manager", "CD", "ACCEPT", "DIRECTOR"),
                new Refused("nominated-officer", "CD", "ACCEPT", "DIRECTOR"))) {
            var answer = decide(refused.user(), authority, runId, refused.childId(), refused.decision())
                    .then()
                    .statusCode(403)
                    .contentType(ContentType.JSON);
            if (refused.needed() != null) {
                answer.body("errors[0].message", containsString("needs the role " + refused.needed()));
            }
            assertThat(state(authority, runId)).as(refused.toString()).isEqualTo(before);
        }

        // decidedBy, when given, must be the user: otherwise 400 and nothing changes.
        as("director")
                .contentType(ContentType.JSON)
                .body(Map.of("childId", "CD", "decision", "ACCEPT", "decidedBy", "hos-2", "reason", "r"))
                .post("/api/register/" + authority + "/runs/" + runId + "/decisions")
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("$.decidedBy")));
        assertThat(state(authority, runId)).isEqualTo(before);

        decide("manager", authority, runId, "C0", "REJECT")
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("manager"));
        decide("nominated-officer", authority, runId, "CA", "ACCEPT")
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("nominated-officer"));
        as("director")
                .contentType(ContentType.JSON)
                .body(Map.of("childId", "CD", "decision", "ACCEPT", "decidedBy", "director", "reason", "far"))
                .post("/api/register/" + authority + "/runs/" + runId + "/decisions")
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("director"));

        given().get("/api/register/" + authority + "/children/CA").then().body("currentPlacement", equalTo("XA"));
        given().get("/api/register/" + authority + "/children/CD").then().body("currentPlacement", equalTo("XD"));
        JsonPath ca =
                given().get("/api/register/" + authority + "/children/CA/audit").jsonPath();
        assertThat(ca.getString("find { it.action == 'DECISION_ACCEPTED' }.actor"))
                .isEqualTo("nominated-officer");
        assertThat(ca.getString("find { it.action == 'PLACEMENT_STARTED' }.actor"))
                .isEqualTo("nominated-officer");
        JsonPath c0 =
                given().get("/api/register/" + authority + "/children/C0/audit").jsonPath();
        assertThat(c0.getString("find { it.action == 'DECISION_REJECTED' }.actor"))
                .isEqualTo("manager");
        JsonPath after =
                given().get("/api/register/" + authority + "/runs/" + runId).jsonPath();
        assertThat(RunResourceTest.change(after, "CD").get("decision"))
                .extracting(d -> ((Map<?, ?>) d).get("decidedBy"))
                .isEqualTo("director");
    }
}
