package org.placementmatcher.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.placementmatcher.contract.ContractJson;

/**
 * Puts sample-data/small.json (copied onto the classpath by the build) into the OpenAPI document as
 * the example request of every endpoint that takes a problem, so Swagger UI's "Try it out" works at once;
 * and documents the errors every endpoint may answer with the API's error body ({@link ApiErrors}): 413 and
 * 415 wherever a body is taken (the HTTP layer's, {@link HttpLayer}), and the body of each error response.
 */
public class OpenApiExamples implements OASFilter {

    static final String SAMPLE = "/examples/small.json";

    static final String ERRORS_SCHEMA = "#/components/schemas/ApiErrors";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        documentErrors(openAPI);
        JsonNode problem = sample();
        if (problem == null || openAPI.getPaths() == null) {
            return;
        }
        ObjectNode match = ContractJson.mapper().createObjectNode();
        match.set("problem", problem);
        match.set("childIds", ContractJson.mapper().valueToTree(List.of(firstWaitingChild(problem))));
        // What-if scenarios: the first provider closed, and cost weighing double (a valid request on the sample).
        ObjectNode scenarios = ContractJson.mapper().createObjectNode();
        scenarios
                .putArray("scenarios")
                .addObject()
                .put("name", "first provider closed, cost weighs double")
                .putObject("weights")
                .put("cost", 2);
        ((ObjectNode) scenarios.get("scenarios").get(0))
                .putArray("removeProviderIds")
                .add(problem.path("providers").path(0).path("id").asText());
        ObjectNode scenariosOnProblem = scenarios.deepCopy();
        scenariosOnProblem.set("problem", problem);
        Map<String, JsonNode> examples = Map.of(
                "/api/plans",
                problem,
                "/api/match",
                match,
                "/api/emergency",
                match,
                "/api/scenarios",
                scenariosOnProblem,
                "/api/register/{authority}/scenarios",
                scenarios);
        examples.forEach((path, example) -> {
            PathItem item = openAPI.getPaths().getPathItem(path);
            Operation post = item == null ? null : item.getPOST();
            if (post != null
                    && post.getRequestBody() != null
                    && post.getRequestBody().getContent() != null) {
                post.getRequestBody()
                        .getContent()
                        .getMediaTypes()
                        .values()
                        .forEach(media -> media.addExample(
                                "small",
                                OASFactory.createExample()
                                        .summary("sample-data/small.json (synthetic)")
                                        .value(ContractJson.mapper().convertValue(example, Object.class))));
            }
        });
    }

    private static void documentErrors(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                if (operation.getRequestBody() != null) {
                    addIfMissing(responses, "413", "The request body is larger than quarkus.http.limits.max-body-size");
                    addIfMissing(responses, "415", "The request body has no Content-Type, or one not accepted here");
                }
                if (responses.getAPIResponses() == null) {
                    continue;
                }
                responses.getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        if (response.getContent() == null
                                || response.getContent().getMediaTypes() == null
                                || response.getContent().getMediaTypes().isEmpty()) {
                            response.setContent(OASFactory.createContent()
                                    .addMediaType(
                                            MediaType.APPLICATION_JSON,
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .ref(ERRORS_SCHEMA))));
                        }
                    }
                });
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static String firstWaitingChild(JsonNode problem) {
        for (JsonNode child : problem.path("children")) {
            if (!child.hasNonNull("currentPlacement") && !child.hasNonNull("siblingGroup")) {
                return child.get("id").asText();
            }
        }
        return problem.path("children").path(0).path("id").asText();
    }

    private static JsonNode sample() {
        try (InputStream in = OpenApiExamples.class.getResourceAsStream(SAMPLE)) {
            return in == null
                    ? null
                    : ContractJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
