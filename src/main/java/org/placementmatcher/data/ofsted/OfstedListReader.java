package org.placementmatcher.data.ofsted;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.placementmatcher.contract.ImportReport.Problem;
import org.placementmatcher.contract.ImportReport.Skipped;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.data.postcode.Postcodes;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.register.RegisterCsv;

/**
 * Reads Ofsted's lists of children's homes and social care providers (CSV, or an XLSX workbook) into
 * {@link OfstedSetting}s. Ofsted's files differ from release to release in their title rows and in how they name
 * a column ("URN" or "Provider URN", "Places" or "Number of registered places"), so the header is the first row
 * naming a URN column and each column is known by any of its names (README "Ofsted provider lists"), compared
 * without case, spaces or punctuation. Every problem is kept, by line and by the column's name in the file.
 */
public final class OfstedListReader {

    /** The table name problems carry. */
    public static final String TABLE = "ofsted";

    /** How many rows from the top may hold titles above the header. */
    private static final int HEADER_SEARCH_ROWS = 20;

    enum Column {
        URN(true, "urn", "providerurn", "uniquereferencenumber"),
        TYPE(true, "providertype", "type"),
        SUBTYPE(false, "providersubtype", "subtype"),
        STATUS(true, "registrationstatus", "providerstatus", "status"),
        REGISTRATION_DATE(false, "registrationdate", "dateofregistration", "registereddate"),
        CLOSING_DATE(
                false,
                "closeddate",
                "closuredate",
                "dateclosed",
                "closingdate",
                "deregistrationdate",
                "dateofderegistration",
                "registrationenddate"),
        PLACES(
                false,
                "places",
                "numberofplaces",
                "registeredplaces",
                "numberofregisteredplaces",
                "maximumplaces",
                "maximumnumberofplaces",
                "maximumusers"),
        POSTCODE(false, "postcode", "settingpostcode", "providerpostcode"),
        JUDGEMENT(
                false,
                "overalleffectiveness",
                "latestoveralleffectiveness",
                "latestfullinspectionoveralleffectiveness",
                "overallexperiencesandprogressofchildrenandyoungpeople",
                "overallexperiencesandprogress",
                "overalljudgement",
                "latestoveralljudgement");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** A row of the file as text cells, with its line. */
    record Row(int line, List<String> cells) {}

    private final List<Problem> problems = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<OfstedSetting> settings = new ArrayList<>();

    private OfstedListReader() {}

    /** A CSV list. */
    public static OfstedList readCsv(String csv) {
        List<Row> rows = new ArrayList<>();
        try {
            RegisterCsv.Table table = RegisterCsv.table(csv, InputLimits.MAX_PROVIDERS + HEADER_SEARCH_ROWS);
            for (int i = 0; i < table.rows().size(); i++) {
                rows.add(new Row(table.lines().get(i), table.rows().get(i)));
            }
        } catch (InvalidProblemException e) {
            List<Problem> unreadable = new ArrayList<>();
            for (ProblemError error : e.errors()) {
                unreadable.add(new Problem(TABLE, lineOf(error.path()), null, error.message()));
            }
            return OfstedList.unreadable(unreadable);
        }
        return new OfstedListReader().read(rows);
    }

    /** An XLSX workbook: the first sheet with a URN column in its top rows. */
    public static OfstedList readXlsx(InputStream xlsx) {
        List<Row> rows;
        try {
            rows = OfstedWorkbook.rows(
                    xlsx, InputLimits.MAX_PROVIDERS + HEADER_SEARCH_ROWS, OfstedListReader::isHeader);
        } catch (OfstedWorkbook.TooLarge e) {
            return OfstedList.unreadable(List.of(new Problem(TABLE, null, null, e.getMessage())));
        } catch (IOException | RuntimeException e) {
            // POI's messages name its classes and the workbook's insides: not for the caller.
            return OfstedList.unreadable(List.of(new Problem(TABLE, null, null, "cannot be read as an XLSX workbook")));
        }
        return new OfstedListReader().read(rows);
    }

