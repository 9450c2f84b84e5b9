package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.placementmatcher.domain.Urgency;

/**
 * Checks one entry of a problem's {@code children} (contract section 1.2) field by field, its excluded areas
 * included, then the rules between its own fields (born by the reference date, pinned with a placement). A child
 * both pinned and needsMove is valid (contract section 1.4 does not refuse it): it stays pinned where it is and the
 * plan breaks H13 for it. What the cross-checks need of it is kept as {@link ChildFacts}.
 */
final class ChildValidator {

    /** What parsed cleanly of a child and the cross-checks read: null fields did not. */
    record ChildFacts(
            String path,
            String id,
            String siblingGroup,
            Boolean placeTogether,
            String currentPlacement,
            boolean pinned) {}

    private final FieldReader reader;

    ChildValidator(FieldReader reader) {
        this.reader = reader;
    }

    /**
     * The child's facts, or null when the entry is not an object at all.
     *
     * @param referenceDate the problem's, or null when it did not parse (then the date of birth is not compared)
     */
    ChildFacts validate(JsonNode node, String path, LocalDate referenceDate) {
        if (!reader.requireObject(node, path)) {
            return null;
        }
        String id = reader.requiredString(node, path, "id");
        LocalDate dateOfBirth = reader.date(node, path, "dateOfBirth", true);
        if (dateOfBirth != null && referenceDate != null && dateOfBirth.isAfter(referenceDate)) {
            reader.error(path + ".dateOfBirth", "is after referenceDate " + referenceDate);
        }
        reader.requiredString(node, path, "gender");
        String siblingGroup = reader.optionalString(node, path, "siblingGroup");
        Boolean placeTogether = reader.optionalBoolean(node, path, "placeTogether");
        reader.point(node, path, "home", true);
        reader.point(node, path, "school", false);
        reader.optionalStringArray(node, path, "needs");
        reader.requiredEnum(node, path, "urgency", Urgency.class);
        reader.date(node, path, "neededBy", false);
        String current = reader.optionalString(node, path, "currentPlacement");
        Boolean pinned = reader.optionalBoolean(node, path, "pinned");
        reader.optionalBoolean(node, path, "needsMove");
        reader.optionalBoolean(node, path, "riskToYoungerChildren");
        reader.optionalBoolean(node, path, "requiresSolePlacement");
        validateExcludedAreas(node.get("excludedAreas"), path + ".excludedAreas");
        reader.optionalStringArray(node, path, "languages");
        reader.optionalString(node, path, "religion");
        String responsible = reader.optionalString(node, path, "responsibleAuthority");
        if (responsible != null && responsible.isBlank()) {
            reader.error(path + ".responsibleAuthority", "must not be blank (leave it out to mean homeAuthority)");
        }
        if (Boolean.TRUE.equals(pinned) && current == null && !node.hasNonNull("currentPlacement")) {
            reader.error(path + ".pinned", "pinned requires currentPlacement");
        }
        return new ChildFacts(path, id, siblingGroup, placeTogether, current, Boolean.TRUE.equals(pinned));
    }

    private void validateExcludedAreas(JsonNode areas, String path) {
        if (areas == null || areas.isNull()) {
            return;
        }
        if (!areas.isArray()) {
            reader.error(path, "must be an array of {lat, lon, radiusMiles} (or {postcode, radiusMiles})");
            return;
        }
        for (int i = 0; i < areas.size(); i++) {
            String areaPath = path + "[" + i + "]";
            JsonNode area = areas.get(i);
            if (reader.requireObject(area, areaPath)) {
                if (!PostcodeResolution.byPostcode(area)) {
                    reader.coordinates(area, areaPath);
                }
                reader.requiredNumber(area, areaPath, "radiusMiles", InputLimits.MAX_RADIUS_MILES);
            }
        }
    }
}
