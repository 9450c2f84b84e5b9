package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.data.CsvRows;

/**
 * Providers and children from CSV, as case-management systems export them: a header row naming the
 * columns (any order; README "CSV columns"), one record a row, an empty cell for an absent field, lists
 * separated by ';'. Each row becomes the contract's JSON for the record; values that do not parse are
 * kept as text so that the contract's validation names them (by line and column) with the usual message.
 */
public final class RegisterCsv {

    /** A parsed file: one JSON record per row, with the line each row starts on. */
    public record Rows(List<ObjectNode> records, List<Integer> lines) {}

    private enum Type {
        TEXT,
        INT,
        NUMBER,
        BOOL,
        DATE,
        LIST,
        AREAS
    }

    private record Column(String field, Type type) {}

    public static final List<String> PROVIDER_COLUMNS = List.of(
            "id",
            "type",
            "localAuthority",
            "lat",
            "lon",
            "locationPostcode",
            "places",
            "ageMin",
            "ageMax",
            "weeklyCost",
            "acceptsGenders",
            "capabilities",
            "availableFrom",
            "emergencyApproved",
            "connectedChildren",
            "fosteringLimitExemption",
            "languages",
            "religion",
            "ofstedUrn",
            "registered",
            "ofstedJudgement",
            "name",
            "contact");

    public static final List<String> CHILD_COLUMNS = List.of(
            "id",
            "dateOfBirth",
            "gender",
            "homeLat",
            "homeLon",
            "homePostcode",
            "urgency",
            "siblingGroup",
            "placeTogether",
            "schoolLat",
            "schoolLon",
            "schoolPostcode",
            "needs",
            "neededBy",
            "currentPlacement",
            "pinned",
            "needsMove",
            "riskToYoungerChildren",
            "requiresSolePlacement",
            "excludedAreas",
            "languages",
            "religion",
            "responsibleAuthority");

    private static final Set<String> PROVIDER_REQUIRED =
            Set.of("id", "type", "localAuthority", "lat", "lon", "places", "ageMin", "ageMax", "weeklyCost");
    private static final Set<String> CHILD_REQUIRED =
            Set.of("id", "dateOfBirth", "gender", "homeLat", "homeLon", "urgency");
    /**
     * Columns a postcode column stands in for (docs/contract.md section 9): with {@code locationPostcode} the
     * coordinates and the local authority (the postcode's upper-tier authority) may be left out, with
     * {@code homePostcode} the home's coordinates.
     */
    private static final Map<String, Set<String>> STANDS_IN_FOR = Map.of(
            "locationPostcode", Set.of("lat", "lon", "localAuthority"), "homePostcode", Set.of("homeLat", "homeLon"));
    /** The column of a JSON path inside a record, where the two differ (errors of CSV rows name the column). */
    private static final Map<String, String> COLUMN_OF_PATH = Map.of(
            "location.postcode", "locationPostcode",
            "home.postcode", "homePostcode",
            "school.postcode", "schoolPostcode");

    private static final Map<String, Type> TYPES = new HashMap<>();

