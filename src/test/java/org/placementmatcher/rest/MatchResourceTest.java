package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ProblemFixtures;

@QuarkusTest
class MatchResourceTest {

    static String request(String problemJson, List<String> childIds) throws Exception {
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.set("problem", ContractJson.mapper().readTree(problemJson));
        body.set("childIds", ContractJson.mapper().valueToTree(childIds));
        return ContractJson.mapper().writeValueAsString(body);
    }

    @Test
    void ranksOptionsWithReasonsAndListsEveryExcludedProviderWithItsRules() throws Exception {
        // C2 waits; P1 has room, P2 is full (C3): P1 is the only option.
        JsonPath result = given().contentType(ContentType.JSON)
                .body(request(ProblemFixtures.handScored(), List.of("C2")))
                .queryParam("limit", 5)
                .post("/api/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getList("childIds")).containsExactly("C2");
        // Today: C1 at P1, C3 at P2, C2 and C4 wait: medium -3 -10; soft 469 + 1658.
        assertThat(result.getString("currentScore")).isEqualTo("0hard/-13medium/-2127soft");
        assertThat(result.getInt("feasibleCount")).isEqualTo(1);
        assertThat(result.getInt("options[0].rank")).isEqualTo(1);
        assertThat(result.getString("options[0].providerId")).isEqualTo("P1");
        assertThat(result.getString("options[0].providerType")).isEqualTo("IN_HOUSE_FOSTER");
        assertThat(result.getString("options[0].score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(result.getString("options[0].scoreDifference")).isEqualTo("0hard/3medium/-400soft");
        assertThat(result.getString("options[0].approval")).isEqualTo("NONE");
        assertThat(result.getInt("options[0].softPoints.cost")).isEqualTo(400);
        assertThat(result.getInt("options[0].softPoints.distancePerMile")).isZero();
        assertThat(result.getList("options[0].reasons", String.class)).contains("in area");
        assertThat(result.getString("excluded[0].providerId")).isEqualTo("P2");
        assertThat(result.getList("excluded[0].codes")).containsExactly("H1");
    }

    @Test
    void approvalLevelFollowsTheAdjoiningAuthorities() throws Exception {
        // Make P1 full so that only P2 (out of area, E2) can take C2, with C3 moved out of the way.
        String problem = ProblemFixtures.handScored()
                .replace("\"homeAuthority\": \"E1\",", "\"homeAuthority\": \"E1\", \"adjoiningAuthorities\": [\"E2\"],")
                .replace("\"urgency\": \"URGENT\", \"currentPlacement\": \"P2\"", "\"urgency\": \"URGENT\"");
        JsonPath result = given().contentType(ContentType.JSON)
                .body(request(problem, List.of("C2")))
                .post("/api/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getString("options.find { it.providerId == 'P2' }.approval"))
                .isEqualTo("NOMINATED_OFFICER");
        String notAdjoining = problem.replace("[\"E2\"]", "[\"E9\"]");
        JsonPath far = given().contentType(ContentType.JSON)
                .body(request(notAdjoining, List.of("C2")))
                .post("/api/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(far.getString("options.find { it.providerId == 'P2' }.approval"))
                .isEqualTo("DIRECTOR");
    }

    @Test
    void emergencyQueryOffersOnlyEmergencyApprovedProviders() throws Exception {
        String problem = ProblemFixtures.handScored()
                .replace(
                        "\"places\": 2, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 400",
                        "\"places\": 3, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 400, \"emergencyApproved\": true");
        JsonPath result = given().contentType(ContentType.JSON)
                .body(request(problem, List.of("C4")))
                .post("/api/emergency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getBoolean("emergency")).isTrue();
        assertThat(result.getList("options.providerId")).containsExactly("P1");
        assertThat(result.getList("excluded.find { it.providerId == 'P2' }.codes"))
                .contains("H9");
    }

    @Test
    void badRequestsAre400WithJsonPaths() throws Exception {
        String json = ProblemFixtures.handScored();
        given().contentType(ContentType.JSON)
                .body(request(json, List.of("C-NOPE")))
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.childIds[0]"));
        given().contentType(ContentType.JSON)
                .body(request(json, List.of("C2")))
                .queryParam("limit", 0)
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        String badProblem = json.replace("\"places\": 1", "\"places\": -1");
        given().contentType(ContentType.JSON)
                .body(request(badProblem, List.of("C2")))
                .post("/api/emergency")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.problem.providers[1].places"));
        given().contentType(ContentType.JSON)
                .body(Map.of("childIds", List.of("C2")))
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.problem"));
        given().contentType(ContentType.JSON)
                .body("{\"problem\": ")
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"));
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/emergency")
                .then()
                .statusCode(400);
        given().contentType(ContentType.TEXT)
                .body("x")
                .post("/api/match")
                .then()
                .statusCode(415)
                .contentType(ContentType.JSON);
    }

    @Test
    void aChildOfASiblingGroupIsMatchedWithTheWholeGroupWhichTravelsTogether() throws Exception {
        String problem = ProblemFixtures.handScored()
                .replace("\"urgency\": \"URGENT\"}", "\"urgency\": \"URGENT\", \"siblingGroup\": \"S\"}")
                .replace("\"urgency\": \"EMERGENCY\"}", "\"urgency\": \"EMERGENCY\", \"siblingGroup\": \"S\"}");
        JsonNode check = ContractJson.mapper().readTree(problem);
        assertThat(check.get("children").get(3).get("siblingGroup").asText()).isEqualTo("S");

        String oneNamed = given().contentType(ContentType.JSON)
                .body(request(problem, List.of("C4")))
                .post("/api/match")
                .then()
                .statusCode(200)
                .body("childIds", org.hamcrest.Matchers.contains("C4", "C2"))
                .extract()
                .asString();
        String bothNamed = given().contentType(ContentType.JSON)
                .body(request(problem, List.of("C4", "C2")))
                .post("/api/match")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(oneNamed).isEqualTo(bothNamed);
    }

    @Test
    void childrenNotPlacedTogetherInOneQueryAreRefused() throws Exception {
        given().contentType(ContentType.JSON)
                .body(request(ProblemFixtures.handScored(), List.of("C2", "C3", "C4")))
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors.path", org.hamcrest.Matchers.contains("$.childIds[1]", "$.childIds[2]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("is not placed with 'C2'"));
    }

    @Test
    void oversizeBodiesAre413WithAJsonError() {
        String huge = "{\"pad\": \"" + "x".repeat(3_100_000) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/match")
                .then()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"));
    }
}
