package org.placementmatcher.register;

import java.util.List;
import org.placementmatcher.contract.ProblemError;

/**
 * The register's refusals that are not bad input (bad input is an
 * {@link org.placementmatcher.contract.InvalidProblemException}, 400): something unknown (404) or a
 * request that collides with the register's state or with another change (409), or data deleted under
 * the retention policy (410). All answer with the
 * API's usual {@code {"errors": [{"path", "message"}]}}.
 */
public final class RegisterErrors {

    private RegisterErrors() {}

    /** An unknown authority, child, provider or run. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A run's data (snapshot, plan, analysis) deleted under the retention policy: the run is known, its data are not. */
    public static class Gone extends RuntimeException {
        public Gone(String message) {
            super(message);
        }
    }

    /** Refused because of the state of the register or of another change happening at the same time. */
    public static class Conflict extends RuntimeException {
        private final List<ProblemError> errors;

        public Conflict(String path, String message) {
            this(List.of(new ProblemError(path, message)));
        }

        public Conflict(List<ProblemError> errors) {
            super(errors.getFirst().message());
            this.errors = List.copyOf(errors);
        }

        public List<ProblemError> errors() {
            return errors;
        }
    }
}
