package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.benchmark.TinyProblems.AGE_10;
import static org.placementmatcher.benchmark.TinyProblems.AGE_14;
import static org.placementmatcher.benchmark.TinyProblems.AGE_15;
import static org.placementmatcher.benchmark.TinyProblems.child;
import static org.placementmatcher.benchmark.TinyProblems.problem;
import static org.placementmatcher.benchmark.TinyProblems.provider;
import static org.placementmatcher.benchmark.TinyProblems.providerIn;
import static org.placementmatcher.benchmark.TinyProblems.providerOf;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.placementmatcher.benchmark.ExactSolver.Backend;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ScoreText;

/**
 * The exact solver on tiny problems whose optimum is worked out by hand (distances are all 0, see
 * {@link TinyProblems}, so a child's soft points at a provider are its weekly cost plus any other term
 * named). Every case runs on both back ends, and each answer's Timefold score must equal the model's objective.
 */
class ExactSolverTest {

    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();
    private static final String HOME = "RESIDENTIAL_HOME";
    private static final String FOSTER = "IN_HOUSE_FOSTER";

    @BeforeEach
    void needsOrToolsNativeLibrary() {
        OrToolsNative.assumeAvailable();
    }

    private static ExactSolver.Result solve(Backend backend, String json) {
        ExactSolver.Result result =
                new ExactSolver(SOLVER, backend, 2).solve(TinyProblems.solution(json), Duration.ofSeconds(20), null);
        assertThat(result.scoreCheck())
                .as("Timefold's score of the exact assignment vs the model's objective")
                .isNull();
        assertThat(result.optimal()).isTrue();
        assertThat(result.boundText()).isEqualTo(ScoreText.format(result.score()));
        return result;
    }

