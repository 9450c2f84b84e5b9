package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of an import of council data into a register (docs/contract.md section 9): what it adds or changes,
 * the rows it leaves out and why, and every data problem by table, line and column. The same shape whether the
 * import was a dry run, applied, or refused (400) for its problems.
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

    /** A row left out, and why: a child (SSDA903) or a provider's URN (Ofsted list), with its line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Skipped(String child, String urn, Integer line, String reason) {}

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
