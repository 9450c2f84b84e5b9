package org.placementmatcher.contract;

import java.util.List;

/** An input was rejected as a whole; carries every problem found, each with its JSON path. */
public class InvalidProblemException extends RuntimeException {

    private final List<ProblemError> errors;

    public InvalidProblemException(List<ProblemError> errors) {
        super(errors.size() + " problem(s) in the input, first: " + errors.getFirst().path() + ": "
                + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
