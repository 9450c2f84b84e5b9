package org.placementmatcher.sufficiency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.security.TestAccounts;

/** POST /api/scenarios (and on a register), GET and DELETE /api/scenarios/{id}: success and every kind of bad input. */
@QuarkusTest
class ScenarioResourceTest {

    /** On the hand-scored problem: one more in-county place (C4 is unplaced), and P2 closed (C3 lives there). */
    static final String SCENARIOS = """
            [{"name": "one more in-county carer",
              "addProviders": [{"id": "P3", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1",
                                "location": {"lat": 52.0, "lon": 0.0}, "places": 1, "ageMin": 0, "ageMax": 17,
                                "weeklyCost": 300, "emergencyApproved": true}]},
             {"name": "close P2", "removeProviderIds": ["P2"]},
             {"name": "dearer P1, cost weighs double", "weeklyCosts": [{"providerId": "P1", "weeklyCost": 500}],
              "weights": {"cost": 2}}]
            """;

    static String request(String scenarios) {
        return "{\"problem\": " + ProblemFixtures.handScored() + ", \"scenarios\": " + scenarios + "}";
    }

    /** The request with one change. */
    static String edited(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(request(SCENARIOS));
            change.accept(root);
            return ContractJson.mapper().writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode scenario(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("scenarios").get(i);
    }

    static String start(String path, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .queryParam("seconds", 10)
                .post(path)
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/scenarios/"))
                .body("id", notNullValue())
                .extract()
                .path("id");
    }

    static JsonPath waitUntilFinished(String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath view = given().get("/api/scenarios/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = view.getString("status");
            if (!status.equals("QUEUED") && !status.equals("SOLVING") || System.nanoTime() > end) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    static ValidatableResponse rejected(String body, Object seconds) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .queryParam("seconds", seconds)
                .post("/api/scenarios")
                .then()
                .statusCode(400);
    }

    @Test
    void solvesTheBaselineAndEachScenarioWithItsDelta() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(request(SCENARIOS))
                .queryParam("seconds", 10)
                .post("/api/scenarios")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        JsonPath view = waitUntilFinished(id);

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getInt("progress.done")).isEqualTo(4);
        assertThat(view.getInt("progress.total")).isEqualTo(4);
        assertThat(view.getString("baseline.plan.score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(view.getInt("baseline.plan.kpis.placed")).isEqualTo(3);
        assertThat(view.getList("scenarios.name"))
                .containsExactly("one more in-county carer", "close P2", "dearer P1, cost weighs double");
        // One more place: C4, unplaced in the baseline, is placed.
        assertThat(view.getInt("scenarios[0].delta.placed")).isEqualTo(1);
        assertThat(view.getInt("scenarios[0].plan.kpis.placed")).isEqualTo(4);
        assertThat(view.getList("scenarios[0].plan.assignments.providerId")).contains("P3");
        // P2 closed: C3 lived there; the plan moves C3 elsewhere or leaves it unplaced, never at P2.
        assertThat(view.getList("scenarios[1].plan.assignments.providerId")).doesNotContain("P2");
        String c3 = view.getString("scenarios[1].plan.assignments.find { it.childId == 'C3' }.providerId");
        boolean c3Moved = view.getBoolean("scenarios[1].plan.assignments.find { it.childId == 'C3' }.moved");
        assertThat(c3Moved).isEqualTo(c3 != null);
        int baselineMoves = view.getInt("baseline.plan.kpis.moves");
        assertThat(view.getInt("scenarios[1].delta.moves"))
                .isEqualTo(view.getInt("scenarios[1].plan.kpis.moves") - baselineMoves);
        // Deltas are the scenario's KPIs minus the baseline's; the annual cost is 52 weeks of it.
        for (int i = 0; i < 3; i++) {
            double weekly = view.getDouble("scenarios[" + i + "].plan.kpis.weeklyCost")
                    - view.getDouble("baseline.plan.kpis.weeklyCost");
            assertThat(view.getDouble("scenarios[" + i + "].delta.weeklyCost")).isEqualTo(weekly);
            assertThat(view.getDouble("scenarios[" + i + "].delta.annualCost")).isEqualTo(weekly * 52);
        }
    }

    @Test
    void theSameRequestGivesTheSameAnswer() throws Exception {
        JsonPath first = waitUntilFinished(start("/api/scenarios", request(SCENARIOS)));
        JsonPath second = waitUntilFinished(start("/api/scenarios", request(SCENARIOS)));
        assertThat(first.getString("status")).isEqualTo("DONE");
        assertThat(second.getMap("baseline")).isEqualTo(first.getMap("baseline"));
        assertThat(second.getList("scenarios")).isEqualTo(first.getList("scenarios"));
    }

    @Test
    void unknownIdsAre404AndDeleteStopsAJob() throws Exception {
        given().get("/api/scenarios/nope").then().statusCode(404).body("errors[0].path", equalTo("$"));
        given().delete("/api/scenarios/nope").then().statusCode(404);
        String id = start("/api/scenarios", request(SCENARIOS));
        given().delete("/api/scenarios/" + id).then().statusCode(200).body("id", equalTo(id));
        JsonPath view = waitUntilFinished(id);
        assertThat(view.getString("status")).isIn("STOPPED", "DONE");
    }

    @Test
    void everyWrongScenarioIsNamedAtItsPath() {
        String body = edited(root -> {
            ((ObjectNode) scenario(root, 0).withArray("addProviders").get(0)).put("places", "two");
            scenario(root, 0).putArray("addChildren").addObject().put("id", "C9");
            scenario(root, 1)
                    .withArray("removeProviderIds")
                    .add("P1")
                    .add("NOPE")
                    .add("P1");
            scenario(root, 2)
                    .withArray("weeklyCosts")
                    .addObject()
                    .put("providerId", "GONE")
                    .put("weeklyCost", -5);
            scenario(root, 2).withObject("weights").put("bogus", 1);
            scenario(root, 2).put("removeProviders", "P1");
        });
        rejected(body, 5)
                .body("errors.path", hasItem("$.scenarios[0].addProviders[0].places"))
                .body("errors.path", hasItem("$.scenarios[0].addChildren[0].dateOfBirth"))
                .body(
                        "errors.find { it.path == '$.scenarios[1].removeProviderIds[2]' }.message",
                        equalTo("unknown provider id 'NOPE'"))
                .body(
                        "errors.find { it.path == '$.scenarios[1].removeProviderIds[3]' }.message",
                        equalTo("provider id 'P1' is listed twice"))
                .body("errors.path", hasItem("$.scenarios[2].weeklyCosts[1].providerId"))
                .body("errors.path", hasItem("$.scenarios[2].weeklyCosts[1].weeklyCost"))
                .body("errors.path", hasItem("$.scenarios[2].weights.bogus"))
                .body("errors.path", hasItem("$.scenarios[2].removeProviders"));
    }

    @Test
    void addedRecordsClashingWithTheProblemAreDuplicates() {
        String body = edited(root -> {
            ((ObjectNode) scenario(root, 0).withArray("addProviders").get(0)).put("id", "P1");
            scenario(root, 1)
                    .putArray("addChildren")
                    .add(ContractJson.mapper()
                            .createObjectNode()
                            .put("id", "C1")
                            .put("dateOfBirth", "2015-01-01")
                            .put("gender", "MALE")
                            .put("urgency", "PLANNED")
                            .set(
                                    "home",
                                    ContractJson.mapper()
                                            .createObjectNode()
                                            .put("lat", 52.0)
                                            .put("lon", 0.0)));
            scenario(root, 2).put("name", "close P2");
        });
        rejected(body, 5)
                .body("errors.path", hasItem("$.scenarios[0].addProviders[0].id"))
                .body("errors.path", hasItem("$.scenarios[1].addChildren[0].id"))
                .body(
                        "errors.find { it.path == '$.scenarios[2].name' }.message",
                        equalTo("duplicate scenario name 'close P2'"));
    }

    @Test
    void tooManyNoneOrMalformedScenariosAndABadProblemAreRefused() {
        ArrayNode eleven = ContractJson.mapper().createArrayNode();
        for (int i = 0; i < 11; i++) {
            eleven.addObject().put("name", "s" + i);
        }
        rejected(request(eleven.toString()), 5)
                .body("errors[0].path", equalTo("$.scenarios"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("from 1 to 10"));
        rejected(request("[]"), 5).body("errors[0].path", equalTo("$.scenarios"));
        rejected("{\"problem\": " + ProblemFixtures.handScored() + "}", 5)
                .body("errors[0].path", equalTo("$.scenarios"));
        rejected(request("[{\"removeProviderIds\": \"P1\"}]"), 5)
                .body("errors.path", hasItem("$.scenarios[0].name"))
                .body("errors.path", hasItem("$.scenarios[0].removeProviderIds"));
        rejected(request("[42]"), 5).body("errors[0].path", equalTo("$.scenarios[0]"));
        rejected("{\"problem\": {\"schemaVersion\": 1}, \"scenarios\": [{\"name\": \"a\"}]}", 5)
                .body("errors.path", hasItem("$.problem.providers"));
        rejected("{\"scenarios\": [{\"name\": \"a\"}]}", 5).body("errors.path", hasItem("$.problem"));
        rejected("{\"problem\": ", 5).body("errors[0].message", org.hamcrest.Matchers.startsWith("malformed JSON"));
        rejected("[]", 5).body("errors[0].path", equalTo("$"));
    }

    @Test
    void timeLimitsOutsideTheirRangeAreRefused() {
        rejected(request(SCENARIOS), 0).body("errors[0].path", equalTo("seconds"));
        rejected(request(SCENARIOS), 601).body("errors[0].path", equalTo("seconds"));
        rejected(request(SCENARIOS), "soon").body("errors[0].path", equalTo("seconds"));
    }

    @Test
    void scenariosOnARegisterUseItsCurrentState() throws Exception {
        String problem = ProblemFixtures.handScored().replace("\"E1\"", "\"RS-SCEN\"");
        given().contentType(ContentType.JSON)
                .body(problem)
                .put("/api/register/RS-SCEN")
                .then()
                .statusCode(200);
        String scenarios = SCENARIOS.replace("\"E1\"", "\"RS-SCEN\"");
        String id = start("/api/register/RS-SCEN/scenarios", "{\"scenarios\": " + scenarios + "}");

        JsonPath view = waitUntilFinished(id);

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("baseline.plan.score")).isEqualTo("0hard/-10medium/-2527soft");
        assertThat(view.getInt("scenarios[0].delta.placed")).isEqualTo(1);

        given().contentType(ContentType.JSON)
                .body(request(SCENARIOS))
                .post("/api/register/RS-SCEN/scenarios")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.problem"));
        given().contentType(ContentType.JSON)
                .body("{\"scenarios\": [{\"name\": \"a\", \"removeProviderIds\": [\"P9\"]}]}")
                .post("/api/register/RS-SCEN/scenarios")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.scenarios[0].removeProviderIds[0]"));
        given().contentType(ContentType.JSON)
                .body("{\"scenarios\": " + scenarios + "}")
                .post("/api/register/RS-NONE/scenarios")
                .then()
                .statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheScenarioEndpointsWithAWorkingExample() throws Exception {
        com.fasterxml.jackson.databind.JsonNode document = ContractJson.mapper()
                .readTree(TestAccounts.as(TestAccounts.ADMIN)
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        com.fasterxml.jackson.databind.JsonNode post = document.at("/paths/~1api~1scenarios/post");
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ScenariosRequest");
        assertThat(post.get("responses").has("202")
                        && post.get("responses").has("400")
                        && post.get("responses").has("429"))
                .isTrue();
        assertThat(post.at("/parameters/0/schema/type").asText()).isEqualTo("integer");
        assertThat(document.at("/paths/~1api~1scenarios~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ScenariosView");
        assertThat(document.at("/paths/~1api~1register~1{authority}~1scenarios/post/responses/404")
                        .isMissingNode())
                .isFalse();
        // The example request is accepted as it stands.
        com.fasterxml.jackson.databind.JsonNode example =
                post.at("/requestBody/content/application~1json/examples/small/value");
        assertThat(example.isObject()).isTrue();
        String id = start("/api/scenarios", ContractJson.mapper().writeValueAsString(example));
        assertThat(waitUntilFinished(id).getString("status")).isEqualTo("DONE");
    }
}
