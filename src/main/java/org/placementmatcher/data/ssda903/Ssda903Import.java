package org.placementmatcher.data.ssda903;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ImportReport;
import org.placementmatcher.contract.ImportReport.Changes;
import org.placementmatcher.contract.ImportReport.Problem;
import org.placementmatcher.contract.ImportReport.Skipped;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.data.ssda903.Ssda903Codes.Kind;
import org.placementmatcher.data.ssda903.Ssda903Providers.Placement;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

/**
 * An SSDA903 file set made into register records, as docs/contract.md section 9 says. The children come from the
 * Header (with the need {@value #UASC_NEED} for a child in the UASC table whose DUC has not passed); each child
 * with an episode open on the reference date D (DECOM on or before D, DEC empty or after D) is placed where that
 * episode says: PLACE U1-U3 a connected person; U4-U6 in-house foster with PLACE_PROVIDER PR1, agency foster with
 * PR4 or PR5; K2 a children's home; K3 (and H5 before 2024/25) supported lodgings. A child whose open episode is
 * of another kind, or who has none, is left out and listed as skipped with the reason. The child's home is the
 * episode's HOME_POST; the provider is the register's or one made for the import ({@link Ssda903Providers}).
 *
 * <p>A child already in the register (same id) keeps its other fields (needs, school, urgency, flags); a new one is
 * {@code PLANNED}, being in a placement already. Sex M (and 1) is {@code MALE}, F (and 2) {@code FEMALE}, U
 * {@value #UNKNOWN_GENDER}. The register's other records are left as they are.
 */
public final class Ssda903Import {

    public static final String UASC_NEED = "UASC_SUPPORT";
    /** The gender of SEX U (not known or not stated): a provider listing accepted genders takes no such child. */
    public static final String UNKNOWN_GENDER = "UNKNOWN";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern RECORD_PATH = Pattern.compile("^\\$\\.(providers|children)\\[(\\d+)]\\.?(.*)$");
    /** URN written as X's: the DfE's placeholder for a placement without one. */
    private static final Pattern NO_URN = Pattern.compile("X+", Pattern.CASE_INSENSITIVE);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The import worked out: the answer (with problems, what it would do with the children that have none), and the
     * register it makes (null when there are problems: it is not kept).
     */
    public record Outcome(ImportReport result, ObjectNode register) {
        public boolean refused() {
            return result.hasProblems();
        }
    }

    private final LocalDate referenceDate;
    private final PostcodeDirectory postcodes;
    private final Ssda903Problems problems;
    private final List<Skipped> skipped = new ArrayList<>();

    private Ssda903Import(LocalDate referenceDate, PostcodeDirectory postcodes, Ssda903Problems problems) {
        this.referenceDate = referenceDate;
        this.postcodes = postcodes;
        this.problems = problems;
    }

    /**
     * Checks the files and works out the register they make from the one there (null: none yet, one is made for
     * the authority); {@code problems} may already hold the problems of reading them.
     */
    public static Outcome run(
            Ssda903Files files,
            LocalDate referenceDate,
            String authority,
            ObjectNode register,
            PostcodeDirectory postcodes,
            Ssda903Problems problems) {
        Ssda903Checks.check(files, referenceDate, postcodes, problems);
        if (problems.ofTheFiles()) {
            return refused(List.of(), problems);
        }
        return new Ssda903Import(referenceDate, postcodes, problems).map(files, authority, register);
    }

    private Outcome map(Ssda903Files files, String authority, ObjectNode register) {
        ObjectNode tree = register == null ? newRegister(authority) : register.deepCopy();
        ArrayNode children = arrayOf(tree, "children");
        Map<String, Integer> childPositions = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            childPositions.putIfAbsent(children.get(i).path("id").asText(), i);
        }
        Ssda903Providers providers = new Ssda903Providers(arrayOf(tree, "providers"));
        Map<String, List<Ssda903Row>> episodes = new HashMap<>();
        files.episodes()
                .forEach(e -> episodes.computeIfAbsent(e.child(), c -> new ArrayList<>())
                        .add(e));
        Map<String, LocalDate> uascUntil = new HashMap<>();
        files.uasc().forEach(u -> uascUntil.put(u.child(), Ssda903Checks.date(u.get("DUC"))));

