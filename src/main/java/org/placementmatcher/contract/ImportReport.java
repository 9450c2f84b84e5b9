package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of an import of council data into a register (docs/contract.md section 9): what it adds or changes,
 * the rows it leaves out and why, and every data problem by table, line and column. The same shape whether the
 * import was a dry run, applied, or refused (400) for its problems; both imports (SSDA903, Ofsted list) answer
 * it. A dry run with problems still answers what the import would do with the rows that have none.
 *
 * @param children the children the import adds or changes, by id
 * @param placements the children whose current placement the import starts or changes, by id
 * @param providers the providers the import adds or changes, by id
 */
public record ImportReport(
        Changes children, Changes placements, Changes providers, List<Skipped> skipped, List<Problem> problems) {

    /** Records added and records changed, by id. */
    public record Changes(List<String> added, List<String> changed) {
        public static final Changes NONE = new Changes(List.of(), List.of());
    }

    /**
     * A row left out, and why. The contract names {@code child} and {@code reason}: both are always there, so a
     * reader of the contract finds them on every entry. An SSDA903 entry names the child; an Ofsted list's row is
     * a provider, not a child, so its {@code child} is null and it has {@code urn} and {@code line} instead.
     */
    public record Skipped(
            @JsonInclude(JsonInclude.Include.ALWAYS) String child,
            @JsonInclude(JsonInclude.Include.NON_NULL) String urn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
            @JsonInclude(JsonInclude.Include.ALWAYS) String reason) {

        /** A child of an SSDA903 return left out. */
        public static Skipped child(String child, String reason) {
            return new Skipped(child, null, null, reason);
        }

        /** A provider's row of an Ofsted list left out, by URN and line. */
        public static Skipped provider(String urn, int line, String reason) {
            return new Skipped(null, urn, line, reason);
        }
    }

    /** A data problem: the table (file or part) it is in, its line (1 = the first) and column, as the file names it. */
    public record Problem(String table, Integer line, String column, String message) {}

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems as an answer lists them (section 10): the first {@value ProblemErrors#MAX_LISTED}, then "and N more". */
    public static List<Problem> listed(List<Problem> problems) {
        if (problems.size() <= ProblemErrors.MAX_LISTED) {
            return List.copyOf(problems);
        }
        List<Problem> listed = new ArrayList<>(problems.subList(0, ProblemErrors.MAX_LISTED));
        listed.add(new Problem(null, null, null, "and " + (problems.size() - ProblemErrors.MAX_LISTED) + " more"));
        return List.copyOf(listed);
    }
}