    private static Integer lineOf(String path) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^line (\\d+)").matcher(path);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static boolean isHeader(List<String> cells) {
        return cells.stream().anyMatch(c -> Column.URN.names.contains(normalised(c)));
    }

    private OfstedList read(List<Row> rows) {
        int headerAt = -1;
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
            if (isHeader(rows.get(i).cells())) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            problem(
                    rows.isEmpty() ? 1 : rows.getFirst().line(),
                    null,
                    "no header row naming a URN column in the first " + HEADER_SEARCH_ROWS
                            + " rows: the list needs at least URN, Provider type and Registration status");
            return OfstedList.unreadable(problems);
        }
        Row header = rows.get(headerAt);
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        Map<Column, String> headerNames = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).trim();
            for (Column column : Column.values()) {
                if (column.names.contains(normalised(name)) && positions.putIfAbsent(column, i) == null) {
                    headerNames.put(column, name);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !positions.containsKey(column)) {
                problem(
                        header.line(),
                        null,
                        "required column " + column.names.getFirst() + " is missing (known as "
                                + String.join(", ", column.names) + ")");
            }
        }
        if (!problems.isEmpty()) {
            return OfstedList.unreadable(problems);
        }
        Map<String, Integer> lineByUrn = new HashMap<>();
        for (Row row : rows.subList(headerAt + 1, rows.size())) {
            new RowReader(row, positions, headerNames).read(lineByUrn);
        }
        return new OfstedList(
                List.copyOf(settings),
                List.copyOf(skipped),
                List.copyOf(problems),
                positions.containsKey(Column.JUDGEMENT),
                headerNames.getOrDefault(Column.PLACES, "Places"),
                headerNames.getOrDefault(Column.POSTCODE, "Postcode"),
                headerNames.getOrDefault(Column.TYPE, "Provider type"));
    }

    private void problem(Integer line, String column, String message) {
        problems.add(new Problem(TABLE, line, column, message));
    }

    /** One data row's cells, read column by column; each bad cell is a problem named by the column's own name. */
    private final class RowReader {
        private final Row row;
        private final Map<Column, Integer> positions;
        private final Map<Column, String> names;
        private boolean bad;

        RowReader(Row row, Map<Column, Integer> positions, Map<Column, String> names) {
            this.row = row;
            this.positions = positions;
            this.names = names;
        }

        void read(Map<String, Integer> lineByUrn) {
            String urn = cell(Column.URN);
            if (urn.isEmpty()) {
                fault(Column.URN, "is required");
                return;
            }
            String textProblem = TextRules.codeProblem(urn);
            if (textProblem != null) {
                fault(Column.URN, textProblem);
                return;
            }
            Integer first = lineByUrn.putIfAbsent(urn, row.line());
            if (first != null) {
                fault(Column.URN, "URN " + TextRules.quote(urn) + " is on line " + first + " too");
                return;
            }
            String kind = cell(Column.TYPE) + " " + cell(Column.SUBTYPE);
            Optional<ProviderType> type = typeOf(kind);
            if (type.isEmpty()) {
                skipped.add(new Skipped(null, urn, row.line(), whyNot(kind.trim())));
                return;
            }
            Boolean active = status();
            LocalDate registered = date(Column.REGISTRATION_DATE);
            LocalDate closed = date(Column.CLOSING_DATE);
            Integer places = places();
            String postcode = postcode();
            OfstedJudgement judgement = judgement();
            if (!bad) {
                settings.add(new OfstedSetting(
                        row.line(), urn, type.get(), active, registered, closed, places, postcode, judgement));
            }
        }

        private String cell(Column column) {
            Integer at = positions.get(column);
            return at == null || at >= row.cells().size()
                    ? ""
                    : row.cells().get(at).trim();
        }

        private void fault(Column column, String message) {
            bad = true;
            problem(row.line(), names.get(column), message);
        }

        private Boolean status() {
            String status = normalised(cell(Column.STATUS));
            if (status.matches("active|registered|open|approved|operational")) {
                return true;
            }
            if (status.matches(
                    "closed|resigned|cancelled|canceled|refused|suspended|deregistered|inactive|withdrawn")) {
                return false;
            }
            fault(
                    Column.STATUS,
                    "must be a registration status (Active or Registered; Closed, Resigned, Cancelled or"
                            + " Suspended), got " + TextRules.quote(cell(Column.STATUS)));
            return false;
        }

        private LocalDate date(Column column) {
            String text = cell(column);
            if (text.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeParseException e) {
                    // the next format
                }
            }
            fault(column, "must be a date (dd/mm/yyyy or yyyy-mm-dd), got " + TextRules.quote(text));
            return null;
        }

        private Integer places() {
            String text = cell(Column.PLACES);
            if (text.isEmpty()) {
                return null;
            }
            try {
                int places = Integer.parseInt(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
                if (places >= 0 && places <= InputLimits.MAX_PLACES) {
                    return places;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            fault(
                    Column.PLACES,
                    "must be a whole number from 0 to " + InputLimits.MAX_PLACES + ", got " + TextRules.quote(text));
            return null;
        }

        private String postcode() {
            String text = cell(Column.POSTCODE);
            if (text.isEmpty()) {
                return null;
            }
            Optional<String> postcode = Postcodes.normalise(text);
            if (postcode.isEmpty()) {
                fault(Column.POSTCODE, "is not a postcode: " + TextRules.quote(text));
                return null;
            }
            return postcode.get();
        }

        private OfstedJudgement judgement() {
            String text = cell(Column.JUDGEMENT);
            String judgement = normalised(text);
            switch (judgement) {
                case "", "notjudged", "notyetinspected", "none", "na", "5" -> {
                    return null;
                }
                case "outstanding", "1" -> {
                    return OfstedJudgement.OUTSTANDING;
                }
                case "good", "2" -> {
                    return OfstedJudgement.GOOD;
                }
                case "requiresimprovementtobegood", "requiresimprovement", "adequate", "satisfactory", "3" -> {
                    return OfstedJudgement.REQUIRES_IMPROVEMENT;
                }
                case "inadequate", "4" -> {
                    return OfstedJudgement.INADEQUATE;
                }
                default -> {
                    fault(
                            Column.JUDGEMENT,
                            "must be an Ofsted judgement (Outstanding, Good, Requires improvement to be"
                                    + " good, Inadequate, or 1-4; empty or Not judged for none), got "
                                    + TextRules.quote(text));
                    return null;
                }
            }
        }
    }

    /**
     * The engine's type for a row's provider type and subtype: children's homes and supported accommodation are
     * settings children live in; a fostering agency's households carry its URN. Secure and short-break-only homes
     * are not placements the engine matches.
     */
    static Optional<ProviderType> typeOf(String typeAndSubtype) {
        String kind = normalised(typeAndSubtype);
        if (kind.contains("secure") || kind.contains("shortbreak")) {
            return Optional.empty();
        }
        if (kind.contains("childrenshome")) {
            return Optional.of(ProviderType.RESIDENTIAL_HOME);
        }
        if (kind.contains("supportedaccommodation")) {
            return Optional.of(ProviderType.SUPPORTED_LODGINGS);
        }
        if (kind.contains("fosteringagency") || kind.equals("ifa")) {
            return Optional.of(ProviderType.IFA_FOSTER);
        }
        return Optional.empty();
    }

    private static String whyNot(String kind) {
        String shown = kind.isEmpty() ? "no provider type" : TextRules.quote(kind);
        return shown + " is not a placement the engine matches (only children's homes, supported accommodation"
                + " and fostering agencies)";
    }

    /** A column name or code compared without case, spaces or punctuation ("Children’s home" = "childrens home"). */
    static String normalised(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
