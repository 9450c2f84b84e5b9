package org.placementmatcher.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.RegisterCsv;

/**
 * A new referral typed into the emergency page: the fields the engine needs of a child (contract section 1.2),
 * checked by the contract's own validator so that the page's errors are the API's, each shown at its field.
 * Home and school are each a postcode (looked up in the service's postcode directory, docs/contract.md section 9)
 * or a latitude and longitude.
 */
@TemplateData
public record Referral(
        String reference,
        String dobDay,
        String dobMonth,
        String dobYear,
        String gender,
        String homePostcode,
        String homeLat,
        String homeLon,
        String schoolPostcode,
        String schoolLat,
        String schoolLon,
        List<String> needs,
        String languages,
        String religion) {

    /** The reference a referral gets when none is typed. */
    static final String DEFAULT_REFERENCE = "REFERRAL";

    /** The needs a referral may tick (contract section 1.3's recommended codes). */
    static final List<String> NEEDS = List.of(
            "WHEELCHAIR_ACCESS",
            "DISABILITY_CARE",
            "COMPLEX_BEHAVIOUR",
            "PARENT_AND_CHILD",
            "UASC_SUPPORT",
            "THERAPEUTIC",
            "MEDICAL");

    static Referral empty() {
        return new Referral("", "", "", "", "", "", "", "", "", "", "", List.of(), "", "");
    }

    /** The referral as a contract child, or every problem with it at its field. */
    ChildInput toChild(PlacementProblem register) throws Invalid {
        String id = reference == null || reference.isBlank() ? DEFAULT_REFERENCE : reference.strip();
        ObjectNode child = ContractJson.mapper().createObjectNode();
        child.put("id", id);
        if (!blank(dobDay) || !blank(dobMonth) || !blank(dobYear)) {
            child.put("dateOfBirth", dateText());
        }
        if (!blank(gender)) {
            child.put("gender", gender.strip());
        }
        ObjectNode home = point(homePostcode, homeLat, homeLon);
        if (home != null) {
            child.set("home", home);
        }
        ObjectNode school = point(schoolPostcode, schoolLat, schoolLon);
        if (school != null) {
            child.set("school", school);
        }
        ArrayNode needList = child.putArray("needs");
        (needs == null ? List.<String>of() : needs).forEach(needList::add);
        if (!blank(languages)) {
            ArrayNode list = child.putArray("languages");
            for (String language : languages.split(",")) {
                if (!language.isBlank()) {
                    list.add(language.strip());
                }
            }
        }
        if (!blank(religion)) {
            child.put("religion", religion.strip());
        }
        child.put("urgency", Urgency.EMERGENCY.name());

        ObjectNode alone = ContractJson.mapper().createObjectNode();
        alone.put("schemaVersion", 1);
        alone.put("referenceDate", register.referenceDate().toString());
        alone.put("homeAuthority", register.homeAuthority());
        alone.putArray("providers");
        alone.putArray("children").add(child);
        List<FieldError> errors = new ArrayList<>();
        if (register.children().stream().anyMatch(c -> c.id().equals(id))) {
            errors.add(new FieldError(
                    "reference",
                    "A child with the reference " + id + " is already on the register: ask about that child above"));
        }
        ChildInput valid = null;
        try {
            valid = ProblemReader.read(alone, "$").children().getFirst();
        } catch (InvalidProblemException e) {
            errors.addAll(fieldErrors(e.errors()));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return valid;
    }

    private String dateText() {
        return pad(dobYear, 4) + "-" + pad(dobMonth, 2) + "-" + pad(dobDay, 2);
    }

    private static String pad(String part, int width) {
        String text = part == null ? "" : part.strip();
        return text.length() < width && text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                ? "0".repeat(width - text.length()) + text
                : text;
    }

    /**
     * {"postcode"} when a postcode is typed (the reader looks it up and names an unknown one), else {lat, lon} with
     * numbers where the text is one (else the text, which the validator names); null if all are blank.
     */
    private static ObjectNode point(String postcode, String lat, String lon) {
        ObjectNode point = ContractJson.mapper().createObjectNode();
        if (!blank(postcode)) {
            point.put("postcode", postcode.strip());
            return point;
        }
        if (blank(lat) && blank(lon)) {
            return null;
        }
        putNumber(point, "lat", lat);
        putNumber(point, "lon", lon);
        return point;
    }

    private static void putNumber(ObjectNode node, String field, String text) {
        if (blank(text)) {
            return;
        }
        if (RegisterCsv.isNumber(text)) {
            node.put(field, Double.parseDouble(text.strip()));
        } else {
            node.put(field, text.strip());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The validator's errors (at {@code $.children[0].FIELD...}) at the form's fields, one per field. */
    static List<FieldError> fieldErrors(List<ProblemError> problems) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (ProblemError problem : problems) {
            String path = problem.path().replaceFirst("^\\$\\.children\\[0]\\.?", "");
            String field = fieldOf(path);
            byField.putIfAbsent(field, new FieldError(field, label(field) + ": " + problem.message()));
        }
        return new ArrayList<>(byField.values());
    }

    private static String fieldOf(String path) {
        String name = path.split("[.\\[]")[0];
        return switch (name) {
            case "dateOfBirth" -> "dob-day";
            case "gender" -> "gender";
            case "home" -> path.endsWith("postcode") ? "home-postcode" : path.endsWith("lon") ? "home-lon" : "home-lat";
            case "school" ->
                path.endsWith("postcode") ? "school-postcode" : path.endsWith("lon") ? "school-lon" : "school-lat";
            case "needs" -> "needs";
            case "languages" -> "languages";
            case "religion" -> "religion";
            default -> "reference";
        };
    }

    private static String label(String field) {
        return switch (field) {
            case "dob-day" -> "Date of birth";
            case "gender" -> "Gender";
            case "home-postcode" -> "Home postcode";
            case "school-postcode" -> "School postcode";
            case "home-lat" -> "Home latitude";
            case "home-lon" -> "Home longitude";
            case "school-lat" -> "School latitude";
            case "school-lon" -> "School longitude";
            case "needs" -> "Needs";
            case "languages" -> "Languages";
            case "religion" -> "Religion";
            default -> "Reference";
        };
    }

    /** A referral with problems: each at its field. */
    static final class Invalid extends Exception {
        final transient List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super("invalid referral", null, false, false);
            this.errors = errors;
        }
    }
}
