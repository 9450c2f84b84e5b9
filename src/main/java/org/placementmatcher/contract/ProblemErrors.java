package org.placementmatcher.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one input, as the contract lists them (section 10): at most {@value #MAX_LISTED},
 * then one {@code {"path": "$", "message": "and N more"}}. Past the cap only a count is kept, so a hostile
 * input with millions of faults costs no more memory than one with a hundred.
 */
public final class ProblemErrors {

    public static final int MAX_LISTED = 100;

    private final List<ProblemError> listed = new ArrayList<>();
    private long omitted;

    public void add(String path, String message) {
        if (listed.size() < MAX_LISTED) {
            listed.add(new ProblemError(path, message));
        } else {
            omitted++;
        }
    }

    /** Adds the problems of a rejected part (e.g. the {@code problem} of a match request), its uncounted ones included. */
    public void addAll(InvalidProblemException rejected) {
        rejected.errors().forEach(e -> add(e.path(), e.message()));
        omitted += rejected.omitted();
    }

    public boolean isEmpty() {
        return listed.isEmpty();
    }

    /** Throws the problems found, if any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidProblemException(listed, omitted);
        }
    }

    /** The errors as an answer lists them: the first {@value #MAX_LISTED} and, if there were more, "and N more". */
    public static List<ProblemError> reported(List<ProblemError> listed, long omitted) {
        long more = omitted + Math.max(0, listed.size() - MAX_LISTED);
        if (more == 0) {
            return List.copyOf(listed);
        }
        List<ProblemError> reported = new ArrayList<>(listed.subList(0, Math.min(listed.size(), MAX_LISTED)));
        reported.add(new ProblemError("$", "and " + more + " more"));
        return List.copyOf(reported);
    }
}
