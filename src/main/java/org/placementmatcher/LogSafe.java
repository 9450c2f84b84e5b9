package org.placementmatcher;

/**
 * A failure as the log records it: its type and where it was thrown, and the same for its causes, never a
 * message: messages (Jackson's, the database's, ours) may quote a child's record, which must not reach a log.
 */
public final class LogSafe {

    /** Causes past this many are left out: enough to see a driver's error under a transaction's wrapper. */
    private static final int MAX_CAUSES = 4;

    private LogSafe() {}

    /** E.g. {@code java.lang.IllegalStateException at org.x.Y.z(Y.java:12), caused by java.sql.SQLException at ...}. */
    public static String failure(Throwable failure) {
        StringBuilder line = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth <= MAX_CAUSES; depth++, current = current.getCause()) {
            if (depth > 0) {
                line.append(", caused by ");
            }
            StackTraceElement[] trace = current.getStackTrace();
            line.append(current.getClass().getName()).append(trace.length == 0 ? "" : " at " + trace[0]);
            if (current.getCause() == current) {
                break;
            }
        }
        return line.toString();
    }
}
