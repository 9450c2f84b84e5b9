package org.placementmatcher.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;

/**
 * Request bodies that are not contract records (a placement start or end, a decision on a run): read as a JSON
 * object (malformed JSON is one error at {@code $}, docs/adr/0004) and bound to the request's record, a field of the
 * wrong type named by its path in the API's terms.
 */
final class JsonBodies {

    private JsonBodies() {}

    /** The body bound to the type, or an {@link InvalidProblemException} naming what is wrong. */
    static <T> T bind(String body, Class<T> type) {
        JsonNode root = ProblemReader.jsonObject(body);
        try {
            return ContractJson.mapper().treeToValue(root, type);
        } catch (JsonProcessingException | DateTimeParseException e) {
            String field = e instanceof JsonMappingException mapping
                            && !mapping.getPath().isEmpty()
                    ? "." + mapping.getPath().getFirst().getFieldName()
                    : "";
            // Jackson's own words name Java types; say what is wrong in the API's terms instead.
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$" + field,
                    field.isEmpty()
                            ? "cannot be read as this request's JSON object"
                            : "has the wrong type or format (numbers as numbers, dates as yyyy-mm-dd)")));
        }
    }
}
