package org.placementmatcher.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import org.placementmatcher.contract.ContractJson;

/**
 * Puts sample-data/small.json (copied onto the classpath by the build) into the OpenAPI document as
 * the example request of every endpoint that takes a problem, so Swagger UI's "Try it out" works at once.
 */
public class OpenApiExamples implements OASFilter {

    static final String SAMPLE = "/examples/small.json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        JsonNode problem = sample();
        if (problem == null || openAPI.getPaths() == null) {
            return;
        }
        ObjectNode match = ContractJson.mapper().createObjectNode();
        match.set("problem", problem);
        match.set("childIds", ContractJson.mapper().valueToTree(List.of(firstWaitingChild(problem))));
        Map<String, JsonNode> examples = Map.of("/api/plans", problem, "/api/match", match, "/api/emergency", match);
        examples.forEach((path, example) -> {
            PathItem item = openAPI.getPaths().getPathItem(path);
            Operation post = item == null ? null : item.getPOST();
            if (post != null && post.getRequestBody() != null && post.getRequestBody().getContent() != null) {
                post.getRequestBody().getContent().getMediaTypes().values().forEach(media -> media.addExample(
                        "small", OASFactory.createExample().summary("sample-data/small.json (synthetic)")
                                .value(ContractJson.mapper().convertValue(example, Object.class))));
            }
        });
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
            return in == null ? null : ContractJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
