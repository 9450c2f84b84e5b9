package org.placementmatcher.domain;

/**
 * Ofsted's overall judgement of a provider at its latest full inspection, best first (Ofsted's grades 1 to 4).
 * A provider not yet inspected, or not inspected by Ofsted at all (a council's own foster carers), has none.
 */
public enum OfstedJudgement {
    OUTSTANDING,
    GOOD,
    REQUIRES_IMPROVEMENT,
    INADEQUATE;

    /** True when this judgement is worse than the minimum; nothing is below no minimum (null). */
    public boolean isBelow(OfstedJudgement minimum) {
        return minimum != null && ordinal() > minimum.ordinal();
    }
}
