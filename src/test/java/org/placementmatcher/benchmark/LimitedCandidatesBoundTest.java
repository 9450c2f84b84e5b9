package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.benchmark.TinyProblems.AGE_10;
import static org.placementmatcher.benchmark.TinyProblems.AGE_14;
import static org.placementmatcher.benchmark.TinyProblems.child;
import static org.placementmatcher.benchmark.TinyProblems.problem;
import static org.placementmatcher.benchmark.TinyProblems.provider;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.BestBound;
import org.placementmatcher.solver.LagrangianBound;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The best bound where units' candidates are only their cheapest k ({@link PlacementUnit#omittedPointsAtLeast()}): with
 * each unit's option "somewhere beyond its list" at T (the points of its first provider left out) it is never better
 * than the whole problem's optimum. Without it (the same lists, T = MAX) it bounds the restricted problem and claims
 * better than the optimum: shown on each problem, so these tests fail if the option were missing.
 */
class LimitedCandidatesBoundTest {

    private static final String HOME = "RESIDENTIAL_HOME";
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    /** The county sample's proven optimum (SCIP, solver-config/BENCHMARKS.md). */
    private static final HardMediumSoftScore COUNTY_OPTIMUM = HardMediumSoftScore.of(0, -30, -538611);

    private static long deadline(int seconds) {
        return System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    }

    /** Limits every movable unit to its first k candidates, the rest at least T (or MAX: the naive restriction). */
    private static PlacementSolution limited(PlacementSolution solution, int k, boolean withT) {
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> all = unit.getCandidates();
            if (!unit.isPinned() && all.size() > k) {
                unit.limitCandidates(all.subList(0, k), withT ? unit.staticSoftPoints(all.get(k)) : Long.MAX_VALUE);
            }
        }
        return solution;
    }

    private static HardMediumSoftScore score(LagrangianBound.Result r) {
        return HardMediumSoftScore.of(0, r.mediumBound(), r.softBound());
    }

    /**
     * C1 and C2, siblings who may live apart; P1 1 place £100, P2 2 places £400, P3 2 places £300: the optimum keeps
     * them together at P3, 600. Each limited to P1 (the rest at least 300): restricted, one must stay unplaced (a
     * medium bound the optimum beats); with the options beyond (each member's and each block's), both are placed and
     * the soft bound stays at most 600.
     */
    @Test
    void anApartGroupLimitedToOneProvider() {
        String apart = "\"siblingGroup\": \"S1\", \"placeTogether\": false";
        String json = problem(
                "",
                List.of(
                        provider("P1", HOME, 1, 100, ""),
                        provider("P2", HOME, 2, 400, ""),
                        provider("P3", HOME, 2, 300, "")),
                List.of(child("C1", AGE_14, "PLANNED", apart), child("C2", AGE_10, "PLANNED", apart)));

        LagrangianBound.Result naive = LagrangianBound.bound(
                limited(TinyProblems.solution(json), 1, false), null, deadline(5), () -> false, QUIET);
        LagrangianBound.Result result = LagrangianBound.bound(
                limited(TinyProblems.solution(json), 1, true), null, deadline(5), () -> false, QUIET);

        assertThat(naive.mediumBound()).as("restricted: invalid").isEqualTo(-1);
        assertThat(result.mediumBound()).isZero();
        assertThat(result.softPointsBound()).isBetween(1L, 600L);
    }

    /**
     * Random tiny caseloads with every rule the bound relaxes or strengthens (apart and together groups, sole
     * placements, pinned units...), each unit limited to its first 1 or 2 candidates: the bound never beats the whole
     * problem's exact optimum, lexicographically; the naive restriction does on some.
     */
    @Test
    void neverBeatsTheExactOptimumOnRandomTinyProblems() {
        OrToolsNative.assumeAvailable(); // compared with the exact solver
        PlacementSolver solver = PlacementSolver.fromClasspathConfig();
        Random random = new Random(11);
        int naiveBeats = 0;
        for (int i = 0; i < 30; i++) {
            String json = LagrangianBoundTest.randomProblem(random);
            ExactSolver.Result exact = new ExactSolver(solver, ExactSolver.Backend.SCIP, 1)
                    .solve(TinyProblems.solution(json), Duration.ofSeconds(20), null);
            assertThat(exact.optimal()).as(json).isTrue();
            HardMediumSoftScore optimum = HardMediumSoftScore.of(
                    0, exact.score().mediumScore(), exact.score().softScore());
            for (int k = 1; k <= 2; k++) {
                LagrangianBound.Result result = LagrangianBound.bound(
                        limited(TinyProblems.solution(json), k, true), null, deadline(3), () -> false, QUIET);
                assertThat(score(result)).as("k=%d %s", k, json).isGreaterThanOrEqualTo(optimum);
                assertThat(result.mediumBound()).as("the flow's").isGreaterThanOrEqualTo(optimum.mediumScore());

                LagrangianBound.Result naive = LagrangianBound.bound(
                        limited(TinyProblems.solution(json), k, false), null, deadline(3), () -> false, QUIET);
                naiveBeats += naive != null && score(naive).compareTo(optimum) < 0 ? 1 : 0;
            }
        }
        assertThat(naiveBeats)
                .as("instances where the restricted bound is invalid")
                .isPositive();
    }

    /**
     * The county sample, every unit limited to its first k = 1, 3, 10 candidates: the bound (medium from the flow,
     * soft from the Lagrangian phases) never beats the proven optimum, nor does the product's {@link BestBound} (given
     * the optimum as the plan, it reports a bound, where the restricted one is caught beating the plan).
     */
    @Test
    void neverBeatsTheCountyOptimum() throws Exception {
        String json = Files.readString(Path.of("sample-data", "county.json"));
        PlacementSolver solver = PlacementSolver.fromClasspathConfig();
        for (int k : new int[] {1, 3, 10}) {
            LagrangianBound.Result result = LagrangianBound.bound(
                    limited(ProblemMapper.toSolution(ProblemReader.read(json)), k, true),
                    null,
                    deadline(6),
                    () -> false,
                    QUIET);
            LagrangianBound.Result naive = LagrangianBound.bound(
                    limited(ProblemMapper.toSolution(ProblemReader.read(json)), k, false),
                    null,
                    deadline(2),
                    () -> false,
                    QUIET);
            System.out.printf(
                    "county k=%d: bound %s (flow soft %s, phase 1 %s, phase 2 %s); restricted %s; optimum %s%n",
                    k,
                    score(result),
                    result.flowSoftPoints(),
                    result.capacitySoftPoints(),
                    result.decompositionSoftPoints(),
                    naive == null ? "none" : score(naive),
                    COUNTY_OPTIMUM);

            assertThat(score(result)).isGreaterThanOrEqualTo(COUNTY_OPTIMUM);
            assertThat(score(naive)).as("restricted: invalid").isLessThan(COUNTY_OPTIMUM);
            HardMediumSoftScore best = BestBound.of(
                    limited(ProblemMapper.toSolution(ProblemReader.read(json)), k, true),
                    solver,
                    COUNTY_OPTIMUM,
                    deadline(3),
                    () -> false);
            assertThat(best).isNotNull().isGreaterThanOrEqualTo(COUNTY_OPTIMUM);
        }
    }
}
