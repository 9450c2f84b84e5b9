package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.Urgency;

/**
 * Checks a problem's JSON tree against docs/contract.md sections 1.1-1.4 and 10 and collects every problem
 * with its JSON path. Type checks come first, field by field; the cross-checks (ids, references,
 * sibling groups, limits) then run on whatever parsed cleanly, so one error does not hide another.
 * Past {@value ProblemErrors#MAX_LISTED} problems only a count is kept ({@link ProblemErrors}).
 */
final class ProblemValidator {

    static final int AGE_LIMIT = 25;
    static final int USUAL_FOSTERING_LIMIT = PlacementRules.USUAL_FOSTERING_LIMIT;
    static final int SUPPORTED_LODGINGS_MIN_AGE = PlacementRules.SUPPORTED_LODGINGS_MIN_AGE;

    private final RecordPaths paths;
    private final String rootPath;
    private final ProblemErrors errors;

    /** Adds to {@code errors} (which may hold problems found before, e.g. unknown postcodes). */
    ProblemValidator(RecordPaths paths, ProblemErrors errors) {
        this.paths = paths;
        this.rootPath = paths.root();
        this.errors = errors;
    }

    ProblemErrors validate(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            error(rootPath, "is required: a PlacementProblem JSON object");
            return errors;
        }
        if (!root.isObject()) {
            error(rootPath, "must be a JSON object (a PlacementProblem)");
            return errors;
        }
        requiredInt(root, rootPath, "schemaVersion", 1, 1);
        optionalString(root, rootPath, "name");
        LocalDate referenceDate = date(root, rootPath, "referenceDate", true);
        requiredString(root, rootPath, "homeAuthority");
        validateWeights(root.get("weights"), rootPath + ".weights");
        validateAdjoiningAuthorities(root.get("adjoiningAuthorities"), rootPath + ".adjoiningAuthorities");
        optionalEnum(root, rootPath, "minimumOfstedJudgement", OfstedJudgement.class);

