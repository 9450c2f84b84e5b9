package org.placementmatcher.data.ssda903;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.placementmatcher.domain.ProviderType;

/**
 * The SSDA903 code lists the import checks, for the collection years 2023/24 to 2026/27, in one table: each code
 * with what it means here and the years it is valid in. A collection year runs from 1 April to 31 March and is
 * named by the year it starts in (2024 is 2024/25). An episode's codes are checked against the year it started
 * in, so history episodes keep the codes of their time; years before 2023/24 are checked as 2023/24 and years
 * after 2026/27 as 2026/27, the span the lists cover.
 *
 * <p>Checked: SEX, ETHNIC, RNE, LS, CIN, PLACE and PLACE_PROVIDER (the codes the import reads, and those that
 * say what an episode is). Other columns (REC, REASON_PLACE_CHANGE, UPN, MOTHER) are read past: the DfE's own
 * validation checks them, and the import does not use them.
 */
public final class Ssda903Codes {

    public static final int FIRST_YEAR = 2023;
    public static final int LAST_YEAR = 2026;

    /**
     * What a placement code means for the engine: the provider type it maps to (null: none, the child is
     * skipped), or the kind of placement the engine does not make, in words.
     */
    public enum Kind {
        CONNECTED_PERSON(ProviderType.CONNECTED_PERSON, null),
        /** U4-U6: the type follows PLACE_PROVIDER (PR1 in-house, PR4 and PR5 agency). */
        FOSTER(null, null),
        RESIDENTIAL_HOME(ProviderType.RESIDENTIAL_HOME, null),
        SUPPORTED_ACCOMMODATION(ProviderType.SUPPORTED_LODGINGS, null),
        WITH_PARENTS(null, "placed with parents"),
        HOSPITAL(null, "in hospital or a health placement"),
        TEMPORARY(null, "in a temporary placement"),
        ADOPTION(null, "placed for adoption"),
        SECURE(null, "in a secure placement"),
        OTHER(null, "in another kind of placement");

        public final ProviderType type;
        /** The kind of placement in words, for one the engine has no provider type for. */
        public final String words;

        Kind(ProviderType type, String words) {
            this.type = type;
            this.words = words;
        }
    }

    /** One code of a column: its meaning, the kind of placement (PLACE only) and the years it is valid. */
    public record Code(String code, String meaning, Kind kind, int firstYear, int lastYear) {
        boolean validIn(int year) {
            return year >= firstYear && year <= lastYear;
        }
    }

    private static final Map<String, Map<String, Code>> COLUMNS = new LinkedHashMap<>();

