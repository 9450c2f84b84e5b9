package org.placementmatcher.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.ssda903.Ssda903Import;
import org.placementmatcher.data.ssda903.Ssda903Table;
import org.placementmatcher.domain.ProviderType;

/**
 * A synthetic SSDA903 file set for a sample caseload's placed children, as a council's case-management system
 * would export it for the DfE (Header, Episodes, UASC as CSV, and the same as the DfE's XML), so that the README
 * can show the import path end to end. Nothing is copied from elsewhere: every value is made here, deterministic for
 * the seed.
 *
 * <p>Each placed child has its open episode at its current placement (PLACE and PLACE_PROVIDER by the provider's
 * type, its URN and postcode) and up to two closed episodes before it; a child with the need
 * {@code UASC_SUPPORT} has a UASC row (DUC its 18th birthday). A few more children (ids {@code C-9xxx}) are in
 * placements the engine does not make, or have left care, so the import lists them as skipped. Postcodes are the
 * records' own, else the directory's nearest to their coordinates.
 */
public final class Ssda903Sample {

    /** The file names, in the folder {@code sample-data/ssda903}. */
    public static final String HEADER = "Header.csv";

    public static final String EPISODES = "Episodes.csv";
    public static final String UASC = "UASC.csv";
    public static final String XML = "ssda903.xml";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ETHNIC = {
        "WBRI", "WOTH", "MWBC", "MOTH", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH"
    };
    private static final double[] ETHNIC_SHARE = {0.70, 0.06, 0.04, 0.03, 0.03, 0.03, 0.04, 0.02, 0.01, 0.04};
    /** The council's own fostering service, whose URN its in-house carers share. */
    private static final String COUNCIL_FOSTERING_URN = "SC700001";

    private static final int FOSTER_AGENCIES = 6;

    /** Extra children the engine does not place: the open episode's PLACE and PLACE_PROVIDER ("" = left care). */
    private static final String[][] NOT_PLACED = {
        {"P1", "PR0"}, {"P1", "PR0"}, {"T1", "PR1"}, {"A4", "PR1"}, {"A6", "PR4"}, {"K1", "PR2"},
        {"R2", "PR3"}, {"R5", "PR3"}, {"U4", "PR2"}, {"Z12", "PR4"}, {"", ""}, {"", ""}
    };

    private final PlacementProblem problem;
    private final PostcodeDirectory postcodes;
    private final SplittableRandom rng;
    private final LocalDate referenceDate;
    private final Map<String, ProviderInput> providers = new HashMap<>();
    private final Map<String, Integer> providerIndex = new HashMap<>();
    private final List<List<String>> header = new ArrayList<>();
    private final List<List<String>> episodes = new ArrayList<>();
    private final List<List<String>> uasc = new ArrayList<>();

    private Ssda903Sample(PlacementProblem problem, PostcodeDirectory postcodes, long seed) {
        this.problem = problem;
        this.postcodes = postcodes;
        this.rng = new SplittableRandom(seed);
        this.referenceDate = problem.referenceDate();
        for (int i = 0; i < problem.providers().size(); i++) {
            providers.put(problem.providers().get(i).id(), problem.providers().get(i));
            providerIndex.put(problem.providers().get(i).id(), i);
        }
    }

    /** The file set for the caseload: file name to text. */
    public static Map<String, String> files(PlacementProblem problem, PostcodeDirectory postcodes, long seed) {
        return new Ssda903Sample(problem, postcodes, seed).build();
    }

    private Map<String, String> build() {
        for (ChildInput child : problem.children()) {
            if (child.currentPlacement() != null) {
                placed(child);
            }
        }
        for (int i = 0; i < NOT_PLACED.length; i++) {
            notPlaced(i, NOT_PLACED[i][0], NOT_PLACED[i][1]);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HEADER, csv(Ssda903Table.HEADER, header));
        files.put(EPISODES, csv(Ssda903Table.EPISODES, episodes));
        files.put(UASC, csv(Ssda903Table.UASC, uasc));
        files.put(XML, xml());
        return files;
    }

