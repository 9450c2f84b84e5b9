package org.placementmatcher.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterCsv;

/**
 * A provider's or child's form: one field per column of the register's CSV format (the same names, read by the
 * same code, {@link RegisterCsv#record}), so the register's own validation messages land on the field they name.
 */
final class RecordForm {

    /** One form field: its column, words, current value, choices (a select) and error. */
    @TemplateData
    public record FormField(String name, String label, String hint, String value, List<String> options, String error) {
        public boolean select() {
            return options != null;
        }
    }

    private static final List<String> YES_NO = List.of("", "yes", "no");
    private static final String LIST = "Separate several with ;";

    private RecordForm() {}

    static List<FormField> fields(Kind kind, Map<String, String> values, Map<String, String> errors, boolean withId) {
        List<FormField> fields = new ArrayList<>();
        for (String column : kind == Kind.PROVIDER ? RegisterCsv.PROVIDER_COLUMNS : RegisterCsv.CHILD_COLUMNS) {
            if (column.equals("id") && !withId) {
                continue;
            }
            String[] words = words(column);
            fields.add(new FormField(
                    column, words[0], words[1], values.getOrDefault(column, ""), options(column), errors.get(column)));
        }
        return fields;
    }

    /** The register's errors by form field; an error no field holds goes to {@code $} (the summary only). */
    static Map<String, String> byField(Kind kind, List<ProblemError> errors) {
        List<String> columns = kind == Kind.PROVIDER ? RegisterCsv.PROVIDER_COLUMNS : RegisterCsv.CHILD_COLUMNS;
        Map<String, String> byField = new LinkedHashMap<>();
        for (ProblemError error : errors) {
            String field = field(error.path(), columns);
            byField.merge(field, error.message(), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    static List<FieldError> summary(Map<String, String> byField, String firstField) {
        List<FieldError> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(new FieldError(
                field.equals("$") ? firstField : field, (field.equals("$") ? "" : words(field)[0] + ": ") + message)));
        return summary;
    }

    private static String field(String path, List<String> columns) {
        if (!path.startsWith("$.")) {
            return "$";
        }
        String rest = path.substring(2);
        String head = rest.split("[.\\[]", 2)[0];
        String sub = rest.startsWith(head + ".") ? rest.substring(head.length() + 1) : "";
        String column = switch (head) {
            case "location" -> sub.startsWith("postcode") ? "locationPostcode" : sub.startsWith("lon") ? "lon" : "lat";
            case "home" -> sub.startsWith("postcode") ? "homePostcode" : sub.startsWith("lon") ? "homeLon" : "homeLat";
            case "school" ->
                sub.startsWith("postcode") ? "schoolPostcode" : sub.startsWith("lon") ? "schoolLon" : "schoolLat";
            default -> head;
        };
        return columns.contains(column) ? column : "$";
    }

    private static List<String> options(String column) {
        return switch (column) {
            case "type" ->
                prepend(java.util.Arrays.stream(ProviderType.values())
                        .map(Enum::name)
                        .toList());
            case "urgency" ->
                prepend(java.util.Arrays.stream(Urgency.values())
                        .map(Enum::name)
                        .toList());
            case "emergencyApproved",
                    "fosteringLimitExemption",
                    "placeTogether",
                    "pinned",
                    "needsMove",
                    "riskToYoungerChildren",
                    "requiresSolePlacement",
                    "registered" -> YES_NO;
            case "ofstedJudgement" ->
                prepend(java.util.Arrays.stream(OfstedJudgement.values())
                        .map(Enum::name)
                        .toList());
            default -> null;
        };
    }

    private static List<String> prepend(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(values);
        return all;
    }

    /** The field's label and hint. */
    static String[] words(String column) {
        return switch (column) {
            case "id" -> new String[] {"Reference", "A pseudonymous reference, never a name"};
            case "type" -> new String[] {"Type", null};
            case "localAuthority" ->
                new String[] {"Local authority", "The code of the authority it is in, like E10000003"};
            case "locationPostcode" ->
                new String[] {"Postcode", "Instead of latitude and longitude (which stand if given too)"};
            case "homePostcode" -> new String[] {"Home postcode", "Instead of the home's latitude and longitude"};
            case "schoolPostcode" -> new String[] {"School postcode", "Instead of the school's latitude and longitude"};
            case "ofstedUrn" -> new String[] {"Ofsted URN", "Its unique reference number with Ofsted"};
            case "registered" -> new String[] {"Registered with Ofsted", "No: it takes no new child"};
            case "ofstedJudgement" -> new String[] {"Latest Ofsted judgement", null};
            case "lat" -> new String[] {"Latitude", "Decimal degrees, like 52.2"};
            case "lon" -> new String[] {"Longitude", "Decimal degrees, like 0.12"};
            case "places" -> new String[] {"Places", "Children at once"};
            case "ageMin" -> new String[] {"Youngest age", "Whole years"};
            case "ageMax" -> new String[] {"Oldest age", "Whole years"};
            case "weeklyCost" -> new String[] {"Weekly cost in pounds", "Per child per week"};
            case "acceptsGenders" -> new String[] {"Takes only these genders", LIST + "; empty: any"};
            case "capabilities" -> new String[] {"Needs met", LIST};
            case "availableFrom" -> new String[] {"Available from", "yyyy-mm-dd; empty: now"};
            case "emergencyApproved" -> new String[] {"Approved for emergencies", null};
            case "connectedChildren" -> new String[] {"Connected children", LIST};
            case "fosteringLimitExemption" -> new String[] {"Exempt from the fostering limit", null};
            case "languages" -> new String[] {"Languages", LIST};
            case "religion" -> new String[] {"Religion", null};
            case "name" -> new String[] {"Name", "Shown to staff only, never used in matching"};
            case "contact" -> new String[] {"Contact", "Shown to staff only, never used in matching"};
            case "dateOfBirth" -> new String[] {"Date of birth", "yyyy-mm-dd"};
            case "gender" -> new String[] {"Gender", "Like FEMALE or MALE"};
            case "homeLat" -> new String[] {"Home latitude", "Decimal degrees"};
            case "homeLon" -> new String[] {"Home longitude", "Decimal degrees"};
            case "urgency" -> new String[] {"Urgency", null};
            case "siblingGroup" -> new String[] {"Sibling group", "Children sharing it are siblings"};
            case "placeTogether" -> new String[] {"Place the sibling group together", null};
            case "schoolLat" -> new String[] {"School latitude", "Decimal degrees"};
            case "schoolLon" -> new String[] {"School longitude", "Decimal degrees"};
            case "needs" -> new String[] {"Needs", LIST};
            case "neededBy" -> new String[] {"Needed by", "yyyy-mm-dd; empty: now"};
            case "currentPlacement" -> new String[] {"Current placement", "The provider's reference; empty: waiting"};
            case "pinned" -> new String[] {"Must stay where placed", null};
            case "needsMove" -> new String[] {"Placement ending (must move)", null};
            case "riskToYoungerChildren" -> new String[] {"Risk to younger children", null};
            case "requiresSolePlacement" -> new String[] {"Needs a placement alone", null};
            case "responsibleAuthority" ->
                new String[] {
                    "Responsible authority",
                    "The code of the council responsible for the child; empty: the register's own authority"
                };
            case "excludedAreas" ->
                new String[] {"Areas to keep away from", "lat:lon:radiusMiles, " + LIST.toLowerCase()};
            default -> new String[] {column, null};
        };
    }
}
