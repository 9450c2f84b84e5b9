package org.placementmatcher.solver;

import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementSolution;

/** The min-cost-flow relaxation the bound starts from ({@link LagrangianBound}): its medium, and a first soft bound. */
final class BoundRelaxation {

    private BoundRelaxation() {}

    /** Above this many eligible unit-provider pairs the bound's flow is priced rather than whole (rcc: 27 million). */
    static final long WHOLE_NETWORK_MAX_ARCS = 10_000_000;

    /**
     * The min-cost-flow relaxation, whole or priced: the same optimum either way ({@link PlacementFlow#solvePriced}).
     * A region's whole network (5 million arcs) solves in about half the time the priced one takes; a co-operative's
     * takes about as long either way, and whole it holds every eligible arc beside the construction's flow, which is
     * where the heap went.
     */
    static FlowRelaxation solve(PlacementSolution solution, BooleanSupplier outOfTime) {
        return solve(solution, outOfTime, WHOLE_NETWORK_MAX_ARCS);
    }

    static FlowRelaxation solve(PlacementSolution solution, BooleanSupplier outOfTime, long wholeNetworkMaxArcs) {
        long arcs = solution.getUnits().stream()
                .filter(u -> !u.isPinned())
                .mapToLong(u -> u.getCandidates().size())
                .sum();
        if (arcs > wholeNetworkMaxArcs) {
            return PlacementFlow.boundLimited(solution, CandidateLimit.configured())
                    .solvePriced(outOfTime);
        }
        return new PlacementFlow(solution).solve(outOfTime);
    }
}
