package org.placementmatcher.data.ssda903;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.placementmatcher.contract.ProblemErrors;

/**
 * The problems found in an SSDA903 file set, as the contract lists errors (section 10): at most
 * {@link ProblemErrors#MAX_LISTED}, then "and N more"; past the cap only a count is kept.
 */
public final class Ssda903Problems {

    private final List<Ssda903Problem> listed = new ArrayList<>();
    private long omitted;
    /** The children whose rows have a problem: a dry run still works out the others. */
    private final Set<String> children = new HashSet<>();
    /** Whether a problem is of no one child (a table's shape, a row without CHILD): nothing can be worked out. */
    private boolean ofTheFiles;

    public void add(Ssda903Table table, int line, String column, String message) {
        add(new Ssda903Problem(table.title, line, column, message));
    }

    /** A problem of one child's row (of the files as a whole when the row names no child). */
    public void add(Ssda903Row row, String column, String message) {
        if (row.child().isEmpty()) {
            ofTheFiles = true;
        } else {
            children.add(row.child());
        }
        addListed(new Ssda903Problem(row.table().title, row.lineOf(column), column, message));
    }

    /** Whether the child's rows have a problem. */
    public boolean of(String child) {
        return children.contains(child);
    }

    /** Whether a problem is of the files rather than of one child. */
    public boolean ofTheFiles() {
        return ofTheFiles;
    }

    /** A problem of the files as a whole (no one child's). */
    public void add(Ssda903Problem problem) {
        ofTheFiles = true;
        addListed(problem);
    }

    private void addListed(Ssda903Problem problem) {
        if (listed.size() < ProblemErrors.MAX_LISTED) {
            listed.add(problem);
        } else {
            omitted++;
        }
    }

    /** A copy to add to, leaving these as they are (an import worked out again starts from its reading's problems). */
    public Ssda903Problems copy() {
        Ssda903Problems copy = new Ssda903Problems();
        copy.listed.addAll(listed);
        copy.omitted = omitted;
        copy.children.addAll(children);
        copy.ofTheFiles = ofTheFiles;
        return copy;
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
