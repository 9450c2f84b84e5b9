package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.placementmatcher.benchmark.TinyProblems.AGE_10;
import static org.placementmatcher.benchmark.TinyProblems.AGE_14;
import static org.placementmatcher.benchmark.TinyProblems.child;
import static org.placementmatcher.benchmark.TinyProblems.problem;
import static org.placementmatcher.benchmark.TinyProblems.provider;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.BestBound;
import org.placementmatcher.solver.LagrangianBound;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanProof;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;

/**
 * Every plan's proof ({@link BestBound}): the bound is an upper bound on the score of every plan (never better than
 * a proven optimum, in Timefold's order where higher is better), and the gap is how far a plan is below it. Checked
 * against problems whose optimum is worked out by hand (see {@link TinyProblems}: a child's soft points at a
 * provider are its weekly cost plus any term named) and against the exact solver's proven optimum.
 */
class BestBoundTest {

    private static final String HOME = "RESIDENTIAL_HOME";
    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();

    private static long deadline(int seconds) {
        return System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    }

    private static HardMediumSoftScore bound(PlacementSolution problem, HardMediumSoftScore plan) {
        return BestBound.of(problem, SOLVER, plan, deadline(20), () -> false);
    }

    /**
     * Siblings C1+C2 (together) and C3, who lives at P1 now (moving costs 2000). P1 2 places £100, P2 2 places £300.
     * The optimum: the siblings at P2 and C3 stays, 600 + 100 = 700. A relaxation letting the siblings take half of
     * P1's places beside C3 would claim 500, a plan no one can make.
     */
    private static final String PAIR = problem(
            "",
            List.of(provider("P1", HOME, 2, 100, ""), provider("P2", HOME, 2, 300, "")),
            List.of(
                    child("C1", AGE_14, "PLANNED", "\"siblingGroup\": \"S1\""),
                    child("C2", AGE_10, "PLANNED", "\"siblingGroup\": \"S1\""),
                    child("C3", AGE_14, "PLANNED", "\"currentPlacement\": \"P1\"")));

    @Test
    void theBoundIsTheKnownOptimumAndAnOptimalPlanIsProvenBest() {
        PlacementSolution problem = TinyProblems.solution(PAIR);
        HardMediumSoftScore optimum = HardMediumSoftScore.of(0, 0, -700);

        HardMediumSoftScore bound = bound(problem, optimum);

        assertThat(bound).isEqualTo(optimum);
        BestBound.Gap gap = BestBound.Gap.of(optimum, bound);
        assertThat(gap.percent()).isEqualTo(0.0);
        assertThat(gap.medium()).isZero();
    }

    /** The engine's own plan of the same problem: optimal, so proven the best possible; its plan says so. */
    @Test
    void aSolvedPlanCarriesItsProof() {
        PlacementSolver.Proven proven = SOLVER.solveAndBound(
                TinyProblems.solution(PAIR), Duration.ofSeconds(5), null, new PlacementSolver.Solving());

        PlacementPlan plan = PlanWriter.toPlan(proven);

        assertThat(plan.score()).isEqualTo("0hard/0medium/-700soft");
        assertThat(plan.bestBound()).isEqualTo("0hard/0medium/-700soft");
        assertThat(plan.gapPercent()).isEqualTo(0.0);
        assertThat(plan.mediumGap()).isZero();
        assertThat(PlanProof.words(plan)).isEqualTo("Proven to be the best possible plan");
    }

    /** A worse plan: 770 points against the bound's 700 is 10 % from the best possible plan; the bound stays. */
    @Test
    void theGapIsTheSoftDifferenceInPercentOfTheBound() {
        HardMediumSoftScore worse = HardMediumSoftScore.of(0, 0, -770);
        HardMediumSoftScore bound = bound(TinyProblems.solution(PAIR), worse);

        assertThat(bound).isEqualTo(HardMediumSoftScore.of(0, 0, -700));
        assertThat(BestBound.Gap.of(worse, bound).percent()).isEqualTo(10.0);
        // Rounded up, so "at most" stays true: 1 point in 700 is 0.1428... %.
        assertThat(BestBound.Gap.of(HardMediumSoftScore.of(0, 0, -701), bound).percent())
                .isEqualTo(0.15);
    }

