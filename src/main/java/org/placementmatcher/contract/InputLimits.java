package org.placementmatcher.contract;

import java.util.Locale;

/**
 * The bounds on numbers of the contract's section 10, chosen so that no score can overflow: the largest
 * soft total, 100,000 children each at £1,000,000 a week weighted 1,000,000, is 10^17, within a long
 * (about 9.2 × 10^18). Text has its own rules ({@link TextRules}).
 */
public final class InputLimits {

    public static final double MAX_WEEKLY_COST = 1_000_000;
    public static final long MAX_WEIGHT = 1_000_000;
    public static final int MAX_PLACES = 1_000;
    public static final double MAX_RADIUS_MILES = 1_000;
    public static final int MAX_PROVIDERS = 100_000;
    public static final int MAX_CHILDREN = 100_000;
    /** Any JSON array, so that no list (and no body) is built into a tree of millions of values. */
    public static final int MAX_ARRAY_ENTRIES = Math.max(MAX_PROVIDERS, MAX_CHILDREN);

    private InputLimits() {}

    /** The one wording of a list past its limit. */
    public static String tooManyEntries(long entries, int maxEntries) {
        return "has " + entries + " entries; at most " + String.format(Locale.ROOT, "%,d", maxEntries)
                + " are accepted";
    }
}
