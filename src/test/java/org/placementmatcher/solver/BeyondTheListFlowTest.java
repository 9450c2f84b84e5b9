package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_10;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_14;
import static org.placementmatcher.solver.PlacementFlowTest.child;
import static org.placementmatcher.solver.PlacementFlowTest.provider;
import static org.placementmatcher.solver.PlacementFlowTest.solution;
import static org.placementmatcher.solver.PlacementFlowTest.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The bound's flow where units' candidates are only their cheapest few ({@link PlacementUnit#omittedPointsAtLeast()}):
 * each such unit's arc "somewhere beyond its list" keeps it a bound on the whole problem. Without it (the same lists,
 * T = MAX) the flow bounds the restricted problem, and claims better than the true optimum.
 */
class BeyondTheListFlowTest {

    /** Limits the unit to its first {@code k} candidates, the rest costing at least T (or MAX: the naive restriction). */
    static void limit(PlacementUnit unit, int k, boolean withT) {
        List<Provider> all = unit.getCandidates();
        if (all.size() > k) {
            unit.limitCandidates(all.subList(0, k), withT ? unit.staticSoftPoints(all.get(k)) : Long.MAX_VALUE);
        }
    }

    /**
     * C1 and C2 (both 14), P1 £100, P2 £200, P3 £300, one place each: the optimum places both, 300. Each limited to
     * P1 (the rest at least 200): restricted, one of them stays unplaced (a medium bound no plan's medium meets:
     * invalid); with the arc beyond, both are placed at 100 + 200.
     */
    @Test
    void aUnitLimitedToFullProvidersIsStillPlaceable() {
        for (boolean withT : new boolean[] {false, true}) {
            PlacementSolution solution = solution(
                    List.of(
                            provider("P1", 1, 0, 17, 100, ""),
                            provider("P2", 1, 0, 17, 200, ""),
                            provider("P3", 1, 0, 17, 300, "")),
                    List.of(child("C1", AGE_14, "PLANNED", ""), child("C2", AGE_14, "PLANNED", "")));
            solution.getUnits().forEach(u -> limit(u, 1, withT));

            FlowRelaxation whole = new PlacementFlow(solution).solve(() -> false);
            FlowRelaxation priced = BoundRelaxation.solve(solution, () -> false, 0);

            for (FlowRelaxation flow : List.of(whole, priced)) {
                assertThat(flow.isBound()).isTrue();
                if (withT) {
                    assertThat(flow.unplacedWeightBound()).isZero();
                    assertThat(flow.softPointsBound()).isEqualTo(300);
                } else {
                    assertThat(flow.unplacedWeightBound())
                            .as("restricted: invalid")
                            .isPositive();
                }
            }
        }
    }

    /**
     * C1 (10) may go to P1 £100 or P2 £200 (ages 0-12), C2 (14) to P1 or P3 £500 (13-17), one place each: the optimum
     * is C1 at P2 and C2 at P1, 300. C1 limited to P1 (P2 left out, at least 200): restricted, the flow can only send
     * C2 to P3, 600, more than the optimum (invalid); with the arc beyond, 300.
     */
    @Test
    void aLimitedUnitsSoftPointsBeyondItsListAreCountedAtT() {
        for (boolean withT : new boolean[] {false, true}) {
            PlacementSolution solution = solution(
                    List.of(
                            provider("P1", 1, 0, 17, 100, ""),
                            provider("P2", 1, 0, 12, 200, ""),
                            provider("P3", 1, 13, 17, 500, "")),
                    List.of(child("C1", AGE_10, "PLANNED", ""), child("C2", AGE_14, "PLANNED", "")));
            limit(unit(solution, "C1"), 1, withT);

            // Solved whole (the arc beyond the list), then priced (which widens the list, so it comes second).
            for (FlowRelaxation flow : List.of(
                    new PlacementFlow(solution).solve(() -> false), BoundRelaxation.solve(solution, () -> false))) {
                assertThat(flow.isBound()).isTrue();
                assertThat(flow.unplacedWeightBound()).isZero();
                assertThat(flow.softPointsBound()).isEqualTo(withT ? 300 : 600);
            }
        }
    }

    /**
     * County, every unit limited to its first k candidates: whole and priced agree, and the flow never claims more than
     * the whole problem's flow (a relaxation of the whole problem, weaker or equal).
     */
    @Test
    void onTheCountyTheLimitedFlowNeverBeatsTheWholeOne() throws Exception {
        String json = Files.readString(Path.of("sample-data", "county.json"));
        FlowRelaxation full = new PlacementFlow(ProblemMapper.toSolution(ProblemReader.read(json))).solve(() -> false);
        for (int k : new int[] {1, 3, 10}) {
            PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(json));
            solution.getUnits().stream().filter(u -> !u.isPinned()).forEach(u -> limit(u, k, true));

            FlowRelaxation whole = new PlacementFlow(solution).solve(() -> false);
            FlowRelaxation priced = BoundRelaxation.solve(solution, () -> false, 0);

            assertThat(whole.isBound()).isTrue();
            assertThat(priced.unplacedWeightBound()).isEqualTo(whole.unplacedWeightBound());
            assertThat(priced.softPointsBound()).isEqualTo(whole.softPointsBound());
            assertThat(whole.unplacedWeightBound()).isLessThanOrEqualTo(full.unplacedWeightBound());
            if (whole.unplacedWeightBound() == full.unplacedWeightBound()) {
                assertThat(whole.softPointsBound()).isLessThanOrEqualTo(full.softPointsBound());
            }
            // The same lists without the arc beyond: the restricted problem's flow, better than the whole one's.
            PlacementSolution naive = ProblemMapper.toSolution(ProblemReader.read(json));
            naive.getUnits().stream().filter(u -> !u.isPinned()).forEach(u -> limit(u, k, false));
            FlowRelaxation restricted = BoundRelaxation.solve(naive, () -> false, Long.MAX_VALUE);
            assertThat(restricted.unplacedWeightBound() > full.unplacedWeightBound()
                            || restricted.unplacedWeightBound() == full.unplacedWeightBound()
                                    && restricted.softPointsBound() > full.softPointsBound())
                    .as("the restricted flow claims more than the whole problem's optimum can be")
                    .isTrue();
            System.out.printf(
                    "county k=%d: flow unplaced %d soft %d; restricted %d, %d; whole problem %d, %d%n",
                    k,
                    whole.unplacedWeightBound(),
                    whole.softPointsBound(),
                    restricted.unplacedWeightBound(),
                    restricted.softPointsBound(),
                    full.unplacedWeightBound(),
                    full.softPointsBound());
        }
    }
}
