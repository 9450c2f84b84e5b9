package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/** The contract's score text, e.g. {@code 0hard/-3medium/-123456soft}. */
public final class ScoreText {

    private ScoreText() {}

    public static String format(HardMediumSoftScore score) {
        return score.hardScore() + "hard/" + score.mediumScore() + "medium/" + score.softScore() + "soft";
    }
}
