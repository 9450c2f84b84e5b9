package org.placementmatcher.solver;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many providers of each unit the construction's flow is offered at first, and the local search's aimed moves look
 * at: the unit's cheapest eligible ones with room (its candidates come cheapest first by its own soft points:
 * distance, cost, the authority, so mostly the nearest). A region has millions of unit-provider pairs and a
 * co-operative tens of millions.
 *
 * <p>The limit does not change the flow's answer: pricing ({@link PlacementFlow#solvePriced}) offers a unit the
 * providers beyond its limit that would lower the flow's cost, until none would, so the flow is the optimum of the
 * whole network and nobody is left unplaced for want of candidates (unless the time limit stops pricing first: the
 * rounding then frees a place for a unit left without one, among its first candidates). Where demand exceeds nearby supply (the rcc
 * sample) the optimum sends many units far down their lists. The value range (every eligible provider) is not
 * limited: Timefold's plain change and swap moves still reach every provider.
 */
public final class CandidateLimit {

    /** The configuration key ({@code PLACEMENT_SOLVER_CANDIDATES} in the environment). */
    public static final String PROPERTY = "placement.solver.candidates";

    public static final int DEFAULT = 200;

    /** No limit: every eligible provider (the bound's relaxation up to a region's size, and the flows that price places). */
    public static final int NONE = Integer.MAX_VALUE;

    private CandidateLimit() {}

    /** The configured limit (at least 1), or {@link #DEFAULT}. */
    public static int configured() {
        return configuredAtLeastOne(PROPERTY, DEFAULT);
    }

    /** A solver count setting: the configured value of the key, or the default; at least 1. */
    static int configuredAtLeastOne(String key, int defaultValue) {
        int value =
                ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(defaultValue);
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + value);
        }
        return value;
    }
}
