package org.placementmatcher.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.GreedyPlacement;

/**
 * Current practice, mimicked: nobody already placed moves (except children whose placement is ending,
 * needsMove, who wait with the others), and waiting children are matched one unit at a time, most urgent
 * first, each into the placement that breaks no rule at that moment and adds the fewest soft points then.
 * Nothing is revisited. This is the engine's own construction ({@link GreedyPlacement}) without its repair
 * step, so the benchmark measures exactly what local search adds to it.
 */
public final class GreedyBaseline {

    private GreedyBaseline() {}

    /** Matches the waiting units of a solution from {@code ProblemMapper.toSolution}; the caller scores it. */
    public static PlacementSolution solve(PlacementSolution solution) {
        GreedyPlacement.apply(solution);
        return solution;
    }

    /** Each unit's provider by unit id (a hint for the exact solver). */
    public static Map<String, Provider> assignment(PlacementSolution solution) {
        Map<String, Provider> byId = new LinkedHashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            byId.put(unit.getId(), unit.getProvider());
        }
        return byId;
    }
}
