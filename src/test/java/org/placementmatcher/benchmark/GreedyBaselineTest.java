package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.benchmark.TinyProblems.AGE_10;
import static org.placementmatcher.benchmark.TinyProblems.AGE_14;
import static org.placementmatcher.benchmark.TinyProblems.AGE_15;
import static org.placementmatcher.benchmark.TinyProblems.child;
import static org.placementmatcher.benchmark.TinyProblems.problem;
import static org.placementmatcher.benchmark.TinyProblems.provider;
import static org.placementmatcher.benchmark.TinyProblems.providerOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ScoreText;

/** The current-practice greedy on tiny problems (distances all 0, see {@link TinyProblems}). */
class GreedyBaselineTest {

    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();
    private static final String HOME = "RESIDENTIAL_HOME";

    /** C1 lives at P1, the only emergency-approved bed; C2 is an EMERGENCY; P2 (£300) is free but not approved. */
    static final String EMERGENCY_NEEDS_THE_OCCUPIED_BED = problem(
            "",
            List.of(provider("P1", HOME, 1, 100, "\"emergencyApproved\": true"), provider("P2", HOME, 1, 300, "")),
            List.of(
                    child("C1", AGE_14, "URGENT", "\"currentPlacement\": \"P1\""),
                    child("C2", AGE_14, "EMERGENCY", "")));

    private static PlacementSolution greedy(String json) {
        PlacementSolution solution = GreedyBaseline.solve(TinyProblems.solution(json));
        SOLVER.score(solution);
        return solution;
    }

    /** One emergency-approved bed; the PLANNED child comes first in the input, the EMERGENCY one takes the bed. */
    @Test
    void mostUrgentFirstTakesTheSingleBed() {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 1, 100, "\"emergencyApproved\": true")),
                List.of(
                        child("C1", AGE_14, "PLANNED", ""),
                        child("C2", AGE_14, "URGENT", ""),
                        child("C3", AGE_14, "EMERGENCY", "")));

        PlacementSolution plan = greedy(json);

        assertThat(providerOf(plan, "C3")).isEqualTo("P1");
        assertThat(providerOf(plan, "C1")).isNull();
        assertThat(providerOf(plan, "C2")).isNull();
        assertThat(ScoreText.format(plan.getScore())).isEqualTo("0hard/-4medium/-100soft");
    }

    /** Placed children do not move, even when moving one would let an emergency be placed (the exact solver does). */
    @Test
    void placedChildrenDoNotMove() {
        PlacementSolution plan = greedy(EMERGENCY_NEEDS_THE_OCCUPIED_BED);

        assertThat(providerOf(plan, "C1")).isEqualTo("P1");
        assertThat(providerOf(plan, "C2")).isNull();
        assertThat(ScoreText.format(plan.getScore())).isEqualTo("0hard/-10medium/-100soft");
    }

    /** A child whose placement is ending (needsMove) waits with the others and is placed elsewhere. */
    @Test
    void needsMoveChildrenArePlacedElsewhere() {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 1, 100, ""), provider("P2", HOME, 1, 300, "")),
                List.of(child("C1", AGE_14, "URGENT", "\"currentPlacement\": \"P1\", \"needsMove\": true")));

        PlacementSolution plan = greedy(json);

        assertThat(providerOf(plan, "C1")).isEqualTo("P2");
        assertThat(ScoreText.format(plan.getScore())).isEqualTo("0hard/0medium/-300soft");
    }

    /** Each unit takes the feasible placement with the fewest soft points at that moment: here the cheaper, in area. */
    @Test
    void cheapestFeasiblePlacementAtThatMoment() {
        String json = problem(
                "",
                List.of(
                        provider("P1", HOME, 1, 300, ""),
                        TinyProblems.providerIn("E2", "P2", HOME, 1, 100, ""),
                        provider("P3", HOME, 1, 320, "")),
                List.of(child("C1", AGE_14, "URGENT", ""), child("C2", AGE_14, "PLANNED", "")));

        PlacementSolution plan = greedy(json);

        // C1 first (URGENT): P1 300 < P3 320 < P2 100 + 250 out of area. C2 then: P3 320 < P2 350.
        assertThat(providerOf(plan, "C1")).isEqualTo("P1");
        assertThat(providerOf(plan, "C2")).isEqualTo("P3");
        assertThat(ScoreText.format(plan.getScore())).isEqualTo("0hard/0medium/-620soft");
    }

    /** The greedy never breaks a rule on who else is there: a younger child does not join a risk to younger children. */
    @Test
    void keepsThePlanFeasible() {
        String json = problem(
                "",
                List.of(provider("P1", HOME, 2, 100, "\"emergencyApproved\": true"), provider("P2", HOME, 1, 300, "")),
                List.of(
                        child("C1", AGE_15, "EMERGENCY", "\"riskToYoungerChildren\": true"),
                        child("C2", AGE_10, "URGENT", ""),
                        child("C3", AGE_10, "PLANNED", "")));

        PlacementSolution plan = greedy(json);

        assertThat(providerOf(plan, "C1")).isEqualTo("P1");
        assertThat(providerOf(plan, "C2")).isEqualTo("P2");
        assertThat(providerOf(plan, "C3")).isNull();
        assertThat(ScoreText.format(plan.getScore())).isEqualTo("0hard/-1medium/-400soft");
    }
}
