package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_10;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_14;
import static org.placementmatcher.solver.PlacementFlowTest.child;
import static org.placementmatcher.solver.PlacementFlowTest.provider;
import static org.placementmatcher.solver.PlacementFlowTest.providerNamed;
import static org.placementmatcher.solver.PlacementFlowTest.solution;
import static org.placementmatcher.solver.PlacementFlowTest.unit;

import ai.timefold.solver.core.preview.api.move.Move;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.placementmatcher.domain.PlacementSolution;

/** The retrial's exchanges offered to local search near its end ({@link LateExchanges}). */
class LateExchangesTest {

    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();
    private static final long SECOND = 1_000_000_000L;

    @Test
    void dueThreePassesBeforeTheEndWhereSearchHasHadFivePassesFirst() {
        // A limit 100 s after local search starts, told to end 1 s early, a pass of 2 s: due 6 s before that end.
        assertThat(LateExchanges.dueAt(0, 100 * SECOND, 2 * SECOND, SECOND)).isEqualTo(93 * SECOND);
        // Due at 10 s in: local search has had exactly five passes' time first.
        assertThat(LateExchanges.dueAt(0, 17 * SECOND, 2 * SECOND, SECOND)).isEqualTo(10 * SECOND);
        // One second less, and local search would have had too little.
        assertThat(LateExchanges.dueAt(0, 16 * SECOND, 2 * SECOND, SECOND)).isEqualTo(LateExchanges.NEVER);
    }

    @Test
    void neverDueWithoutATimeLimitOrWhereTheRetrialDidNotRun() {
        assertThat(LateExchanges.dueAt(0, null, 2 * SECOND, 0)).isEqualTo(LateExchanges.NEVER);
        assertThat(LateExchanges.dueAt(0, 100 * SECOND, null, 0)).isEqualTo(LateExchanges.NEVER);
    }

    /**
     * P (100 a week) and Q (200) are empty, two places each; the single child S (aged 14) and the sibling group G (two
     * aged 10) are at R (300, six places).
     */
    private static PlacementSolution everyoneAtTheDearestPlace() {
        PlacementSolution solution = solution(
                List.of(
                        provider("P", 2, 0, 17, 100, ""),
                        provider("Q", 2, 0, 17, 200, ""),
                        provider("R", 6, 0, 17, 300, "")),
                List.of(
                        child("G1", AGE_10, "PLANNED", ", \"siblingGroup\": \"G\", \"placeTogether\": true"),
                        child("G2", AGE_10, "PLANNED", ", \"siblingGroup\": \"G\", \"placeTogether\": true"),
                        child("S", AGE_14, "PLANNED", "")));
        unit(solution, "G1").setProvider(providerNamed(solution, "R"));
        unit(solution, "S").setProvider(providerNamed(solution, "R"));
        return solution;
    }

    /**
     * Every move offered from {@code dueNanos}, to be over by {@code endsNanos} with passes of {@code passNanos}, each
     * done at once (as local search would take it); the plan after.
     */
    private static Map<String, String> offeredAndTaken(
            long dueNanos, Long endsNanos, long passNanos, AtomicInteger movesOffered) {
        Map<String, String> plan = new HashMap<>();
        SOLVER.run(everyoneAtTheDearestPlace(), context -> {
            LateExchanges late = new LateExchanges(FlowConstruction.providerVariable(context));
            late.offer(dueNanos, endsNanos, passNanos);
            for (Move<PlacementSolution> move; (move = late.next(context.getWorkingSolution())) != null; ) {
                movesOffered.incrementAndGet();
                context.execute(move);
            }
            plan.putAll(PlacementFlowTest.unitPlaces(context.getWorkingSolution()));
        });
        return plan;
    }

    @Test
    void onceDueTheSingleChildrenAreRoutedAgainThenTheGroupsExchangedEachOnceThenNothingMore() {
        assumeTrue(LibraryFlowSolve.available(), "OR-Tools' native library does not load on this machine");
        AtomicInteger offered = new AtomicInteger();
        Map<String, String> plan = offeredAndTaken(System.nanoTime(), null, 0, offered);

        // First S, routed around G held at R, goes to P, the cheapest; then G, exchanged around S held at P, to Q, the
        // cheapest place with room for both; the second pass of the single children finds nothing: two moves in all.
        assertThat(plan).containsEntry("child:S", "P").containsEntry("group:G", "Q");
        assertThat(offered).hasValue(2);
    }

    @Test
    void beforeTheyAreDueNothingIsOffered() {
        AtomicInteger offered = new AtomicInteger();
        Map<String, String> plan = offeredAndTaken(System.nanoTime() + 3_600 * SECOND, null, 0, offered);

        assertThat(plan).containsEntry("child:S", "R").containsEntry("group:G", "R");
        assertThat(offered).hasValue(0);
    }

    @Test
    void withLessThanAPassLeftBeforeTheEndNoStepStarts() {
        AtomicInteger offered = new AtomicInteger();
        long now = System.nanoTime();
        Map<String, String> plan = offeredAndTaken(now, now + SECOND, 3_600 * SECOND, offered);

        assertThat(plan).containsEntry("child:S", "R").containsEntry("group:G", "R");
        assertThat(offered).hasValue(0);
    }
}
