package org.placementmatcher.data.ssda903;

import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.contract.ProblemErrors;

/**
 * The problems found in an SSDA903 file set, as the contract lists errors (section 10): at most
 * {@link ProblemErrors#MAX_LISTED}, then "and N more"; past the cap only a count is kept.
 */
public final class Ssda903Problems {

    private final List<Ssda903Problem> listed = new ArrayList<>();
    private long omitted;

    public void add(Ssda903Table table, int line, String column, String message) {
        add(new Ssda903Problem(table.title, line, column, message));
    }

    public void add(Ssda903Problem problem) {
        if (listed.size() < ProblemErrors.MAX_LISTED) {
            listed.add(problem);
        } else {
            omitted++;
        }
    }

    public boolean isEmpty() {
        return listed.isEmpty();
    }

    /** The problems as an answer lists them. */
    public List<Ssda903Problem> reported() {
        if (omitted == 0) {
            return List.copyOf(listed);
        }
        List<Ssda903Problem> reported = new ArrayList<>(listed);
        reported.add(new Ssda903Problem(null, null, null, "and " + omitted + " more"));
        return List.copyOf(reported);
    }
}
