package org.placementmatcher.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.TextRules;

/** Reading the user administration bodies field by field, so that every problem is listed with its JSON path. */
final class UserJson {

    private UserJson() {}

    static void unknownFields(ProblemErrors errors, ObjectNode json, Set<String> known) {
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                errors.add(
                        "$." + TextRules.shortened(name, 40),
                        "unknown field; known: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    static String text(ProblemErrors errors, ObjectNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || (node.isNull() && required)) {
            if (required) {
                errors.add("$." + field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add("$." + field, "must be a string");
            return null;
        }
        return node.asText();
    }

    static Boolean bool(ProblemErrors errors, ObjectNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add("$." + field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** A list of strings (each non-string is a problem at its index); null when absent or not an array. */
    static List<String> texts(ProblemErrors errors, ObjectNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || (node.isNull() && required)) {
            if (required) {
                errors.add("$." + field, "is required");
            }
            return null;
        }
        if (!node.isArray()) {
            errors.add("$." + field, "must be an array of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                errors.add("$." + field + "[" + i + "]", "must be a string");
                ok = false;
            } else {
                values.add(node.get(i).asText());
            }
        }
        return ok ? values : null;
    }
}