    private void placed(ChildInput child) {
        headerRow(child.id(), sex(child.gender()), child.dateOfBirth());
        boolean isUasc = child.needs() != null && child.needs().contains(Ssda903Import.UASC_NEED);
        if (isUasc) {
            uasc.add(List.of(
                    child.id(),
                    sex(child.gender()),
                    day(child.dateOfBirth()),
                    day(child.dateOfBirth().plusYears(18))));
        }
        ProviderInput provider = providers.get(child.currentPlacement());
        String[] place = placeCodes(provider.type());
        LocalDate start = referenceDate.minusDays(1 + rng.nextInt(700));
        if (start.isBefore(child.dateOfBirth())) {
            start = child.dateOfBirth();
        }
        String home = postcode(child.home());
        String legalStatus = pick(new String[] {"C2", "C1", "V2", "E1"}, new double[] {0.6, 0.1, 0.25, 0.05});
        String need = isUasc
                ? "N8"
                : pick(
                        new String[] {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"},
                        new double[] {0.65, 0.04, 0.03, 0.14, 0.08, 0.02, 0.01, 0.03});
        history(child.id(), start, child.dateOfBirth(), legalStatus, need, home);
        episodes.add(List.of(
                child.id(),
                day(start),
                episodes.isEmpty() || !last().getFirst().equals(child.id()) ? "S" : "P",
                legalStatus,
                need,
                place[0],
                place[1],
                "",
                "",
                "",
                home,
                postcode(provider.location()),
                urn(provider)));
    }

    /** Up to two closed episodes before the open one, back to back, none before the child's birth. */
    private void history(String id, LocalDate openStart, LocalDate born, String legalStatus, String need, String home) {
        int count = pickIndex(new double[] {0.5, 0.3, 0.2});
        List<LocalDate> starts = new ArrayList<>();
        LocalDate next = openStart;
        for (int i = 0; i < count; i++) {
            LocalDate start = next.minusDays(30 + rng.nextInt(370));
            if (start.isBefore(born)) {
                break;
            }
            starts.addFirst(start);
            next = start;
        }
        for (int i = 0; i < starts.size(); i++) {
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1) : openStart;
            ProviderInput elsewhere =
                    problem.providers().get(rng.nextInt(problem.providers().size()));
            String[] place = placeCodes(elsewhere.type());
            episodes.add(List.of(
                    id,
                    day(starts.get(i)),
                    i == 0 ? "S" : "P",
                    legalStatus,
                    need,
                    place[0],
                    place[1],
                    day(end),
                    "X1",
                    "CARPL",
                    home,
                    postcode(elsewhere.location()),
                    urn(elsewhere)));
        }
    }

    /** A child in a placement the engine does not make (or, with no PLACE, one who left care before the date). */
    private void notPlaced(int i, String place, String provider) {
        String id = String.format("C-%04d", 9001 + i);
        LocalDate born = referenceDate.minusYears(3 + rng.nextInt(14)).minusDays(rng.nextInt(365));
        headerRow(id, rng.nextBoolean() ? "M" : "F", born);
        ProviderInput somewhere =
                problem.providers().get(rng.nextInt(problem.providers().size()));
        String home = postcode(somewhere.location());
        LocalDate start = referenceDate.minusDays(30 + rng.nextInt(300));
        boolean left = place.isEmpty();
        episodes.add(List.of(
                id,
                day(start),
                "S",
                "V2",
                "N4",
                left ? "U4" : place,
                left ? "PR1" : provider,
                left ? day(referenceDate.minusDays(1 + rng.nextInt(20))) : "",
                left ? "E4A" : "",
                "",
                home,
                place.equals("P1") ? home : postcode(somewhere.location()),
                ""));
    }

    private void headerRow(String id, String sex, LocalDate born) {
        header.add(List.of(id, sex, day(born), pick(ETHNIC, ETHNIC_SHARE), "", "", ""));
    }

