package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The best score a solve has reached so far, told by the solver's thread and read by others (the bound working
 * beside it aims its steps there). Only ever improves: a score told late or twice cannot take it back.
 */
public final class BestScoreSoFar {

    private final AtomicReference<HardMediumSoftScore> best = new AtomicReference<>();

    /** A plan's score; kept when better than the best so far. */
    public void offer(HardMediumSoftScore score) {
        if (score != null) {
            best.accumulateAndGet(score, (kept, told) -> kept == null || told.compareTo(kept) > 0 ? told : kept);
        }
    }

    /** The best score so far, or null before the first. */
    public HardMediumSoftScore get() {
        return best.get();
    }
}
