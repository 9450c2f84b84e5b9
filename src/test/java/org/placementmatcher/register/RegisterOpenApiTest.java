package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.TestAccounts;

/** The OpenAPI document of the register and run endpoints: a schema for every body, the status codes they answer. */
@QuarkusTest
// The OpenAPI document answers ADMIN only (contract section 6); one test also calls the API, as a director.
class RegisterOpenApiTest {

    private static final String REGISTER = "/api/register/{authority}";
    private static final String RUNS = REGISTER + "/runs";

    private JsonNode openApi;

    @BeforeEach
    void readDocument() throws Exception {
        openApi = ContractJson.mapper()
                .readTree(TestAccounts.as(TestAccounts.ADMIN)
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = openApi.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path).isTrue();
        return operation;
    }

    /** The JSON schema of a body, with a reference to a named schema followed. */
    private JsonNode schema(JsonNode content) {
        return resolve(content.path("application/json").path("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty()
                ? schema
                : openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String named(JsonNode content) {
        String ref =
                content.path("application/json").path("schema").path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    @Test
    void theRegistersOperationsStayInOneGroupThoughServedByResourcesOfTheirOwn() {
        // One of each resource the register's operations are split into: still one group ("Register Resource") in
        // the API description, as before the split.
        Map<String, String> ofEachResource = Map.of(
                REGISTER,
                "put",
                REGISTER + "/providers/{id}",
                "patch",
                REGISTER + "/children/{id}/placement/start",
                "post",
                REGISTER + "/children/csv",
                "post",
                REGISTER + "/children/{id}/audit",
                "get",
                REGISTER + "/match",
                "post");
        ofEachResource.forEach((path, method) -> assertThat(
                        operation(path, method).path("tags").toString())
                .as(method + " " + path)
                .isEqualTo("[\"" + RegisterResource.TAG + "\"]"));
    }

    @Test
    void aRecordPutDocuments201WhenAddedAnd200WhenReplacedWithTheContractRecordAsBodies() {
        Map<String, String> records = Map.of("/providers/{id}", "ProviderInput", "/children/{id}", "ChildInput");
        records.forEach((path, record) -> {
            JsonNode put = operation(REGISTER + path, "put");
            assertThat(named(put.path("requestBody").path("content"))).isEqualTo(record);
            assertThat(named(put.path("responses").path("201").path("content"))).isEqualTo(record);
            assertThat(named(put.path("responses").path("200").path("content"))).isEqualTo(record);
            assertThat(put.path("responses").fieldNames())
                    .toIterable()
                    .contains("200", "201", "400", "404", "409", "413", "415");
            JsonNode get = operation(REGISTER + path, "get");
            assertThat(named(get.path("responses").path("200").path("content"))).isEqualTo(record);
            JsonNode patch = operation(REGISTER + path, "patch");
            assertThat(named(patch.path("responses").path("200").path("content")))
                    .isEqualTo(record);
            assertThat(patch.path("requestBody").path("content").has(RegisterRecordResource.MERGE_PATCH))
                    .isTrue();
        });
        assertThat(schema(operation(REGISTER + "/providers", "get")
                                .path("responses")
                                .path("200")
                                .path("content"))
                        .path("items")
                        .path("$ref")
                        .asText())
                .endsWith("/ProviderInput");
        assertThat(named(
                        operation(REGISTER, "get").path("responses").path("200").path("content")))
                .isEqualTo("PlacementProblem");
    }

    @Test
    void aDeleteDocuments204AndNo200() {
        for (String path : List.of("/providers/{id}", "/children/{id}")) {
            JsonNode responses = operation(REGISTER + path, "delete").path("responses");
            assertThat(responses.fieldNames())
                    .toIterable()
                    .contains("204", "404", "409")
                    .doesNotContain("200");
            assertThat(responses.path("204").has("content")).isFalse();
        }
    }

    @Test
    void placementStartAndEndBodiesAreDocumented() {
        JsonNode start = operation(REGISTER + "/children/{id}/placement/start", "post");
        assertThat(schema(start.path("requestBody").path("content"))
                        .path("properties")
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("providerId", "startDate", "pinned", "reason");
        assertThat(named(start.path("responses").path("200").path("content"))).isEqualTo("ChildInput");
        JsonNode end = operation(REGISTER + "/children/{id}/placement/end", "post");
        assertThat(schema(end.path("requestBody").path("content"))
                        .path("properties")
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("endDate", "reason");
    }

    @Test
    void aRunStartDocuments202TheRunIdAndSecondsAsAnInteger() {
        JsonNode start = operation(RUNS, "post");
        assertThat(start.path("responses").fieldNames())
                .toIterable()
                .contains("202", "400", "404")
                .doesNotContain("200");
        assertThat(schema(start.path("responses").path("202").path("content"))
                        .path("properties")
                        .has("id"))
                .isTrue();
        assertThat(parameter(start, "seconds").path("type").asText()).isEqualTo("integer");
        assertThat(parameter(start, "referenceDate").path("format").asText()).isEqualTo("date");
        JsonNode limit = parameter(operation(RUNS, "get"), "limit");
        assertThat(limit.path("type").asText()).isEqualTo("integer");
        assertThat(limit.path("maximum").asInt()).isEqualTo(10000);
        // The documented bounds are the ones checked.
        given().queryParam("limit", 10001)
                .get("/api/register/OA-NONE/runs")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        JsonNode restart = operation(RUNS + "/{id}/restart", "post");
        assertThat(restart.path("responses").fieldNames())
                .toIterable()
                .contains("202", "404", "409")
                .doesNotContain("200");
        assertThat(parameter(restart, "seconds").path("type").asText()).isEqualTo("integer");
    }

    @Test
    void aRunViewHasItsSchemaWithEveryStatusQueuedIncluded() {
        JsonNode view = schema(
                operation(RUNS + "/{id}", "get").path("responses").path("200").path("content"));
        JsonNode status = resolve(view.path("properties").path("status"));
        List<String> statuses = new ArrayList<>();
        status.path("enum").forEach(s -> statuses.add(s.asText()));
        assertThat(statuses).containsExactlyInAnyOrder("QUEUED", "SOLVING", "DONE", "INTERRUPTED", "FAILED");
        assertThat(view.path("properties").fieldNames())
                .toIterable()
                .contains("elapsedSeconds", "limitSeconds", "plan", "kpis", "changes");
        JsonNode decide = operation(RUNS + "/{id}/decisions", "post");
        assertThat(schema(decide.path("requestBody").path("content"))
                        .path("properties")
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("childId", "decision", "decidedBy", "reason");
        assertThat(schema(decide.path("responses").path("200").path("content"))
                        .path("properties")
                        .has("registerVersion"))
                .isTrue();
    }

    /** Every register and run operation documents a success with its body, and each error it documents has the errors body. */
    @Test
    void everyOperationDocumentsASuccessAndItsErrorsAsTheErrorsBody() {
        List<String> missing = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/register")) {
                return;
            }
            path.getValue().fields().forEachRemaining(method -> {
                String name = method.getKey() + " " + path.getKey();
                JsonNode responses = method.getValue().path("responses");
                List<String> codes = new ArrayList<>();
                responses.fieldNames().forEachRemaining(codes::add);
                if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                    missing.add(name + ": no success");
                }
                for (String code : codes) {
                    if (code.startsWith("4")
                            && !named(responses.path(code).path("content")).equals("ApiErrors")) {
                        missing.add(name + " " + code + ": not the errors body");
                    }
                    if (code.startsWith("2")
                            && !code.equals("204")
                            && !responses.path(code).has("content")) {
                        missing.add(name + " " + code + ": no body schema");
                    }
                }
                JsonNode body = method.getValue().path("requestBody").path("content");
                body.fields().forEachRemaining(media -> {
                    if (!media.getValue().has("schema")) {
                        missing.add(name + ": request " + media.getKey() + " without a schema");
                    }
                });
            });
        });
        assertThat(missing).isEmpty();
    }
}
