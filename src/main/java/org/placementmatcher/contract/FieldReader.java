package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of a problem's JSON tree for the validators, one reader per kind of value. Each reader records
 * its own error at the field's JSON path and returns null when the value is unusable, so a validator can go on to
 * the next field and one error does not hide another. The readers share one {@link ProblemErrors}, so the problems
 * are listed in the order the validators read the fields.
 */
final class FieldReader {

    private final ProblemErrors errors;

    FieldReader(ProblemErrors errors) {
        this.errors = errors;
    }

    /** Records a problem that no reader finds alone: one between fields, or between records. */
    void error(String path, String message) {
        errors.add(path, message);
    }

    boolean requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            error(path, "must be a JSON object");
            return false;
        }
        return true;
    }

    private JsonNode present(JsonNode parent, String path, String field, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(path + "." + field, "is required");
            }
            return null;
        }
        return value;
    }

    String requiredString(JsonNode parent, String path, String field) {
        String value = string(parent, path, field, true);
        if (value != null && value.isBlank()) {
            error(path + "." + field, "must not be blank");
            return null;
        }
        return value;
    }

    String optionalString(JsonNode parent, String path, String field) {
        return string(parent, path, field, false);
    }

    void optionalFreeText(JsonNode parent, String path, String field) {
        JsonNode value = present(parent, path, field, false);
        if (value == null) {
            return;
        }
        if (!value.isTextual()) {
            error(path + "." + field, "must be a string");
            return;
        }
        String problem = TextRules.freeTextProblem(value.textValue());
        if (problem != null) {
            error(path + "." + field, problem);
        }
    }

    private String string(JsonNode parent, String path, String field, boolean required) {
        JsonNode value = present(parent, path, field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(path + "." + field, "must be a string");
            return null;
        }
        return text(path + "." + field, value.textValue());
    }

    /** The text if it keeps the contract's text rules, else null with the error recorded. */
    private String text(String path, String text) {
        String problem = TextRules.codeProblem(text);
        if (problem != null) {
            error(path, problem);
            return null;
        }
        return text;
    }

    Integer requiredInt(JsonNode parent, String path, String field, int min, int max) {
        JsonNode value = present(parent, path, field, true);
        if (value == null) {
            return null;
        }
        if (!isWholeNumber(value) || value.asLong() < min || value.asLong() > max) {
            error(
                    path + "." + field,
                    min == max ? "must be " + min : "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    void requiredNumber(JsonNode parent, String path, String field, double max) {
        JsonNode value = present(parent, path, field, true);
        if (value != null && (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= max))) {
            error(path + "." + field, "must be a number from 0 to " + String.format(Locale.ROOT, "%,.0f", max));
        }
    }

    Boolean optionalBoolean(JsonNode parent, String path, String field) {
        JsonNode value = present(parent, path, field, false);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(path + "." + field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E requiredEnum(JsonNode parent, String path, String field, Class<E> type) {
        return enumValue(parent, path, field, type, true);
    }

    <E extends Enum<E>> E optionalEnum(JsonNode parent, String path, String field, Class<E> type) {
        return enumValue(parent, path, field, type, false);
    }

    private <E extends Enum<E>> E enumValue(
            JsonNode parent, String path, String field, Class<E> type, boolean required) {
        String text = string(parent, path, field, required);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        error(path + "." + field, TextRules.quote(text) + " is not one of " + String.join(", ", names));
        return null;
    }

    LocalDate date(JsonNode parent, String path, String field, boolean required) {
        String text = string(parent, path, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(path + "." + field, "must be an ISO date (YYYY-MM-DD), got " + TextRules.quote(text));
            return null;
        }
    }

    List<String> optionalStringArray(JsonNode parent, String path, String field) {
        JsonNode value = present(parent, path, field, false);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(path + "." + field, "must be an array of strings");
            return null;
        }
        return codes(value, path + "." + field);
    }

    /** The strings of an array already known to be one, each checked as a code (null where it is not). */
    List<String> codes(JsonNode array, String arrayPath) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPath = arrayPath + "[" + i + "]";
            if (!array.get(i).isTextual()) {
                error(elementPath, "must be a string");
                strings.add(null);
            } else {
                strings.add(text(elementPath, array.get(i).textValue()));
            }
        }
        return strings;
    }

    /** The array, or null when missing, not an array or longer than {@code maxSize} (then its elements go unread). */
    JsonNode requiredArray(JsonNode parent, String path, String field, int maxSize) {
        JsonNode value = present(parent, path, field, true);
        if (value != null && !value.isArray()) {
            error(path + "." + field, "must be an array");
            return null;
        }
        if (value != null && value.size() > maxSize) {
            error(path + "." + field, InputLimits.tooManyEntries(value.size(), maxSize));
            return null;
        }
        return value;
    }

    void point(JsonNode parent, String path, String field, boolean required) {
        JsonNode value = present(parent, path, field, required);
        if (value != null && requireObject(value, path + "." + field) && !PostcodeResolution.byPostcode(value)) {
            coordinates(value, path + "." + field);
        }
    }

    void coordinates(JsonNode point, String path) {
        coordinate(point, path, "lat", 90);
        coordinate(point, path, "lon", 180);
    }

    private void coordinate(JsonNode point, String path, String field, double limit) {
        JsonNode value = present(point, path, field, true);
        // Written so that NaN (which a CSV cell or a form could make) fails too.
        if (value != null && (!value.isNumber() || !(Math.abs(value.asDouble()) <= limit))) {
            error(path + "." + field, "must be a number from -" + (int) limit + " to " + (int) limit);
        }
    }

    static boolean isWholeNumber(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong()
                || value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong();
    }

    /** A name from the input shown in a path: cut short like a quoted value when it is long. */
    static String shortened(String name) {
        return name.length() <= TextRules.MAX_QUOTED_LENGTH && TextRules.codeProblem(name) == null
                ? name
                : TextRules.quote(name);
    }
}