        Map<String, ObjectNode> imported = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new HashMap<>();
        List<String> placementsAdded = new ArrayList<>();
        List<String> placementsChanged = new ArrayList<>();
        for (Ssda903Row header : files.header()) {
            String id = header.child();
            if (problems.of(id)) {
                continue; // a dry run answers what the import does with the children without problems
            }
            Ssda903Row open = openEpisode(episodes.getOrDefault(id, List.of()));
            ProviderType type = type(id, open);
            if (type == null) {
                continue;
            }
            ResolvedPostcode home = find(open.get("HOME_POST"));
            if (home == null) {
                problem(open, "HOME_POST", "is required on the episode open on " + day() + ": it is the child's home");
                continue;
            }
            List<String> needs = uasc(id, uascUntil) ? List.of(UASC_NEED) : List.of();
            String urn =
                    open.get("URN").isEmpty() || NO_URN.matcher(open.get("URN")).matches() ? null : open.get("URN");
            String providerId = providers.place(new Placement(type, urn, find(open.get("PL_POST")), open), id, needs);
            if (providerId == null) {
                problem(
                        open,
                        "PL_POST",
                        "is required on the episode open on " + day() + ": no provider of the register matches"
                                + (urn == null ? " it" : " URN " + urn) + ", so one is made at this postcode");
                continue;
            }
            Integer position = childPositions.get(id);
            ObjectNode before = position == null ? null : (ObjectNode) children.get(position);
            ObjectNode child = child(header, home, needs, providerId, before);
            String placedBefore =
                    before == null ? null : before.path("currentPlacement").asText(null);
            if (placedBefore == null) {
                placementsAdded.add(id);
            } else if (!providerId.equals(placedBefore)) {
                placementsChanged.add(id);
            }
            if (!child.equals(before)) {
                imported.put(id, child);
                headerLines.put(id, header.lineOf("CHILD"));
            }
        }
        ArrayNode providerList = arrayOf(tree, "providers");
        for (ObjectNode changed : providers.changed()) {
            for (int i = 0; i < providerList.size(); i++) {
                if (changed.path("id").equals(providerList.get(i).path("id"))) {
                    providerList.set(i, changed);
                }
            }
        }
        providers.made().forEach(providerList::add);
        imported.forEach((id, child) -> {
            Integer position = childPositions.get(id);
            if (position == null) {
                children.add(child);
            } else {
                children.set(position, child);
            }
        });
        validate(tree, headerLines, providers);
        List<String> childrenAdded = new ArrayList<>();
        List<String> childrenChanged = new ArrayList<>();
        imported.keySet().forEach(id -> (childPositions.containsKey(id) ? childrenChanged : childrenAdded).add(id));
        ImportReport report = new ImportReport(
                new Changes(List.copyOf(childrenAdded), List.copyOf(childrenChanged)),
                new Changes(List.copyOf(placementsAdded), List.copyOf(placementsChanged)),
                new Changes(ids(providers.made()), ids(providers.changed())),
                List.copyOf(skipped),
                reported(problems));
        return new Outcome(report, report.hasProblems() ? null : tree);
    }

    private static List<String> ids(List<ObjectNode> records) {
        return records.stream().map(r -> r.path("id").asText()).toList();
    }

    /** The problems as the answer lists them (the reading's own cap, then "and N more"). */
    private static List<Problem> reported(Ssda903Problems problems) {
        return problems.reported().stream()
                .map(p -> new Problem(p.table(), p.line(), p.column(), p.message()))
                .toList();
    }

    /** The episode open on the reference date, or null (the files' episodes of a child do not overlap). */
    private Ssda903Row openEpisode(List<Ssda903Row> episodes) {
        for (Ssda903Row episode : episodes) {
            LocalDate start = Ssda903Checks.date(episode.get("DECOM"));
            LocalDate end = Ssda903Checks.date(episode.get("DEC"));
            if (!start.isAfter(referenceDate) && (end == null || end.isAfter(referenceDate))) {
                return episode;
            }
        }
        return null;
    }

    /** The provider type of the open episode's placement; null, with the child skipped or a problem, when none. */
    private ProviderType type(String id, Ssda903Row open) {
        if (open == null) {
            skipped.add(Skipped.child(id, "has no episode open on " + day()));
            return null;
        }
        int year = Ssda903Codes.yearOf(Ssda903Checks.date(open.get("DECOM")));
        Ssda903Codes.Code place = Ssda903Codes.find("PLACE", open.get("PLACE"), year);
        if (place.kind().words != null) {
            skip(id, place.kind().words, place);
            return null;
        }
        if (place.code().equals("H5") && Ssda903Codes.yearOf(referenceDate) >= 2024) {
            skipped.add(Skipped.child(
                    id,
                    "is in semi-independent living accommodation (PLACE H5) on " + day() + ", which counts as"
                            + " supported lodgings only before 2024/25; from 2024/25 the return records it as K3"));
            return null;
        }
        if (place.kind() != Kind.FOSTER) {
            return place.kind().type;
        }
        String provider = open.get("PLACE_PROVIDER");
        if (provider.isEmpty()) {
            problem(
                    open,
                    "PLACE_PROVIDER",
                    "is required for a foster placement (PLACE " + place.code() + "): PR1 the council's own carers,"
                            + " PR4 or PR5 an agency's");
            return null;
        }
        return switch (Ssda903Codes.normal(provider)) {
            case "PR1" -> ProviderType.IN_HOUSE_FOSTER;
            case "PR4", "PR5" -> ProviderType.IFA_FOSTER;
            default -> {
                Ssda903Codes.Code code = Ssda903Codes.find("PLACE_PROVIDER", provider, year);
                skipped.add(Skipped.child(
                        id,
                        "is in foster care provided by " + code.meaning() + " (PLACE_PROVIDER " + code.code() + ") on "
                                + day() + "; the engine's foster types are the council's own carers (PR1) and"
                                + " agencies' (PR4, PR5)"));
                yield null;
            }
        };
    }

    /** The postcode's place; null for an empty cell (the checks have found any unknown one). */
    private ResolvedPostcode find(String postcode) {
        return postcode.isEmpty() ? null : postcodes.resolve(postcode).orElse(null);
    }

    private void skip(String id, String words, Ssda903Codes.Code place) {
        skipped.add(Skipped.child(
                id,
                "is " + words + " on " + day() + " (PLACE " + place.code() + ": " + place.meaning()
                        + "), a kind of placement the engine does not make"));
    }

    private boolean uasc(String id, Map<String, LocalDate> uascUntil) {
        if (!uascUntil.containsKey(id)) {
            return false;
        }
        LocalDate ceased = uascUntil.get(id);
        return ceased == null || ceased.isAfter(referenceDate);
    }

    /** The child's record: the one in the register (if any) with the 903's fields and placement. */
    private static ObjectNode child(
            Ssda903Row header, ResolvedPostcode home, List<String> needs, String providerId, ObjectNode before) {
        ObjectNode child = before == null ? JSON.objectNode() : before.deepCopy();
        child.put("id", header.child());
        child.put("dateOfBirth", Ssda903Checks.date(header.get("DOB")).toString());
        child.put("gender", gender(header.get("SEX")));
        child.set("home", point(home));
        if (before == null) {
            child.put("urgency", Urgency.PLANNED.name());
        }
        for (String need : needs) {
            ArrayNode list = child.has("needs") ? (ArrayNode) child.get("needs") : child.putArray("needs");
            boolean has = false;
            for (JsonNode n : list) {
                has |= need.equals(n.asText());
            }
            if (!has) {
                list.add(need);
            }
        }
        if (!providerId.equals(child.path("currentPlacement").asText(null))) {
            // A new placement: whatever held the child at the old one (pinned, needsMove) no longer applies.
            child.put("currentPlacement", providerId);
            child.remove("pinned");
            child.remove("needsMove");
        }
        return child;
    }

    static String gender(String sex) {
        return switch (Ssda903Codes.normal(sex)) {
            case "M", "1" -> "MALE";
            case "F", "2" -> "FEMALE";
            default -> UNKNOWN_GENDER;
        };
    }

    /** A location as the register stores it: the postcode and its coordinates. */
    static ObjectNode point(ResolvedPostcode place) {
        return ContractJson.mapper().valueToTree(place.point().withPostcode(place.postcode()));
    }

    /**
     * The register the import makes, checked with the contract's rules; each error is named by the Header row of
     * the child or the episode that made the provider it is about, else by its place in the register.
     */
    private void validate(ObjectNode tree, Map<String, Integer> headerLines, Ssda903Providers providers) {
        try {
            ProblemReader.read(tree, "$");
        } catch (InvalidProblemException e) {
            for (ProblemError error : e.errors()) {
                Matcher m = RECORD_PATH.matcher(error.path());
                String id = m.matches()
                        ? tree.path(m.group(1))
                                .path(Integer.parseInt(m.group(2)))
                                .path("id")
                                .asText("")
                        : "";
                String field = m.matches() ? m.group(3) : error.path();
                Ssda903Row madeBy = m.matches() && m.group(1).equals("providers") ? providers.madeBy(id) : null;
                if (m.matches() && m.group(1).equals("children") && headerLines.containsKey(id)) {
                    problems.add(Ssda903Table.HEADER, headerLines.get(id), field, error.message());
                } else if (madeBy != null) {
                    problems.add(
                            Ssda903Table.EPISODES, madeBy.line(), field, "the provider made here: " + error.message());
                } else {
                    problems.add(new Ssda903Problem("register", null, error.path(), error.message()));
                }
            }
        }
    }

    /** The answer when a problem is of the files as a whole: no child can be worked out. */
    private static Outcome refused(List<Skipped> skipped, Ssda903Problems problems) {
        return new Outcome(
                new ImportReport(Changes.NONE, Changes.NONE, Changes.NONE, List.copyOf(skipped), reported(problems)),
                null);
    }

    private void problem(Ssda903Row row, String column, String message) {
        problems.add(row, column, message);
    }

    private String day() {
        return referenceDate.format(DAY);
    }

    private ObjectNode newRegister(String authority) {
        ObjectNode tree = JSON.objectNode();
        tree.put("schemaVersion", 1);
        tree.put("referenceDate", referenceDate.toString());
        tree.put("homeAuthority", authority);
        tree.putArray("providers");
        tree.putArray("children");
        return tree;
    }

    private static ArrayNode arrayOf(ObjectNode tree, String field) {
        return tree.get(field) instanceof ArrayNode array ? array : tree.putArray(field);
    }
}
