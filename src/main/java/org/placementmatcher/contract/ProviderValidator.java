package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;

/**
 * Checks one entry of a problem's {@code providers} (contract section 1.1) field by field, then the rules between
 * its own fields (the age range). What the cross-checks need of it is kept as {@link ProviderFacts}.
 */
final class ProviderValidator {

    static final int AGE_LIMIT = 25;
    static final int SUPPORTED_LODGINGS_MIN_AGE = PlacementRules.SUPPORTED_LODGINGS_MIN_AGE;

    /** What parsed cleanly of a provider and the cross-checks read: null fields did not. */
    record ProviderFacts(
            String path,
            String id,
            ProviderType type,
            Integer places,
            Integer ageMin,
            Integer ageMax,
            boolean exempt,
            List<String> connectedChildren) {}

    private final FieldReader reader;

    ProviderValidator(FieldReader reader) {
        this.reader = reader;
    }

    /** The provider's facts, or null when the entry is not an object at all. */
    ProviderFacts validate(JsonNode node, String path) {
        if (!reader.requireObject(node, path)) {
            return null;
        }
        String id = reader.requiredString(node, path, "id");
        ProviderType type = reader.requiredEnum(node, path, "type", ProviderType.class);
        if (!PostcodeResolution.byPostcode(node.get("location")) || node.has("localAuthority")) {
            reader.requiredString(node, path, "localAuthority"); // else it is the postcode's, or the postcode is wrong
        }
        reader.point(node, path, "location", true);
        Integer places = reader.requiredInt(node, path, "places", 0, InputLimits.MAX_PLACES);
        Integer ageMin = reader.requiredInt(node, path, "ageMin", 0, AGE_LIMIT);
        Integer ageMax = reader.requiredInt(node, path, "ageMax", 0, AGE_LIMIT);
        reader.optionalStringArray(node, path, "acceptsGenders");
        reader.optionalStringArray(node, path, "capabilities");
        reader.requiredNumber(node, path, "weeklyCost", InputLimits.MAX_WEEKLY_COST);
        reader.date(node, path, "availableFrom", false);
        reader.optionalBoolean(node, path, "emergencyApproved");
        List<String> connected = reader.optionalStringArray(node, path, "connectedChildren");
        Boolean exempt = reader.optionalBoolean(node, path, "fosteringLimitExemption");
        reader.optionalStringArray(node, path, "languages");
        reader.optionalString(node, path, "religion");
        reader.optionalString(node, path, "ofstedUrn");
        reader.optionalBoolean(node, path, "registered");
        reader.optionalEnum(node, path, "ofstedJudgement", OfstedJudgement.class);
        reader.optionalString(node, path, "name");
        reader.optionalFreeText(node, path, "contact");
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            reader.error(path + ".ageMin", "ageMin " + ageMin + " is greater than ageMax " + ageMax);
        }
        if (type == ProviderType.SUPPORTED_LODGINGS && ageMin != null && ageMin < SUPPORTED_LODGINGS_MIN_AGE) {
            reader.error(
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
}
