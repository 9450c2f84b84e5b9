package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.SoftTerm;

/**
 * What the named children add to the score at one position: hard points per rule (indexed by
 * {@link HardRule#ordinal()}), medium, and soft points per term (by {@link SoftTerm#ordinal()}).
 * An option that breaks a hard rule is only ever explained, never scored, so its soft points and miles are
 * left at zero.
 */
record Contribution(int[] hard, long medium, long[] soft, double maxMiles) {

    /** The rules a contribution's hard points are indexed by, read once: {@code values()} copies on every call. */
    static final HardRule[] HARD_RULES = HardRule.values();

    /** The terms a contribution's soft points are indexed by, read once likewise. */
    static final SoftTerm[] SOFT_TERMS = SoftTerm.values();

    HardMediumSoftScore score() {
        long hardTotal = 0;
        for (int points : hard) {
            hardTotal += points;
        }
        long softTotal = 0;
        for (long points : soft) {
            softTotal += points;
        }
        return HardMediumSoftScore.of(-hardTotal, medium, -softTotal);
    }

    boolean violatesHardRules() {
        return anyPositive(hard);
    }

    List<HardRule> violatedRules() {
        List<HardRule> violated = new ArrayList<>(2);
        for (HardRule rule : HARD_RULES) {
            if (hard[rule.ordinal()] > 0) {
                violated.add(rule);
            }
        }
        return violated;
    }

    long soft(SoftTerm term) {
        return soft[term.ordinal()];
    }

    /** Whether any rule has points: also asked of hard points still being added up, before they are a contribution. */
    static boolean anyPositive(int[] points) {
        for (int p : points) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }
}