    static {
        for (String c : List.of(
                "id",
                "type",
                "localAuthority",
                "religion",
                "gender",
                "urgency",
                "siblingGroup",
                "currentPlacement",
                "responsibleAuthority",
                "name",
                "contact",
                "ofstedUrn",
                "ofstedJudgement",
                "locationPostcode",
                "homePostcode",
                "schoolPostcode")) {
            TYPES.put(c, Type.TEXT);
        }
        for (String c : List.of("places", "ageMin", "ageMax")) {
            TYPES.put(c, Type.INT);
        }
        for (String c : List.of("lat", "lon", "weeklyCost", "homeLat", "homeLon", "schoolLat", "schoolLon")) {
            TYPES.put(c, Type.NUMBER);
        }
        for (String c : List.of(
                "emergencyApproved",
                "fosteringLimitExemption",
                "registered",
                "placeTogether",
                "pinned",
                "needsMove",
                "riskToYoungerChildren",
                "requiresSolePlacement")) {
            TYPES.put(c, Type.BOOL);
        }
        for (String c : List.of("availableFrom", "dateOfBirth", "neededBy")) {
            TYPES.put(c, Type.DATE);
        }
        for (String c : List.of("acceptsGenders", "capabilities", "connectedChildren", "languages", "needs")) {
            TYPES.put(c, Type.LIST);
        }
        TYPES.put("excludedAreas", Type.AREAS);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RegisterCsv() {}

    public static Rows providers(String csv) {
        return read(csv, PROVIDER_COLUMNS, PROVIDER_REQUIRED, InputLimits.MAX_PROVIDERS, "location", "lat", "lon");
    }

    public static Rows children(String csv) {
        Rows rows = read(csv, CHILD_COLUMNS, CHILD_REQUIRED, InputLimits.MAX_CHILDREN, "home", "homeLat", "homeLon");
        for (ObjectNode record : rows.records()) {
            point(record, "school", "schoolLat", "schoolLon");
        }
        return rows;
    }

    /** A CSV file tokenised: its non-blank rows as cells, each with the line it starts on. */
    public record Table(List<List<String>> rows, List<Integer> lines) {}

    /**
     * Any CSV file tokenised as {@link #providers} reads its rows (RFC 4180, a leading BOM dropped, blank lines
     * skipped), for importers of other files' columns; 400 by line when it cannot be read or has more than
     * {@code maxRecords} rows after the first.
     */
    public static Table table(String csv, int maxRecords) {
        ProblemErrors errors = new ProblemErrors();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(csv == null ? "" : csv, maxRecords, rows, lines, errors);
        errors.throwIfAny();
        return new Table(rows, lines);
    }

    /**
     * One record from cells named as the CSV's columns (a web form's fields): read exactly as a CSV row is, so that
     * the register's validation names its problems the same way. Empty cells are absent fields.
     */
    public static ObjectNode record(RegisterChange.Kind kind, Map<String, String> cells) {
        List<String> known = kind == RegisterChange.Kind.PROVIDER ? PROVIDER_COLUMNS : CHILD_COLUMNS;
        ObjectNode record = JSON.objectNode();
        for (String column : known) {
            String cell = cells.get(column);
            if (cell != null && !cell.isBlank()) {
                put(record, column, cell.trim());
            }
        }
        if (kind == RegisterChange.Kind.PROVIDER) {
            point(record, "location", "lat", "lon");
        } else {
            point(record, "home", "homeLat", "homeLon");
            point(record, "school", "schoolLat", "schoolLon");
        }
        return record;
    }

    /** The record's fields as the CSV's cells (lists joined by ';', an area as lat:lon:radiusMiles): a form's values. */
    public static Map<String, String> cells(RegisterChange.Kind kind, JsonNode record) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : kind == RegisterChange.Kind.PROVIDER ? PROVIDER_COLUMNS : CHILD_COLUMNS) {
            JsonNode value = switch (column) {
                case "lat", "lon" -> record.path("location").path(column);
                case "locationPostcode" -> record.path("location").path("postcode");
                case "homePostcode" -> record.path("home").path("postcode");
                case "schoolPostcode" -> record.path("school").path("postcode");
                case "homeLat", "homeLon" ->
                    record.path("home").path(column.substring(4).toLowerCase(Locale.ROOT));
                case "schoolLat", "schoolLon" ->
                    record.path("school").path(column.substring(6).toLowerCase(Locale.ROOT));
                default -> record.path(column);
            };
            cells.put(column, cellOf(value));
        }
        return cells;
    }

    private static String cellOf(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            items.add(
                    item.isObject()
                            ? item.path("lat").asText() + ":" + item.path("lon").asText() + ":"
                                    + item.path("radiusMiles").asText()
                            : item.asText());
        }
        return String.join(";", items);
    }

    private static Rows read(
            String csv,
            List<String> known,
            Set<String> required,
            int maxRecords,
            String pointField,
            String latColumn,
            String lonColumn) {
        ProblemErrors errors = new ProblemErrors();
        List<List<String>> table = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(csv == null ? "" : csv, maxRecords, table, lines, errors);
        errors.throwIfAny();
        if (table.isEmpty()) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "line 1",
                    "the CSV is empty: a header row naming the columns is required (" + String.join(",", known)
                            + ")")));
        }
        List<String> header = table.getFirst();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!known.contains(name)) {
                errors.add(
                        "line 1, column " + (i + 1),
                        "unknown column " + TextRules.quote(name) + "; the columns are " + String.join(",", known));
            } else if (positions.put(name, i) != null) {
                errors.add("line 1, column " + (i + 1), "column " + TextRules.quote(name) + " is named twice");
            }
        }
        for (String column : known) {
            boolean standIn = STANDS_IN_FOR.entrySet().stream()
                    .anyMatch(e ->
                            positions.containsKey(e.getKey()) && e.getValue().contains(column));
            if (required.contains(column) && !positions.containsKey(column) && !standIn) {
                errors.add("line 1", "required column '" + column + "' is missing");
            }
        }
        errors.throwIfAny();
        List<ObjectNode> records = new ArrayList<>();
        List<Integer> recordLines = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            int line = lines.get(r);
            if (row.size() != header.size()) {
                errors.add("line " + line, "has " + row.size() + " cells; the header has " + header.size());
                continue;
            }
            ObjectNode record = JSON.objectNode();
            for (Map.Entry<String, Integer> column : positions.entrySet()) {
                String cell = row.get(column.getValue()).trim();
                if (!cell.isEmpty()) {
                    put(record, column.getKey(), cell);
                }
            }
            point(record, pointField, latColumn, lonColumn);
            String id = record.path("id").asText("");
            Integer first = lineById.putIfAbsent(id, line);
            if (first != null && !id.isEmpty()) {
                errors.add(
                        "line " + line + ", column id", "id " + TextRules.quote(id) + " is on line " + first + " too");
            }
            records.add(record);
            recordLines.add(line);
        }
        errors.throwIfAny();
        return new Rows(records, recordLines);
    }

    private static void put(ObjectNode record, String field, String cell) {
        switch (TYPES.get(field)) {
            case TEXT, DATE -> record.put(field, cell);
            case INT -> {
                try {
                    record.put(field, Long.parseLong(cell));
                } catch (NumberFormatException e) {
                    record.put(field, cell);
                }
            }
            case NUMBER -> {
                if (isNumber(cell)) {
                    record.put(field, Double.parseDouble(cell.trim()));
                } else {
                    record.put(field, cell);
                }
            }
            case BOOL -> {
                switch (cell.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y", "1" -> record.put(field, true);
                    case "false", "no", "n", "0" -> record.put(field, false);
                    default -> record.put(field, cell);
                }
            }
            case LIST -> {
                ArrayNode list = record.putArray(field);
                for (String item : cell.split(";")) {
                    if (!item.isBlank()) {
                        list.add(item.trim());
                    }
                }
            }
            case AREAS -> {
                ArrayNode areas = record.putArray(field);
                for (String item : cell.split(";")) {
                    if (item.isBlank()) {
                        continue;
                    }
                    String[] parts = item.trim().split(":");
                    ObjectNode area = areas.addObject();
                    // "lat:lon:radiusMiles", or "postcode:radiusMiles" for a centre given by postcode
                    String[] names = parts.length == 2 && !isNumber(parts[0])
                            ? new String[] {"postcode", "radiusMiles"}
                            : new String[] {"lat", "lon", "radiusMiles"};
                    for (int i = 0; i < names.length; i++) {
                        if (i < parts.length) {
                            if (isNumber(parts[i]) && !names[i].equals("postcode")) {
                                area.put(names[i], Double.parseDouble(parts[i].trim()));
                            } else {
                                area.put(names[i], parts[i].trim());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The coordinate columns and the postcode column ({@code field + "Postcode"}) become the contract's
     * {lat, lon, postcode} object (left out when all are empty); a postcode alone is resolved with the rest.
     */
    private static void point(ObjectNode record, String field, String latColumn, String lonColumn) {
        String postcodeColumn = field + "Postcode";
        if (record.has(latColumn) || record.has(lonColumn) || record.has(postcodeColumn)) {
            ObjectNode point = JSON.objectNode();
            for (String[] column :
                    new String[][] {{latColumn, "lat"}, {lonColumn, "lon"}, {postcodeColumn, "postcode"}}) {
                if (record.has(column[0])) {
                    point.set(column[1], record.get(column[0]));
                    record.remove(column[0]);
                }
            }
            record.set(field, point);
        }
    }

    /** The CSV column a path inside a record (e.g. {@code home.postcode}) comes from, else the path itself. */
    static String columnOf(String pathInRecord) {
        return COLUMN_OF_PATH.getOrDefault(pathInRecord, pathInRecord);
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * A finite decimal number as people write one: "NaN", "Infinity" and Java's hexadecimal forms, which
     * {@link Double#parseDouble} also takes, stay text, so the contract's validation names them.
     */
    public static boolean isNumber(String text) {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return false;
        }
        return Double.isFinite(Double.parseDouble(trimmed));
    }

    /** The rows of the text (see {@link CsvRows}), a fault named by its line. */
    private static void parse(
            String text, int maxRecords, List<List<String>> rows, List<Integer> lines, ProblemErrors errors) {
        CsvRows parsed = CsvRows.parse(text, maxRecords, (line, message) -> errors.add("line " + line, message));
        rows.addAll(parsed.rows());
        lines.addAll(parsed.lines());
    }
}
