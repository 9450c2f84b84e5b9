package org.placementmatcher.solver;

import org.eclipse.microprofile.config.ConfigProvider;
import org.placementmatcher.domain.CandidateSearch;

/**
 * How many providers each unit may go to at all (its value range) on a problem too large to list every eligible one:
 * its cheapest eligible ones, found by {@link CandidateSearch} without checking every pair. A national caseload has
 * billions of unit-provider pairs: checking them all takes a quarter of an hour and keeping them all more memory than
 * a server has. Smaller problems (up to a co-operative's hundred million pairs) keep every eligible provider, so the
 * gate changes nothing for them.
 */
public final class CandidateUniverse {

    /** The configuration key of the limit ({@code PLACEMENT_SOLVER_UNIVERSE} in the environment). */
    public static final String PROPERTY = "placement.solver.universe";

    public static final int DEFAULT = 1000;

    /** The configuration key of the gate: units times providers above which units are limited. */
    public static final String ABOVE_PROPERTY = "placement.solver.universe-above";

    public static final long DEFAULT_ABOVE = 1_000_000_000L;

    private CandidateUniverse() {}

    /** The configured limit (at least 1), or {@link #DEFAULT}. */
    public static int configured() {
        return CandidateLimit.configuredAtLeastOne(PROPERTY, DEFAULT);
    }

    /** The configured gate (at least 0), or {@link #DEFAULT_ABOVE}. */
    public static long configuredAbove() {
        long above = ConfigProvider.getConfig()
                .getOptionalValue(ABOVE_PROPERTY, Long.class)
                .orElse(DEFAULT_ABOVE);
        if (above < 0) {
            throw new IllegalArgumentException(ABOVE_PROPERTY + " must not be negative, not " + above);
        }
        return above;
    }

    /** Whether a problem of that many units and providers is limited: its pairs exceed the gate. */
    public static boolean applies(long units, long providers, long above) {
        return units * providers > above;
    }
}
