package org.placementmatcher.data.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.data.postcode.PostcodeDirectory;

/**
 * The data errors of an SSDA903 file set, each named by table, line and column: a code that is not one of its
 * year's ({@link Ssda903Codes}), a date that is not a dd/mm/yyyy date, a postcode the directory does not know,
 * episodes of one child that overlap in time, a required value left empty, an episode or UASC row of a child the
 * Header does not list. Nothing else is judged here: what the import makes of valid data is {@link Ssda903Import}'s.
 */
public final class Ssda903Checks {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Ssda903Problems problems;
    private final PostcodeDirectory postcodes;

    private Ssda903Checks(Ssda903Problems problems, PostcodeDirectory postcodes) {
        this.problems = problems;
        this.postcodes = postcodes;
    }

    /** Adds every data error of the files to the problems. */
    public static void check(
            Ssda903Files files, LocalDate referenceDate, PostcodeDirectory postcodes, Ssda903Problems problems) {
        new Ssda903Checks(problems, postcodes).check(files, referenceDate);
    }

    /** The date as the 903 writes it (dd/mm/yyyy), or null when it is not one. */
    public static LocalDate date(String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void check(Ssda903Files files, LocalDate referenceDate) {
        int year = Ssda903Codes.yearOf(referenceDate);
        Map<String, Integer> headerLines = new HashMap<>();
        for (Ssda903Row row : files.header()) {
            String child = row.child();
            if (required(row, "CHILD") && id(row, "CHILD")) {
                Integer first = headerLines.putIfAbsent(child, row.lineOf("CHILD"));
                if (first != null) {
                    problem(row, "CHILD", "child " + TextRules.quote(child) + " is on line " + first + " too");
                }
            }
            if (required(row, "SEX")) {
                code(row, "SEX", year);
            }
            if (required(row, "DOB")) {
                date(row, "DOB");
            }
            optionalCode(row, "ETHNIC", year);
            optionalDate(row, "MC_DOB");
        }
        Map<String, List<Dated>> byChild = new LinkedHashMap<>();
        for (Ssda903Row row : files.episodes()) {
            knownChild(row, headerLines);
            LocalDate start = required(row, "DECOM") ? date(row, "DECOM") : null;
            LocalDate end = optionalDate(row, "DEC");
            if (start != null && end != null && end.isBefore(start)) {
                problem(
                        row,
                        "DEC",
                        "is before DECOM (" + row.get("DECOM") + "): an episode cannot end before it starts");
                end = null;
            }
            int episodeYear = start == null ? year : Ssda903Codes.yearOf(start);
            if (required(row, "PLACE")) {
                code(row, "PLACE", episodeYear);
            }
            for (String column : List.of("PLACE_PROVIDER", "RNE", "LS", "CIN")) {
                optionalCode(row, column, episodeYear);
            }
            postcode(row, "HOME_POST");
            postcode(row, "PL_POST");
            if (!row.get("URN").isEmpty()) {
                id(row, "URN");
            }
            if (start != null && !row.child().isEmpty()) {
                byChild.computeIfAbsent(row.child(), c -> new ArrayList<>()).add(new Dated(row, start, end));
            }
        }
        byChild.values().forEach(this::overlaps);
        for (Ssda903Row row : files.uasc()) {
            knownChild(row, headerLines);
            optionalCode(row, "SEX", year);
            optionalDate(row, "DOB");
            optionalDate(row, "DUC");
        }
    }

    /** An episode with its dates; {@code end} null while it is open. */
    private record Dated(Ssda903Row row, LocalDate start, LocalDate end) {}

    /** Episodes of one child, in order of start: each must end (DEC) no later than the next one starts. */
    private void overlaps(List<Dated> episodes) {
        episodes.sort(
                Comparator.comparing(Dated::start).thenComparing(d -> d.row().line()));
        Dated latest = null;
        for (Dated episode : episodes) {
            if (latest != null && (latest.end() == null || latest.end().isAfter(episode.start()))) {
                problem(
                        episode.row(),
                        "DECOM",
                        "child " + TextRules.quote(episode.row().child()) + ": this episode starts before the episode"
                                + " on line " + latest.row().line() + " (DECOM "
                                + latest.row().get("DECOM") + ") "
                                + (latest.end() == null
                                        ? "ends (it has no DEC)"
                                        : "ends (DEC " + latest.row().get("DEC") + ")")
                                + "; a child's episodes must not overlap");
            }
            if (latest == null
                    || latest.end() != null
                            && (episode.end() == null || episode.end().isAfter(latest.end()))) {
                latest = episode;
            }
        }
    }

    private void knownChild(Ssda903Row row, Map<String, Integer> headerLines) {
        if (required(row, "CHILD") && id(row, "CHILD") && !headerLines.containsKey(row.child())) {
            problem(row, "CHILD", "child " + TextRules.quote(row.child()) + " has no row in the Header table");
        }
    }

    private boolean required(Ssda903Row row, String column) {
        if (row.get(column).isEmpty()) {
            problem(row, column, "is required");
            return false;
        }
        return true;
    }

    private boolean id(Ssda903Row row, String column) {
        String problem = TextRules.codeProblem(row.get(column));
        if (problem != null) {
            problem(row, column, problem);
            return false;
        }
        return true;
    }

    private void code(Ssda903Row row, String column, int year) {
        String value = row.get(column);
        if (Ssda903Codes.find(column, value, year) == null) {
            problem(
                    row,
                    column,
                    TextRules.quote(value) + " is not a " + column + " code of " + Ssda903Codes.yearName(year)
                            + "; the codes are " + Ssda903Codes.validCodes(column, year));
        }
    }

    private void optionalCode(Ssda903Row row, String column, int year) {
        if (!row.get(column).isEmpty()) {
            code(row, column, year);
        }
    }

    private LocalDate date(Ssda903Row row, String column) {
        LocalDate date = date(row.get(column));
        if (date == null) {
            problem(row, column, TextRules.quote(row.get(column)) + " is not a date written dd/mm/yyyy");
        }
        return date;
    }

    private LocalDate optionalDate(Ssda903Row row, String column) {
        return row.get(column).isEmpty() ? null : date(row, column);
    }

    private void postcode(Ssda903Row row, String column) {
        String postcode = row.get(column);
        if (!postcode.isEmpty() && postcodes.resolve(postcode).isEmpty()) {
            problem(row, column, TextRules.quote(postcode) + " is not a postcode in the postcode directory");
        }
    }

    private void problem(Ssda903Row row, String column, String message) {
        problems.add(row, column, message);
    }
}