    /**
     * Two beds (P1 £100, P2 £5000), two URGENT children and one PLANNED: the best plan leaves the PLANNED child out
     * (-1 medium), 5100 soft. A plan leaving an URGENT child out instead (-3 medium) is 2 urgency points short of it.
     */
    @Test
    void aPlanLeavingMoreUrgentNeedUnplacedIsShownByTheMediumGap() {
        PlacementSolution problem = TinyProblems.solution(problem(
                "",
                List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 1, 5000, "")),
                List.of(
                        child("C1", AGE_14, "PLANNED", ""),
                        child("C2", AGE_14, "URGENT", ""),
                        child("C3", AGE_14, "URGENT", ""))));
        HardMediumSoftScore plan = HardMediumSoftScore.of(0, -3, -5100);

        HardMediumSoftScore bound = bound(problem, plan);

        assertThat(bound).isEqualTo(HardMediumSoftScore.of(0, -1, -5100));
        BestBound.Gap gap = BestBound.Gap.of(plan, bound);
        assertThat(gap.medium()).isEqualTo(2);
        assertThat(gap.percent()).isNull();
        PlacementPlan written = PlanWriter.toPlan(problem, bound);
        assertThat(PlanProof.words(new PlacementPlan(
                        "p", "0hard/-3medium/-5100soft", true, List.of(), written.kpis(), null, "b", null, 2L)))
                .isEqualTo("The best possible plan might leave less urgent need unplaced (by up to 2 urgency points)");
    }

    /**
     * C1 (14, a risk to younger children) and C2 (10) both pinned at P1: the hard points they bring can be avoided by
     * no plan, so they are the bound's hard level, and the solved plan has just those.
     */
    @Test
    void hardPointsOfPinnedChildrenAreInTheBound() {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 3, 100, ""), provider("P2", HOME, 1, 300, "")),
                List.of(
                        child(
                                "C1",
                                AGE_14,
                                "PLANNED",
                                "\"riskToYoungerChildren\": true, \"currentPlacement\": \"P1\", \"pinned\": true"),
                        child("C2", AGE_10, "PLANNED", "\"currentPlacement\": \"P1\", \"pinned\": true"),
                        child("C3", AGE_14, "PLANNED", "")));
        PlacementSolver.Proven proven = SOLVER.solveAndBound(
                TinyProblems.solution(json), Duration.ofSeconds(5), null, new PlacementSolver.Solving());

        assertThat(proven.bound()).isNotNull();
        assertThat(proven.bound().hardScore()).isNegative();
        assertThat(proven.bound().hardScore())
                .isEqualTo(proven.best().getScore().hardScore());
        assertThat(proven.best().getScore()).isLessThanOrEqualTo(proven.bound());
    }

    /** Random tiny caseloads: the bound is never better than the exact optimum, and the optimum never above it. */
    @Test
    void neverBetterThanTheExactOptimumOnRandomTinyProblems() {
        OrToolsNative.assumeAvailable();
        Random random = new Random(11);
        int proven = 0;
        for (int i = 0; i < 25; i++) {
            String json = LagrangianBoundTest.randomProblem(random);
            ExactSolver.Result exact = new ExactSolver(SOLVER, ExactSolver.Backend.SCIP, 1)
                    .solve(TinyProblems.solution(json), Duration.ofSeconds(20), null);
            assertThat(exact.optimal()).as(json).isTrue();
            HardMediumSoftScore optimum = exact.score();

            HardMediumSoftScore bound = bound(TinyProblems.solution(json), optimum);

            assertThat(bound).as(json).isNotNull();
            assertThat(bound).as(json).isGreaterThanOrEqualTo(optimum);
            BestBound.Gap gap = BestBound.Gap.of(optimum, bound);
            assertThat(gap.hard()).as(json).isZero();
            proven += bound.equals(optimum) && Double.valueOf(0.0).equals(gap.percent()) ? 1 : 0;
        }
        assertThat(proven).as("optima the bound proves").isGreaterThan(12);
    }

    /**
     * On the small dataset against the exact solver's proven optimum: the product's bound (with the optimum as the
     * plan, so its steps aim there) is at or above it, and the optimum is at most the reported percentage from it.
     */
    @Test
    void neverBetterThanTheExactOptimumOnTheSmallDataset() throws Exception {
        OrToolsNative.assumeAvailable();
        String json = Files.readString(Path.of("sample-data", "small.json"));
        ExactSolver.Result exact = new ExactSolver(SOLVER, ExactSolver.Backend.SCIP, 1)
                .solve(ProblemMapper.toSolution(ProblemReader.read(json)), Duration.ofSeconds(60), null);
        assertThat(exact.optimal()).isTrue();
        HardMediumSoftScore optimum = exact.score();

        HardMediumSoftScore bound = bound(ProblemMapper.toSolution(ProblemReader.read(json)), optimum);

        assertThat(bound).isGreaterThanOrEqualTo(optimum);
        assertThat(bound.hardScore()).isEqualTo(optimum.hardScore());
        assertThat(bound.mediumScore()).isEqualTo(optimum.mediumScore());
        BestBound.Gap gap = BestBound.Gap.of(optimum, bound);
        double truePercent = (bound.softScore() - optimum.softScore()) * 100.0 / Math.abs(bound.softScore());
        assertThat(gap.percent()).isGreaterThanOrEqualTo(truePercent).isLessThan(0.1);
    }

    /** No time left, or stopped: no bound (never a made-up one). */
    @Test
    void noTimeMeansNoBound() {
        PlacementSolution problem = TinyProblems.solution(PAIR);
        HardMediumSoftScore plan = HardMediumSoftScore.of(0, 0, -700);

        assertThat(BestBound.of(problem, SOLVER, plan, System.nanoTime(), () -> false))
                .isNull();
        assertThat(BestBound.of(problem, SOLVER, plan, deadline(20), () -> true))
                .isNull();
    }

    /** The solver and the bound both have the whole limit but a small margin, in which the plan ends. */
    @Test
    void theSolverHasTheWholeLimitButASmallMargin() {
        assertThat(BestBound.solverLimit(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(29_400));
        assertThat(BestBound.solverLimit(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(980));
        assertThat(BestBound.solverLimit(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(119));
    }

    /**
     * The bound is worked out beside the solver, which solves for the whole limit (the plateau, 30 s, is past it), and
     * the plan still has its proof: no share of the limit is taken from the solver for it.
     */
    @Test
    void aPlanSolvedForTheWholeLimitHasItsBound() {
        Duration limit = Duration.ofSeconds(4);
        long start = System.nanoTime();

        PlacementSolver.Proven proven =
                SOLVER.solveAndBound(TinyProblems.solution(PAIR), limit, null, new PlacementSolver.Solving());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(BestBound.solverLimit(limit));
        assertThat(proven.best().getScore()).isEqualTo(HardMediumSoftScore.of(0, 0, -700));
        assertThat(proven.bound()).isEqualTo(HardMediumSoftScore.of(0, 0, -700));
    }

    /** A stop ends the solver and the bound beside it: the plan comes at once, with no bound. */
    @Test
    void aStopEndsTheSolverAndTheBound() throws Exception {
        String json = Files.readString(Path.of("sample-data", "small.json"));
        PlacementSolver.Solving solving = new PlacementSolver.Solving();
        long start = System.nanoTime();

        PlacementSolver.Proven proven = SOLVER.solveAndBound(
                ProblemMapper.toSolution(ProblemReader.read(json)),
                Duration.ofSeconds(25),
                progress -> {
                    if (progress.constructed()) {
                        solving.terminateEarly();
                    }
                },
                solving);

        assertThat(proven.bound()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        // The bound's own thread ends at its next check once told to stop.
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            long deadline = deadline(60);
            BestBound.Beside beside = BestBound.beside(
                    ProblemMapper.toSolution(ProblemReader.read(json)),
                    SOLVER,
                    deadline,
                    deadline,
                    solving::isTerminatedEarly,
                    executor);
            beside.result(HardMediumSoftScore.of(0, -1_000_000, 0));
            assertThat(beside.isDone()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    /** Beside a solver: the steps aim at the best plan told, and a bound that meets it ends there. */
    @Test
    void theBoundBesideAimsAtTheBestPlanToldAndChecksTheFinalOne() {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            long deadline = deadline(20);
            BestBound.Beside beside =
                    BestBound.beside(TinyProblems.solution(PAIR), SOLVER, deadline, deadline, () -> false, executor);
            beside.offer(HardMediumSoftScore.of(0, 0, -770));
            beside.offer(HardMediumSoftScore.of(0, 0, -700));

            assertThat(beside.result(HardMediumSoftScore.of(0, 0, -700))).isEqualTo(HardMediumSoftScore.of(0, 0, -700));

            // A final plan better than the bound (a defect): no bound is reported rather than a wrong one.
            BestBound.Beside wrong =
                    BestBound.beside(TinyProblems.solution(PAIR), SOLVER, deadline, deadline, () -> false, executor);
            wrong.offer(HardMediumSoftScore.of(0, 0, -700));
            assertThat(wrong.result(HardMediumSoftScore.of(0, 0, -600))).isNull();
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The relaxation reads the best plan at every iteration and checks its bound against the last one: a plan told
     * while it runs is the one its result names, and a "plan" beating the medium bound, told late, is caught.
     */
    @Test
    void theRelaxationFollowsThePlanAsItImproves() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        LagrangianBound.Result followed = LagrangianBound.bound(
                TinyProblems.solution(PAIR),
                () -> HardMediumSoftScore.of(0, 0, reads.getAndIncrement() == 0 ? -770 : -700),
                deadline(20),
                () -> false,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        assertThat(reads.get()).isGreaterThan(1);
        assertThat(followed.targetSoftPoints()).isEqualTo(700L);
        assertThat(followed.softPointsBound()).isEqualTo(700L);

        reads.set(0);
        assertThatThrownBy(() -> LagrangianBound.bound(
                        TinyProblems.solution(PAIR),
                        () -> reads.getAndIncrement() == 0
                                ? HardMediumSoftScore.of(0, 0, -770)
                                : HardMediumSoftScore.of(0, 1, -700),
                        deadline(20),
                        () -> false,
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beats the medium bound");
    }
}