        List<ProviderFacts> providers = new ArrayList<>();
        JsonNode providerArray = requiredArray(root, rootPath, "providers", InputLimits.MAX_PROVIDERS);
        if (providerArray != null) {
            for (int i = 0; i < providerArray.size(); i++) {
                providers.add(validateProvider(providerArray.get(i), paths.provider(i)));
            }
        }
        List<ChildFacts> children = new ArrayList<>();
        JsonNode childArray = requiredArray(root, rootPath, "children", InputLimits.MAX_CHILDREN);
        if (childArray != null) {
            for (int i = 0; i < childArray.size(); i++) {
                children.add(validateChild(childArray.get(i), paths.child(i), referenceDate));
            }
        }
        crossCheck(providers, children);
        return errors;
    }

    // ---- sections ----

    private void validateWeights(JsonNode weights, String path) {
        if (weights == null || weights.isNull()) {
            return;
        }
        if (!weights.isObject()) {
            error(path, "must be an object of weight names to whole numbers >= 0");
            return;
        }
        weights.fields().forEachRemaining(entry -> {
            if (!ScoringWeights.KEYS.contains(entry.getKey())) {
                error(
                        path + "." + shortened(entry.getKey()),
                        "is not a known weight; known weights: " + String.join(", ", ScoringWeights.KEYS));
            } else if (!isWholeNumber(entry.getValue())
                    || entry.getValue().asLong() < 0
                    || entry.getValue().asLong() > InputLimits.MAX_WEIGHT) {
                error(path + "." + entry.getKey(), "must be a whole number from 0 to " + InputLimits.MAX_WEIGHT);
            }
        });
    }

    /** A list of codes (adjoining the home authority), or an object of codes to lists of codes (section 8). */
    private void validateAdjoiningAuthorities(JsonNode adjoining, String path) {
        if (adjoining == null || adjoining.isNull()) {
            return;
        }
        if (adjoining.isArray()) {
            codes(adjoining, path);
            return;
        }
        if (!adjoining.isObject()) {
            error(path, "must be an array of authority codes, or an object mapping an authority code to such an array");
            return;
        }
        adjoining.fields().forEachRemaining(entry -> {
            String authority = entry.getKey();
            String entryPath = path + "." + (authority.isBlank() ? TextRules.quote(authority) : shortened(authority));
            String keyProblem = authority.isBlank() ? "must not be blank" : TextRules.codeProblem(authority);
            if (keyProblem != null) {
                error(entryPath, "is not an authority code: it " + keyProblem);
            } else if (!entry.getValue().isArray()) {
                error(entryPath, "must be an array of the authority codes adjoining " + TextRules.quote(authority));
            } else {
                codes(entry.getValue(), entryPath);
            }
        });
    }

    private record ProviderFacts(
            String path,
            String id,
            ProviderType type,
            Integer places,
            Integer ageMin,
            Integer ageMax,
            boolean exempt,
            List<String> connectedChildren) {}

    private ProviderFacts validateProvider(JsonNode node, String path) {
        if (!requireObject(node, path)) {
            return null;
        }
        String id = requiredString(node, path, "id");
        ProviderType type = requiredEnum(node, path, "type", ProviderType.class);
        if (!PostcodeResolution.byPostcode(node.get("location")) || node.has("localAuthority")) {
            requiredString(node, path, "localAuthority"); // else it is the postcode's, or the postcode is wrong
        }
        point(node, path, "location", true);
        Integer places = requiredInt(node, path, "places", 0, InputLimits.MAX_PLACES);
        Integer ageMin = requiredInt(node, path, "ageMin", 0, AGE_LIMIT);
        Integer ageMax = requiredInt(node, path, "ageMax", 0, AGE_LIMIT);
        optionalStringArray(node, path, "acceptsGenders");
        optionalStringArray(node, path, "capabilities");
        requiredNumber(node, path, "weeklyCost", InputLimits.MAX_WEEKLY_COST);
        date(node, path, "availableFrom", false);
        optionalBoolean(node, path, "emergencyApproved");
        List<String> connected = optionalStringArray(node, path, "connectedChildren");
        Boolean exempt = optionalBoolean(node, path, "fosteringLimitExemption");
        optionalStringArray(node, path, "languages");
        optionalString(node, path, "religion");
        optionalString(node, path, "ofstedUrn");
        optionalBoolean(node, path, "registered");
        optionalEnum(node, path, "ofstedJudgement", OfstedJudgement.class);
        optionalString(node, path, "name");
        optionalFreeText(node, path, "contact");
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            error(path + ".ageMin", "ageMin " + ageMin + " is greater than ageMax " + ageMax);
        }
        if (type == ProviderType.SUPPORTED_LODGINGS && ageMin != null && ageMin < SUPPORTED_LODGINGS_MIN_AGE) {
            error(
                    path + ".ageMin",
                    "SUPPORTED_LODGINGS may not take under-" + SUPPORTED_LODGINGS_MIN_AGE
                            + "s: ageMin must be at least " + SUPPORTED_LODGINGS_MIN_AGE + ", is " + ageMin);
        }
        return new ProviderFacts(
                path,
                id,
                type,
                places,
                ageMin,
                ageMax,
                Boolean.TRUE.equals(exempt),
                connected == null ? List.of() : connected);
    }

    private record ChildFacts(
            String path,
            String id,
            String siblingGroup,
            Boolean placeTogether,
            String currentPlacement,
            boolean pinned) {}

    private ChildFacts validateChild(JsonNode node, String path, LocalDate referenceDate) {
        if (!requireObject(node, path)) {
            return null;
        }
        String id = requiredString(node, path, "id");
        LocalDate dateOfBirth = date(node, path, "dateOfBirth", true);
        if (dateOfBirth != null && referenceDate != null && dateOfBirth.isAfter(referenceDate)) {
            error(path + ".dateOfBirth", "is after referenceDate " + referenceDate);
        }
        requiredString(node, path, "gender");
        String siblingGroup = optionalString(node, path, "siblingGroup");
        Boolean placeTogether = optionalBoolean(node, path, "placeTogether");
        point(node, path, "home", true);
        point(node, path, "school", false);
        optionalStringArray(node, path, "needs");
        requiredEnum(node, path, "urgency", Urgency.class);
        date(node, path, "neededBy", false);
        String current = optionalString(node, path, "currentPlacement");
        Boolean pinned = optionalBoolean(node, path, "pinned");
        Boolean needsMove = optionalBoolean(node, path, "needsMove");
        optionalBoolean(node, path, "riskToYoungerChildren");
        optionalBoolean(node, path, "requiresSolePlacement");
        validateExcludedAreas(node.get("excludedAreas"), path + ".excludedAreas");
        optionalStringArray(node, path, "languages");
        optionalString(node, path, "religion");
        String responsible = optionalString(node, path, "responsibleAuthority");
        if (responsible != null && responsible.isBlank()) {
            error(path + ".responsibleAuthority", "must not be blank (leave it out to mean homeAuthority)");
        }
        if (Boolean.TRUE.equals(pinned) && current == null && !node.hasNonNull("currentPlacement")) {
            error(path + ".pinned", "pinned requires currentPlacement");
        }
        if (Boolean.TRUE.equals(pinned) && Boolean.TRUE.equals(needsMove)) {
            error(path + ".needsMove", "a child cannot be both pinned (must stay) and needsMove (must leave)");
        }
        return new ChildFacts(path, id, siblingGroup, placeTogether, current, Boolean.TRUE.equals(pinned));
    }

    private void validateExcludedAreas(JsonNode areas, String path) {
        if (areas == null || areas.isNull()) {
            return;
        }
        if (!areas.isArray()) {
            error(path, "must be an array of {lat, lon, radiusMiles} (or {postcode, radiusMiles})");
            return;
        }
        for (int i = 0; i < areas.size(); i++) {
            String areaPath = path + "[" + i + "]";
            JsonNode area = areas.get(i);
            if (requireObject(area, areaPath)) {
                if (!PostcodeResolution.byPostcode(area)) {
                    coordinates(area, areaPath);
                }
                requiredNumber(area, areaPath, "radiusMiles", InputLimits.MAX_RADIUS_MILES);
            }
        }
    }

    // ---- cross-checks ----

    private void crossCheck(List<ProviderFacts> providers, List<ChildFacts> children) {
        Map<String, ProviderFacts> providersById = new HashMap<>();
        for (ProviderFacts p : providers) {
            if (p != null && p.id() != null && providersById.putIfAbsent(p.id(), p) != null) {
                error(p.path() + ".id", "duplicate provider id '" + p.id() + "'");
            }
        }
        Set<String> childIds = new HashSet<>();
        for (ChildFacts c : children) {
            if (c != null && c.id() != null && !childIds.add(c.id())) {
                error(c.path() + ".id", "duplicate child id '" + c.id() + "'");
            }
        }
        Map<String, List<ChildFacts>> childrenAtProvider = new HashMap<>();
        Map<String, List<ChildFacts>> groups = new LinkedHashMap<>();
        for (ChildFacts c : children) {
            if (c == null) {
                continue;
            }
            if (c.currentPlacement() != null) {
                if (!providersById.containsKey(c.currentPlacement())) {
                    error(c.path() + ".currentPlacement", "unknown provider id '" + c.currentPlacement() + "'");
                } else {
                    childrenAtProvider
                            .computeIfAbsent(c.currentPlacement(), k -> new ArrayList<>())
                            .add(c);
                }
            }
            if (c.siblingGroup() != null) {
                groups.computeIfAbsent(c.siblingGroup(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<ChildFacts> group : groups.values()) {
            ChildFacts first = group.getFirst();
            boolean together = first.placeTogether() == null || first.placeTogether();
            for (ChildFacts c : group.subList(1, group.size())) {
                boolean cTogether = c.placeTogether() == null || c.placeTogether();
                if (cTogether != together) {
                    error(
                            c.path() + ".placeTogether",
                            "placeTogether differs within sibling group '" + c.siblingGroup() + "' (" + first.path()
                                    + " has " + together + ")");
                } else if (together && c.pinned() != first.pinned()) {
                    error(
                            c.path() + ".pinned",
                            "pinned differs within placeTogether sibling group '" + c.siblingGroup() + "' ("
                                    + first.path() + " has " + first.pinned() + ")");
                }
            }
        }
        for (ProviderFacts p : providers) {
            if (p == null) {
                continue;
            }
            for (int j = 0; j < p.connectedChildren().size(); j++) {
                if (p.connectedChildren().get(j) != null
                        && !childIds.contains(p.connectedChildren().get(j))) {
                    error(
                            p.path() + ".connectedChildren[" + j + "]",
                            TextRules.unknownChildId(p.connectedChildren().get(j)));
                }
            }
            if (p.type() != null
                    && p.type().isFoster()
                    && p.places() != null
                    && p.places() > USUAL_FOSTERING_LIMIT
                    && !p.exempt()
                    && !allOneSiblingGroup(childrenAtProvider.getOrDefault(p.id(), List.of()))) {
                error(
                        p.path() + ".places",
                        p.places() + " places exceeds the usual fostering limit of " + USUAL_FOSTERING_LIMIT
                                + " without fosteringLimitExemption, and the children placed there are not all one sibling group");
            }
        }
    }

    private static boolean allOneSiblingGroup(List<ChildFacts> children) {
        return children.stream().map(ChildFacts::siblingGroup).distinct().count() <= 1
                && children.stream().allMatch(c -> c.siblingGroup() != null);
    }

    // ---- field readers: each records its own error and returns null when the value is unusable ----

    private boolean requireObject(JsonNode node, String path) {
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

    private String requiredString(JsonNode parent, String path, String field) {
        String value = string(parent, path, field, true);
        if (value != null && value.isBlank()) {
            error(path + "." + field, "must not be blank");
            return null;
        }
        return value;
    }

    private String optionalString(JsonNode parent, String path, String field) {
        return string(parent, path, field, false);
    }

    private void optionalFreeText(JsonNode parent, String path, String field) {
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

    private Integer requiredInt(JsonNode parent, String path, String field, int min, int max) {
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

    private void requiredNumber(JsonNode parent, String path, String field, double max) {
        JsonNode value = present(parent, path, field, true);
        if (value != null && (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= max))) {
            error(path + "." + field, "must be a number from 0 to " + String.format(Locale.ROOT, "%,.0f", max));
        }
    }

    private Boolean optionalBoolean(JsonNode parent, String path, String field) {
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

    private <E extends Enum<E>> E requiredEnum(JsonNode parent, String path, String field, Class<E> type) {
        return enumValue(parent, path, field, type, true);
    }

    private <E extends Enum<E>> E optionalEnum(JsonNode parent, String path, String field, Class<E> type) {
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

    private LocalDate date(JsonNode parent, String path, String field, boolean required) {
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

    private List<String> optionalStringArray(JsonNode parent, String path, String field) {
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
    private List<String> codes(JsonNode array, String arrayPath) {
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
    private JsonNode requiredArray(JsonNode parent, String path, String field, int maxSize) {
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

    private void point(JsonNode parent, String path, String field, boolean required) {
        JsonNode value = present(parent, path, field, required);
        if (value != null && requireObject(value, path + "." + field) && !PostcodeResolution.byPostcode(value)) {
            coordinates(value, path + "." + field);
        }
    }

    private void coordinates(JsonNode point, String path) {
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

    private static boolean isWholeNumber(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong()
                || value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong();
    }

    /** A name from the input shown in a path: cut short like a quoted value when it is long. */
    private static String shortened(String name) {
        return name.length() <= TextRules.MAX_QUOTED_LENGTH && TextRules.codeProblem(name) == null
                ? name
                : TextRules.quote(name);
    }

    private void error(String path, String message) {
        errors.add(path, message);
    }
}
