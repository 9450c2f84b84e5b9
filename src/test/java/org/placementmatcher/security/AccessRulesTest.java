package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;

/**
 * Authority scoping, plans seen only within their authority, and the authenticated user as the only actor
 * (contract section 6). The whole API's permission table is {@link EndpointPermissionsTest}'s.
 */
@QuarkusTest
class AccessRulesTest {

    private static final String OTHER = TestAccounts.OTHER_AUTHORITY;

    private static String problem(String authority) {
        return ProblemFixtures.VALID.replace("\"E1\"", "\"" + authority + "\"");
    }

    private static void put(String authority) {
        given().contentType(ContentType.JSON)
                .body(problem(authority))
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
    }

    private static String missing(String authority) {
        return "no register for authority " + authority + ": import one with PUT /api/register/" + authority;
    }

    @Test
    void withoutValidCredentialsTheAnswerIs401WithTheJsonErrorBodyAndAChallenge() {
        for (var request : List.of(
                given().auth().none(),
                given().auth().preemptive().basic("director", "not-the-password"),
                given().auth().preemptive().basic("nobody", TestAccounts.PASSWORD))) {
            request.contentType(ContentType.JSON)
                    .body(problem("AR-ANON"))
                    .put("/api/register/AR-ANON")
                    .then()
                    .statusCode(401)
                    .contentType(ContentType.JSON)
                    .header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue())
                    .body("errors[0].path", equalTo("$"));
        }
        given().get("/api/register/AR-ANON").then().statusCode(404);
    }

    @Test
    void aUserSeesAndChangesOnlyTheRegistersOfItsAuthoritiesOthersAreAsIfMissing() {
        put("AR-MINE");
        put(OTHER);

        assertThat(as("other-director").get("/api/register").jsonPath().getList("authority", String.class))
                .contains(OTHER)
                .doesNotContain("AR-MINE");
        assertThat(as("director").get("/api/register").jsonPath().getList("authority", String.class))
                .contains(OTHER, "AR-MINE");
        as("other-officer").get("/api/register/" + OTHER).then().statusCode(200);

        String version = given().get("/api/register/AR-MINE").header("X-Register-Version");
        for (String user : List.of("other-officer", "other-director")) {
            as(user).get("/api/register/AR-MINE")
                    .then()
                    .statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("errors[0].message", equalTo(missing("AR-MINE")));
            as(user).get("/api/register/AR-MINE/children/C1/audit").then().statusCode(404);
            as(user).contentType(ContentType.JSON)
                    .body("{\"needs\": [\"MEDICAL\"]}")
                    .patch("/api/register/AR-MINE/children/C1")
                    .then()
                    .statusCode(404)
                    .body("errors[0].message", equalTo(missing("AR-MINE")));
            // A register that does not exist yet cannot be created for an authority the user does not hold.
            as(user).contentType(ContentType.JSON)
                    .body(problem("AR-NEW"))
                    .put("/api/register/AR-NEW")
                    .then()
                    .statusCode(404)
                    .body("errors[0].message", equalTo(missing("AR-NEW")));
        }
        assertThat(given().get("/api/register/AR-MINE").header("X-Register-Version"))
                .isEqualTo(version);
        given().get("/api/register/AR-NEW").then().statusCode(404);
    }

    @Test
    void theAuditNamesTheAuthenticatedUserAndAnXActorNamingAnyoneElseIsRefused() {
        put("AR-ACT");
        String version = given().get("/api/register/AR-ACT").header("X-Register-Version");

        as("officer")
                .header("X-Actor", "sw-17")
                .contentType(ContentType.JSON)
                .body("{\"needs\": [\"MEDICAL\"]}")
                .patch("/api/register/AR-ACT/children/C2")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("X-Actor"));
        as("officer")
                .header("X-Actor", "sw-17")
                .queryParam("seconds", 1)
                .post("/api/register/AR-ACT/runs")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("X-Actor"));
        assertThat(given().get("/api/register/AR-ACT").header("X-Register-Version"))
                .isEqualTo(version);
        assertThat(given().get("/api/register/AR-ACT/runs").jsonPath().getList("$"))
                .isEmpty();

        as("officer")
                .contentType(ContentType.JSON)
                .body("{\"needs\": [\"MEDICAL\"]}")
                .patch("/api/register/AR-ACT/children/C2")
                .then()
                .statusCode(200);
        // Naming oneself is no error.
        as("manager")
                .header("X-Actor", "manager")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"returned home\"}")
                .post("/api/register/AR-ACT/children/C1/placement/end")
                .then()
                .statusCode(200);
        JsonPath c2 = given().get("/api/register/AR-ACT/children/C2/audit").jsonPath();
        assertThat(c2.getString("[-1].action")).isEqualTo("CHILD_CHANGED");
        assertThat(c2.getString("[-1].actor")).isEqualTo("officer");
        JsonPath c1 = given().get("/api/register/AR-ACT/children/C1/audit").jsonPath();
        assertThat(c1.getString("[-1].action")).isEqualTo("PLACEMENT_ENDED");
        assertThat(c1.getString("[-1].actor")).isEqualTo("manager");
    }

    @Test
    void aPlanIsSeenOnlyByWhoeverStartedItAndByUsersOfItsHomeAuthority() {
        String forOther = startPlan("director", problem(OTHER));
        String byOtherOfficer = startPlan("other-officer", problem("AR-PLAN"));

        for (String user : List.of("director", "officer", "other-officer", "other-director")) {
            as(user).get("/api/plans/" + forOther).then().statusCode(200);
        }
        for (String user : List.of("other-officer", "director", "viewer")) {
            as(user).get("/api/plans/" + byOtherOfficer).then().statusCode(200);
            as(user).get("/api/plans/" + byOtherOfficer + "/analysis").then().statusCode(200);
        }
        as("other-director").get("/api/plans/" + byOtherOfficer).then().statusCode(404);
        as("other-director")
                .get("/api/plans/" + byOtherOfficer + "/analysis")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        as("other-director").delete("/api/plans/" + byOtherOfficer).then().statusCode(404);
        as("other-officer").delete("/api/plans/" + byOtherOfficer).then().statusCode(200);
    }

    @Test
    void whatIfScenariosAreSeenOnlyByWhoeverStartedThemAndByUsersOfTheirHomeAuthority() {
        String byOtherOfficer = as("other-officer")
                .contentType(ContentType.JSON)
                .queryParam("seconds", 1)
                .body("{\"problem\": " + problem("AR-SCEN") + ", \"scenarios\": [{\"name\": \"as today\"}]}")
                .post("/api/scenarios")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        for (String user : List.of("other-officer", "director", "viewer")) {
            as(user).get("/api/scenarios/" + byOtherOfficer).then().statusCode(200);
        }
        as("other-director")
                .get("/api/scenarios/" + byOtherOfficer)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        as("other-director").delete("/api/scenarios/" + byOtherOfficer).then().statusCode(404);
        as("other-officer").delete("/api/scenarios/" + byOtherOfficer).then().statusCode(200);
    }

    @Test
    void aSufficiencyReportIsSeenOnlyByWhoeverStartedItAndByUsersOfItsHomeAuthority() {
        String byOtherOfficer = as("other-officer")
                .contentType(ContentType.JSON)
                .queryParam("seconds", 1)
                .body(problem("AR-SUFF"))
                .post("/api/sufficiency")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        for (String user : List.of("other-officer", "director", "viewer")) {
            as(user).get("/api/sufficiency/" + byOtherOfficer).then().statusCode(200);
        }
        as("other-director")
                .get("/api/sufficiency/" + byOtherOfficer)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
        as("other-director")
                .get("/api/sufficiency/" + byOtherOfficer + "/segments.csv")
                .then()
                .statusCode(404);
        as("other-director").delete("/api/sufficiency/" + byOtherOfficer).then().statusCode(404);
        as("other-officer").delete("/api/sufficiency/" + byOtherOfficer).then().statusCode(200);
    }

    private static String startPlan(String user, String problem) {
        return as(user).contentType(ContentType.JSON)
                .queryParam("seconds", 1)
                .body(problem)
                .post("/api/plans")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }
}