    /**
     * Two beds (P1 £100, P2 £5000), two URGENT children and one PLANNED: both URGENT ones are placed, even in
     * the dear bed, because placing outranks any soft gain: medium -1 (the PLANNED child), soft -(100 + 5000).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void capacityConflictPlacesTheMostUrgentWeight(Backend backend) {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 1, 5000, "")),
                List.of(
                        child("C1", AGE_14, "PLANNED", ""),
                        child("C2", AGE_14, "URGENT", ""),
                        child("C3", AGE_14, "URGENT", "")));

        ExactSolver.Result result = solve(backend, json);

        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/-1medium/-5100soft");
        assertThat(providerOf(result.solution(), "C1")).isNull();
        assertThat(result.mediumBound()).isEqualTo(-1);
    }

    /**
     * Siblings C1+C2 (must stay together) and C3. P1 foster 2 places £200, P2 home 1 place £1000, P3 foster 2
     * places £800 out of area (+250 a child). Options: siblings P1 (400) + C3 P2 (1000) = 1400;
     * C3 P3 (1050) + siblings P1 (400) = 1450; C3 P1 (200) + siblings P3 (2100) = 2300. Optimum -1400.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void siblingGroupTravelsTogether(Backend backend) {
        String json = problem(
                "",
                List.of(
                        provider("P1", FOSTER, 2, 200, ""),
                        provider("P2", HOME, 1, 1000, ""),
                        providerIn("E2", "P3", "IFA_FOSTER", 2, 800, "")),
                List.of(
                        child("C1", AGE_14, "PLANNED", "\"siblingGroup\": \"S1\""),
                        child("C2", AGE_10, "PLANNED", "\"siblingGroup\": \"S1\""),
                        child("C3", AGE_14, "URGENT", "")));

        ExactSolver.Result result = solve(backend, json);

        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/0medium/-1400soft");
        assertThat(providerOf(result.solution(), "C1")).isEqualTo("P1");
        assertThat(providerOf(result.solution(), "C2")).isEqualTo("P1");
        assertThat(providerOf(result.solution(), "C3")).isEqualTo("P2");
    }

    /**
     * H14: a foster carer with 4 places (£100) may hold 4 children only if they are one sibling group.
     * Siblings C1-C3 and C4: all four there would cost 400 but break the limit, so C4 goes to P2 (£900):
     * -(300 + 900). With the carer exempt from the limit, all four stay together: -400.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void fosteringLimitOfThreeUnlessOneSiblingGroup(Backend backend) {
        List<String> children = List.of(
                child("C1", AGE_14, "PLANNED", "\"siblingGroup\": \"S1\""),
                child("C2", AGE_14, "PLANNED", "\"siblingGroup\": \"S1\""),
                child("C3", AGE_10, "PLANNED", "\"siblingGroup\": \"S1\""),
                child("C4", AGE_14, "PLANNED", ""));

        ExactSolver.Result limited = solve(
                backend,
                problem("", List.of(provider("P1", FOSTER, 4, 100, ""), provider("P2", HOME, 1, 900, "")), children));
        ExactSolver.Result exempt = solve(
                backend,
                problem(
                        "",
                        List.of(
                                provider("P1", FOSTER, 4, 100, "\"fosteringLimitExemption\": true"),
                                provider("P2", HOME, 1, 900, "")),
                        children));

        assertThat(ScoreText.format(limited.score())).isEqualTo("0hard/0medium/-1200soft");
        assertThat(providerOf(limited.solution(), "C4")).isEqualTo("P2");
        assertThat(ScoreText.format(exempt.score())).isEqualTo("0hard/0medium/-400soft");
    }

    /**
     * H10: C1 (15, risk to younger children) may not share with C2 (10); C3 (15) is not younger. P1 and P2
     * residential, 2 places each, £100 and £300. Best: C1 and C2 apart, C3 with either: 100 + 100 + 300 = 500.
     * Siblings C4 (15, risk) and C5 (10) must be together, which H10 forbids anywhere: unplaced, medium -2.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void riskToYoungerChildrenKeepsThemApart(Backend backend) {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 2, 100, ""), provider("P2", HOME, 2, 300, "")),
                List.of(
                        child("C1", AGE_15, "PLANNED", "\"riskToYoungerChildren\": true"),
                        child("C2", AGE_10, "PLANNED", ""),
                        child("C3", AGE_15, "PLANNED", ""),
                        child("C4", AGE_15, "PLANNED", "\"siblingGroup\": \"S2\", \"riskToYoungerChildren\": true"),
                        child("C5", AGE_10, "PLANNED", "\"siblingGroup\": \"S2\"")));

        ExactSolver.Result result = solve(backend, json);

        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/-2medium/-500soft");
        assertThat(providerOf(result.solution(), "C1")).isNotNull().isNotEqualTo(providerOf(result.solution(), "C2"));
        assertThat(providerOf(result.solution(), "C4")).isNull();
    }

    /** H11: C1 needs a sole placement; P1 (2 places, £100) and P2 (1 place, £300): one of them each, -400. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void solePlacementSharesWithNoOne(Backend backend) {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 2, 100, ""), provider("P2", HOME, 1, 300, "")),
                List.of(
                        child("C1", AGE_14, "PLANNED", "\"requiresSolePlacement\": true"),
                        child("C2", AGE_14, "PLANNED", "")));

        ExactSolver.Result result = solve(backend, json);

        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/0medium/-400soft");
        assertThat(providerOf(result.solution(), "C1")).isNotEqualTo(providerOf(result.solution(), "C2"));
    }

    /**
     * siblingsApart: C1 and C2 are siblings who may live apart (placeTogether false). P1 1 place £100, P2 2
     * places £400. Apart: 100 + 400 + 500 = 1000; together at P2: 800, the optimum. With the weight at 200,
     * apart costs 700 and wins. With C1 pinned at P1, C2 can only go to P2: 100 + 400 + 500 = 1000.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void siblingsApartCountsProvidersUsed(Backend backend) {
        List<String> providers = List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 2, 400, ""));
        String apart = "\"siblingGroup\": \"S1\", \"placeTogether\": false";
        List<String> children = List.of(child("C1", AGE_14, "PLANNED", apart), child("C2", AGE_10, "PLANNED", apart));

        ExactSolver.Result defaults = solve(backend, problem("", providers, children));
        ExactSolver.Result cheapApart = solve(backend, problem("{\"siblingsApart\": 200}", providers, children));
        ExactSolver.Result pinned = solve(
                backend,
                problem(
                        "",
                        providers,
                        List.of(
                                child(
                                        "C1",
                                        AGE_14,
                                        "PLANNED",
                                        apart + ", \"currentPlacement\": \"P1\", \"pinned\": true"),
                                child("C2", AGE_10, "PLANNED", apart))));

        assertThat(ScoreText.format(defaults.score())).isEqualTo("0hard/0medium/-800soft");
        assertThat(providerOf(defaults.solution(), "C1")).isEqualTo("P2");
        assertThat(ScoreText.format(cheapApart.score())).isEqualTo("0hard/0medium/-700soft");
        assertThat(ScoreText.format(pinned.score())).isEqualTo("0hard/0medium/-1000soft");
    }

    /**
     * Two children pinned at P1 (1 place, £100) already break H1 by one: that hard point is a constant the
     * plan keeps, and nobody else may join them. C3 goes to P2 (£300): -1hard/0medium/-(100 + 100 + 300).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void pinnedOverCapacityIsAConstant(Backend backend) {
        String pinnedAtP1 = "\"currentPlacement\": \"P1\", \"pinned\": true";
        String json = problem(
                "",
                List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 1, 300, "")),
                List.of(
                        child("C1", AGE_14, "PLANNED", pinnedAtP1),
                        child("C2", AGE_14, "PLANNED", pinnedAtP1),
                        child("C3", AGE_14, "PLANNED", "")));

        ExactSolver.Result result = solve(backend, json);

        assertThat(ScoreText.format(result.score())).isEqualTo("-1hard/0medium/-500soft");
        assertThat(providerOf(result.solution(), "C3")).isEqualTo("P2");
    }

    /**
     * C1 lives at P1 (the only emergency-approved carer, 1 place, £100; not pinned); C2 is an EMERGENCY.
     * Moving C1 to P2 (£300 + 2000 for the move) frees the bed: -(100 + 300 + 2000) with nobody unplaced beats
     * -10 medium. The greedy (GreedyBaseline) does not move C1 and leaves C2 unplaced.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void movesAPlacedChildWhenThatPlacesAnEmergency(Backend backend) {
        ExactSolver.Result result = solve(backend, GreedyBaselineTest.EMERGENCY_NEEDS_THE_OCCUPIED_BED);

        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/0medium/-2400soft");
        assertThat(providerOf(result.solution(), "C1")).isEqualTo("P2");
        assertThat(providerOf(result.solution(), "C2")).isEqualTo("P1");
    }

    /** A hint (e.g. the greedy's plan) only helps: the optimum is the same. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHintDoesNotChangeTheOptimum(Backend backend) {
        PlacementSolution greedy =
                GreedyBaseline.solve(TinyProblems.solution(GreedyBaselineTest.EMERGENCY_NEEDS_THE_OCCUPIED_BED));
        ExactSolver.Result result = new ExactSolver(SOLVER, backend, 2)
                .solve(
                        TinyProblems.solution(GreedyBaselineTest.EMERGENCY_NEEDS_THE_OCCUPIED_BED),
                        Duration.ofSeconds(20),
                        GreedyBaseline.assignment(greedy));

        assertThat(result.optimal()).isTrue();
        assertThat(ScoreText.format(result.score())).isEqualTo("0hard/0medium/-2400soft");
    }

    /** Stage 2 starts from the hint only where it keeps every row and places what stage 1 placed. */
    @org.junit.jupiter.api.Test
    void stageTwoStartsFromAHintPlacingStageOnesWeight() {
        ExactSolver.Lin lin = new ExactSolver.Lin();
        int x = lin.newVar("x");
        int y = lin.newVar("y");
        lin.newVar("z");
        lin.atMostOne(List.of(x, y));
        long[] placed = {1, 1, 1};
        boolean[] stageOne = {true, false, true};

        boolean[] sameWeight = {false, true, true};
        assertThat(ExactSolver.stageTwoStart(lin, placed, 2, sameWeight, stageOne))
                .isSameAs(sameWeight);
        assertThat(ExactSolver.stageTwoStart(lin, placed, 2, new boolean[] {false, true, false}, stageOne))
                .as("places less")
                .isSameAs(stageOne);
        assertThat(ExactSolver.stageTwoStart(lin, placed, 2, new boolean[] {true, true, false}, stageOne))
                .as("breaks the row")
                .isSameAs(stageOne);
        assertThat(ExactSolver.stageTwoStart(lin, placed, 2, null, stageOne)).isSameAs(stageOne);
    }

    /** A model over the size limit is refused (memory) rather than attempted. */
    @org.junit.jupiter.api.Test
    void refusesAModelOverTheSizeLimit() {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 1, 300, "")),
                List.of(child("C1", AGE_14, "PLANNED", "")));

        ExactSolver.Result result = new ExactSolver(SOLVER, Backend.SCIP, 2, 1)
                .solve(TinyProblems.solution(json), Duration.ofSeconds(5), null);

        assertThat(result.status()).isEqualTo("TOO_LARGE");
        assertThat(result.solution()).isNull();
        assertThat(result.scoreCheck()).contains("2 candidate placements");
    }
}
