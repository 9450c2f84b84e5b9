package org.placementmatcher.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.ortools.Loader;

/**
 * Whether OR-Tools' native library loads on this machine, tried once. The build ships only the Linux x86-64
 * native library (see the POM), so on other machines (aarch64, macOS, Windows) the exact reference solver
 * cannot run: its tests are skipped there, saying why, instead of failing the build.
 */
final class OrToolsNative {

    /** Set to {@code true} to act as if the native library were missing (to try the skip path on any machine). */
    static final String DISABLED_PROPERTY = "placement.ortools.disabled";

    private static boolean tried;
    private static String unavailableReason;

    private OrToolsNative() {}

    /** Loads the native library once (about 0.4 s); throws where it cannot be loaded. */
    static synchronized void load() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException("OR-Tools is unavailable: " + reason);
        }
    }

    /** Why the native library cannot be used here, or null when it is loaded. */
    static synchronized String unavailableReason() {
        if (!tried) {
            tried = true;
            unavailableReason = tryLoading();
        }
        return unavailableReason;
    }

    /** Skips the calling test where the native library cannot be loaded. */
    static void assumeAvailable() {
        String reason = unavailableReason();
        assumeTrue(
                reason == null,
                () -> "Skipped: the OR-Tools reference solver's native library is not available on" + " this machine ("
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + reason);
    }

    private static String tryLoading() {
        if (Boolean.getBoolean(DISABLED_PROPERTY)) {
            return "switched off with -D" + DISABLED_PROPERTY + "=true";
        }
        try {
            Loader.loadNativeLibraries();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
