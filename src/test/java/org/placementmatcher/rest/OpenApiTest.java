package org.placementmatcher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.TestAccounts;

/** The OpenAPI document describes every body, status code and parameter type of the plans and match resources. */
@QuarkusTest
// The OpenAPI document answers ADMIN only (contract section 6).
class OpenApiTest {

    private static JsonNode document() throws Exception {
        return ContractJson.mapper()
                .readTree(TestAccounts.as(TestAccounts.ADMIN)
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void postPlansDocumentsItsProblemAnswersAndIntegerSeconds() throws Exception {
        JsonNode post = document().at("/paths/~1api~1plans/post");

        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/PlacementProblem");
        assertThat(fieldNames(post.get("responses"))).contains("202", "400", "413", "415", "429");
        assertThat(post.at("/responses/202/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/PlanAccepted");
        assertThat(parameter(post, "seconds").at("/schema/type").asText()).isEqualTo("integer");
        // Above placement.plans.max-seconds a value is refused with 400, and the document says so (not "capped").
        assertThat(parameter(post, "seconds").path("description").asText())
                .contains("placement.plans.max-seconds (600 by default)")
                .contains("refused with 400");
        assertThat(post.path("description").asText())
                .contains("refused with 400")
                .doesNotContain("capped by");
    }

    @Test
    void matchAndEmergencyDocumentTheirRequestResultAndIntegerLimit() throws Exception {
        JsonNode document = document();
        for (String path : List.of("/paths/~1api~1match/post", "/paths/~1api~1emergency/post")) {
            JsonNode post = document.at(path);
            assertThat(post.at("/requestBody/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/MatchRequest");
            assertThat(post.at("/responses/200/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/MatchResult");
            assertThat(fieldNames(post.get("responses"))).contains("200", "400", "413", "415");
            assertThat(parameter(post, "limit").at("/schema/type").asText()).isEqualTo("integer");
        }
    }

    @Test
    void readingAPlanDocumentsItsViewsAnd404() throws Exception {
        JsonNode document = document();
        JsonNode plan = document.at("/paths/~1api~1plans~1{id}");

        assertThat(plan.at("/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/PlanView");
        assertThat(plan.at("/delete/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/PlanView");
        assertThat(document.at(
                                "/paths/~1api~1plans~1{id}~1analysis/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/AnalysisView");
        assertThat(fieldNames(plan.at("/get/responses"))).contains("404");
    }

    /** Contract section 5: SOLVING or DONE; FAILED and the queued flag are documented extensions. */
    @Test
    void aPlanViewsStatusIsSolvingDoneOrFailedWithTheQueuedFlagDescribed() throws Exception {
        JsonNode document = document();
        for (String view : List.of("PlanView", "AnalysisView")) {
            JsonNode properties = document.at("/components/schemas/" + view + "/properties");
            List<String> statuses = new ArrayList<>();
            resolve(document, properties.get("status")).path("enum").forEach(status -> statuses.add(status.asText()));
            assertThat(statuses).as(view).containsExactlyInAnyOrder("SOLVING", "DONE", "FAILED");
            assertThat(properties.at("/queued/type").asText()).as(view).isEqualTo("boolean");
            assertThat(properties.at("/queued/description").asText())
                    .as(view)
                    .contains("waits for a free solving thread");
        }
        assertThat(document.at("/paths/~1api~1plans~1{id}/get/description").asText())
                .contains("SOLVING with \"queued\": true")
                .doesNotContain("QUEUED");
    }

    @Test
    void everyErrorAnswerOfTheApiHasTheErrorBody() throws Exception {
        JsonNode document = document();
        assertThat(document.at("/components/schemas/ApiErrors/properties/errors/type")
                        .asText())
                .isEqualTo("array");
        int errors = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (JsonNode operation : path.getValue()) {
                for (Map.Entry<String, JsonNode> response :
                        operation.path("responses").properties()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errors++;
                        assertThat(response.getValue()
                                        .at("/content/application~1json/schema/$ref")
                                        .asText())
                                .as("%s %s", path.getKey(), response.getKey())
                                .isEqualTo("#/components/schemas/ApiErrors");
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(10);
    }

    @Test
    void adjoiningAuthoritiesIsDocumentedAsAnArrayOrAnObjectOfArrays() throws Exception {
        JsonNode document = document();
        JsonNode property = document.at("/components/schemas/PlacementProblem/properties/adjoiningAuthorities");
        JsonNode schema = resolve(document, property);

        assertThat(schema.path("oneOf"))
                .as("%s", schema)
                .extracting(option -> resolve(document, option).path("type").asText())
                .containsExactlyInAnyOrder("array", "object");
        assertThat(schema.path("properties").isMissingNode()).as("%s", schema).isTrue();
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
