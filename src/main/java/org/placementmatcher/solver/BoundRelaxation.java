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
        return solveWithPrices(solution, outOfTime, wholeNetworkMaxArcs).totals();
    }

    /**
     * The flow's totals, and the prices its potentials prove ({@link FlowNetwork.PlacePrices}; null where the flow was
     * not solved completely): at these the Lagrangian bound's first phase starts where the flow ends ({@link
     * LagrangianBound}).
     */
    record Priced(FlowRelaxation totals, FlowNetwork.PlacePrices prices) {}

    static Priced solveWithPrices(PlacementSolution solution, BooleanSupplier outOfTime) {
        return solveWithPrices(solution, outOfTime, WHOLE_NETWORK_MAX_ARCS);
    }

    static Priced solveWithPrices(PlacementSolution solution, BooleanSupplier outOfTime, long wholeNetworkMaxArcs) {
        long arcs = solution.getUnits().stream()
                .filter(u -> !u.isPinned())
                .mapToLong(u -> u.getCandidates().size())
                .sum();
        PlacementFlow flow = arcs > wholeNetworkMaxArcs
                ? PlacementFlow.boundLimited(solution, CandidateLimit.configured())
                : new PlacementFlow(solution);
        FlowRelaxation totals = arcs > wholeNetworkMaxArcs ? flow.solvePriced(outOfTime) : flow.solve(outOfTime);
        return new Priced(totals, totals.complete() ? flow.placePrices() : null);
    }
}