    /** PLACE and PLACE_PROVIDER of a placement with a provider of the type. */
    private String[] placeCodes(ProviderType type) {
        String foster = "U" + (4 + pickIndex(new double[] {0.6, 0.25, 0.15}));
        return switch (type) {
            case IN_HOUSE_FOSTER -> new String[] {foster, "PR1"};
            case IFA_FOSTER -> new String[] {foster, rng.nextDouble() < 0.8 ? "PR4" : "PR5"};
            case CONNECTED_PERSON -> new String[] {"U" + (1 + pickIndex(new double[] {0.6, 0.25, 0.15})), "PR1"};
            case RESIDENTIAL_HOME ->
                new String[] {"K2", pick(new String[] {"PR4", "PR5", "PR1"}, new double[] {0.7, 0.2, 0.1})};
            case SUPPORTED_LODGINGS -> new String[] {"K3", rng.nextDouble() < 0.7 ? "PR4" : "PR5"};
        };
    }

    /**
     * The provider's Ofsted URN, else a made-up one: a home or supported accommodation its own, an agency's foster households their
     * agency's (one of a few), in-house carers the council's fostering service's; connected persons none.
     */
    private String urn(ProviderInput provider) {
        if (provider.ofstedUrn() != null) {
            return provider.ofstedUrn(); // the sample's own, as its Ofsted-style list has it
        }
        int index = providerIndex.get(provider.id());
        return switch (provider.type()) {
            case RESIDENTIAL_HOME, SUPPORTED_LODGINGS -> "SC" + (500000 + index);
            case IFA_FOSTER -> "SC" + (600001 + index % FOSTER_AGENCIES);
            case IN_HOUSE_FOSTER -> COUNCIL_FOSTERING_URN;
            case CONNECTED_PERSON -> "";
        };
    }

    private String postcode(GeoPoint point) {
        if (point.postcode() != null) {
            return point.postcode();
        }
        return postcodes.nearest(point.lat(), point.lon()).orElseThrow().postcode();
    }

    private static String sex(String gender) {
        return switch (gender) {
            case "MALE" -> "M";
            case "FEMALE" -> "F";
            default -> "U";
        };
    }

    private List<String> last() {
        return episodes.getLast();
    }

    private String pick(String[] values, double[] shares) {
        return values[pickIndex(shares)];
    }

    private int pickIndex(double[] shares) {
        return RandomDraws.pickIndex(rng, shares);
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String csv(Ssda903Table table, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", table.columns)).append('\n');
        rows.forEach(row -> text.append(String.join(",", row)).append('\n'));
        return text.toString();
    }

    /** The same tables as the DfE's XML: one CHILD element a child, its HEADER and EPISODEs. */
    private String xml() {
        Map<String, List<List<String>>> byChild = new LinkedHashMap<>();
        episodes.forEach(e ->
                byChild.computeIfAbsent(e.getFirst(), c -> new ArrayList<>()).add(e));
        Map<String, List<String>> uascByChild = new HashMap<>();
        uasc.forEach(u -> uascByChild.put(u.getFirst(), u));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n");
        List<String> headerColumns = Ssda903Table.HEADER.columns;
        List<String> episodeColumns = Ssda903Table.EPISODES.columns;
        for (List<String> child : header) {
            xml.append("  <CHILD>\n    <HEADER>\n");
            for (int i = 0; i < headerColumns.size(); i++) {
                element(
                        xml,
                        "      ",
                        headerColumns.get(i).equals("CHILD") ? "CHILDID" : headerColumns.get(i),
                        child.get(i));
            }
            List<String> asylum = uascByChild.get(child.getFirst());
            element(xml, "      ", "UASC", asylum == null ? "" : "1");
            if (asylum != null) {
                element(xml, "      ", "DUC", asylum.get(3));
            }
            xml.append("    </HEADER>\n");
            for (List<String> episode : byChild.getOrDefault(child.getFirst(), List.of())) {
                xml.append("    <EPISODE>\n");
                for (int i = 1; i < episodeColumns.size(); i++) {
                    element(
                            xml,
                            "      ",
                            episodeColumns.get(i).equals("PLACE") ? "PL" : episodeColumns.get(i),
                            episode.get(i));
                }
                xml.append("    </EPISODE>\n");
            }
            xml.append("  </CHILD>\n");
        }
        return xml.append("</EXPSSDA903>\n").toString();
    }

    private static void element(StringBuilder xml, String indent, String name, String value) {
        xml.append(indent).append('<').append(name);
        if (value.isEmpty()) {
            xml.append("/>\n");
        } else {
            String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            xml.append('>').append(escaped).append("</").append(name).append(">\n");
        }
    }
}
