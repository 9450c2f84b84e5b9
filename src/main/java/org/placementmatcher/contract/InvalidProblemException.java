package org.placementmatcher.contract;

import java.util.List;

/**
 * An input was rejected as a whole; carries the problems found, each with its JSON path: at most
 * {@value ProblemErrors#MAX_LISTED} of them, and the count of the rest ({@link #reported()} lists them as
 * the contract's section 10 asks).
 */
public class InvalidProblemException extends RuntimeException {

    private final List<ProblemError> errors;
    private final long omitted;

    public InvalidProblemException(List<ProblemError> errors) {
        this(errors, 0);
    }

    /** Problems beyond the listed ones were counted but not kept: {@code omitted} of them. */
    public InvalidProblemException(List<ProblemError> errors, long omitted) {
        super(errors.size() + omitted + " problem(s) in the input, first: "
                + errors.getFirst().path() + ": " + errors.getFirst().message());
        int listed = Math.min(errors.size(), ProblemErrors.MAX_LISTED);
        this.errors = List.copyOf(errors.subList(0, listed));
        this.omitted = omitted + errors.size() - listed;
    }

    /** The listed problems (at most {@value ProblemErrors#MAX_LISTED}). */
    public List<ProblemError> errors() {
        return errors;
    }

    /** Problems found beyond the listed ones. */
    public long omitted() {
        return omitted;
    }

    /** The problems as an answer lists them: the listed ones, then "and N more" when some were left out. */
    public List<ProblemError> reported() {
        return ProblemErrors.reported(errors, omitted);
    }
}
