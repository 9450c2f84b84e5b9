package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fields a problem's JSON names that the contract (with this project's extensions) does not know, each an error
 * at its JSON path ({@code $.providers[3].nmae: unknown field}). Only the register refuses them: it stores what
 * it is given, so a misspelt field silently dropped would be data lost without a word (docs/contract.md,
 * Extensions). The known fields are the components of the contract's records, so a field added to a record is
 * known here at once. {@code weights} keeps its own check (ProblemValidator: "not a known weight").
 */
final class UnknownFields {

    private static final Set<String> PROBLEM = fieldsOf(PlacementProblem.class);
    private static final Set<String> PROVIDER = fieldsOf(ProviderInput.class);
    private static final Set<String> CHILD = fieldsOf(ChildInput.class);
    private static final Set<String> POINT = fieldsOf(GeoPoint.class);
    private static final Set<String> AREA = fieldsOf(ExcludedArea.class);

    private UnknownFields() {}

    static void check(JsonNode root, String rootPath, ProblemErrors errors) {
        if (root == null || !root.isObject()) {
            return;
        }
        refuseUnknown(root, rootPath, PROBLEM, errors);
        forEachObject(root.get("providers"), rootPath + ".providers", (provider, path) -> {
            refuseUnknown(provider, path, PROVIDER, errors);
            refuseUnknown(provider.get("location"), path + ".location", POINT, errors);
        });
        forEachObject(root.get("children"), rootPath + ".children", (child, path) -> {
            refuseUnknown(child, path, CHILD, errors);
            refuseUnknown(child.get("home"), path + ".home", POINT, errors);
            refuseUnknown(child.get("school"), path + ".school", POINT, errors);
            forEachObject(
                    child.get("excludedAreas"),
                    path + ".excludedAreas",
                    (area, areaPath) -> refuseUnknown(area, areaPath, AREA, errors));
        });
    }

    private interface Visit {
        void accept(JsonNode node, String path);
    }

    private static void forEachObject(JsonNode array, String path, Visit visit) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                visit.accept(array.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void refuseUnknown(JsonNode node, String path, Set<String> known, ProblemErrors errors) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(path + "." + TextRules.shortened(name, TextRules.MAX_QUOTED_LENGTH), "unknown field");
            }
        });
    }

    private static Set<String> fieldsOf(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