    static {
        column(
                "SEX",
                List.of(
                        code("M", "male"),
                        code("F", "female"),
                        code("U", "not known or not stated"),
                        // Earlier returns coded sex 1 and 2; exports of history still carry them.
                        code("1", "male (code of earlier years)"),
                        code("2", "female (code of earlier years)")));
        column(
                "ETHNIC",
                codes(
                        "ethnicity",
                        "WBRI",
                        "WIRI",
                        "WOTH",
                        "WIRT",
                        "WROM",
                        "MWBC",
                        "MWBA",
                        "MWAS",
                        "MOTH",
                        "AIND",
                        "APKN",
                        "ABAN",
                        "AOTH",
                        "BCRB",
                        "BAFR",
                        "BOTH",
                        "CHNE",
                        "OOTH",
                        "REFU",
                        "NOBT"));
        column("RNE", codes("reason for new episode", "S", "L", "P", "T", "U", "B"));
        column(
                "LS",
                codes("legal status", "C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"));
        column("CIN", codes("category of need", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"));
        column(
                "PLACE_PROVIDER",
                List.of(
                        code("PR0", "parents or others with parental responsibility"),
                        code("PR1", "the council's own provision"),
                        code("PR2", "another council's provision"),
                        code("PR3", "other public provision"),
                        code("PR4", "private provision"),
                        code("PR5", "voluntary or third-sector provision")));
        column(
                "PLACE",
                List.of(
                        place(
                                "A3",
                                "placed for adoption with a placement order, with current foster carers",
                                Kind.ADOPTION),
                        place(
                                "A4",
                                "placed for adoption with a placement order, not with current foster carers",
                                Kind.ADOPTION),
                        place("A5", "placed for adoption with consent, with current foster carers", Kind.ADOPTION),
                        place("A6", "placed for adoption with consent, not with current foster carers", Kind.ADOPTION),
                        // Replaced by K3 from 2024/25.
                        new Code(
                                "H5",
                                "semi-independent living accommodation",
                                Kind.SUPPORTED_ACCOMMODATION,
                                FIRST_YEAR,
                                2023),
                        place("K1", "secure children's home", Kind.SECURE),
                        place("K2", "children's home", Kind.RESIDENTIAL_HOME),
                        new Code("K3", "supported accommodation", Kind.SUPPORTED_ACCOMMODATION, 2023, LAST_YEAR),
                        place("P1", "placed with parents or others with parental responsibility", Kind.WITH_PARENTS),
                        place("P2", "independent living", Kind.OTHER),
                        place("P3", "residential employment", Kind.OTHER),
                        place("R1", "residential care home", Kind.OTHER),
                        place("R2", "NHS or other health placement", Kind.HOSPITAL),
                        place("R3", "family centre or mother and baby unit", Kind.OTHER),
                        place("R5", "young offender institution or prison", Kind.SECURE),
                        place("S1", "residential school", Kind.OTHER),
                        place("T0", "temporary placement", Kind.TEMPORARY),
                        place("T1", "temporary placement", Kind.TEMPORARY),
                        place("T2", "temporary placement", Kind.TEMPORARY),
                        place("T3", "temporary placement", Kind.TEMPORARY),
                        place("T4", "temporary placement", Kind.TEMPORARY),
                        place("U1", "foster placement with a relative or friend", Kind.CONNECTED_PERSON),
                        place("U2", "foster placement with a relative or friend", Kind.CONNECTED_PERSON),
                        place("U3", "foster placement with a relative or friend", Kind.CONNECTED_PERSON),
                        place("U4", "foster placement with another carer", Kind.FOSTER),
                        place("U5", "foster placement with another carer", Kind.FOSTER),
                        place("U6", "foster placement with another carer", Kind.FOSTER),
                        // Other placements: Z1 until 2023/24, then Z11-Z14.
                        new Code("Z1", "other placement", Kind.OTHER, FIRST_YEAR, 2023),
                        new Code("Z11", "other placement", Kind.OTHER, 2023, LAST_YEAR),
                        new Code("Z12", "other placement", Kind.OTHER, 2023, LAST_YEAR),
                        new Code("Z13", "other placement", Kind.OTHER, 2023, LAST_YEAR),
                        new Code("Z14", "other placement", Kind.OTHER, 2023, LAST_YEAR)));
    }

    private Ssda903Codes() {}

    /** The columns whose codes are checked. */
    public static boolean checked(String column) {
        return COLUMNS.containsKey(column);
    }

    /** The code as written in the column, valid in the year (null: not a code of that year). */
    public static Code find(String column, String value, int year) {
        Code code = COLUMNS.getOrDefault(column, Map.of()).get(normal(value));
        return code != null && code.validIn(clamp(year)) ? code : null;
    }

    /** Codes are compared in capitals, as the DfE's validator does. */
    public static String normal(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    /** The codes valid in the year, for a message. */
    public static String validCodes(String column, int year) {
        return String.join(
                ", ",
                COLUMNS.get(column).values().stream()
                        .filter(c -> c.validIn(clamp(year)))
                        .map(Code::code)
                        .toList());
    }

    /** The collection year a date falls in (1 April to 31 March), named by the year it starts in. */
    public static int yearOf(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The year's name as the DfE writes it: 2024 is "2024/25". */
    public static String yearName(int year) {
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }

    private static int clamp(int year) {
        return Math.max(FIRST_YEAR, Math.min(LAST_YEAR, year));
    }

    private static void column(String column, List<Code> codes) {
        Map<String, Code> byCode = new LinkedHashMap<>();
        codes.forEach(c -> byCode.put(c.code(), c));
        COLUMNS.put(column, byCode);
    }

    private static Code code(String code, String meaning) {
        return new Code(code, meaning, null, FIRST_YEAR, LAST_YEAR);
    }

    private static List<Code> codes(String meaning, String... codes) {
        return java.util.Arrays.stream(codes).map(c -> code(c, meaning)).toList();
    }

    private static Code place(String code, String meaning, Kind kind) {
        return new Code(code, meaning, kind, FIRST_YEAR, LAST_YEAR);
    }
}
