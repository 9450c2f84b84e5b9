package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * A problem whose score was worked out by hand from the contract (src/test/resources/hand-scored.json).
 *
 * <pre>
 * Distances: all points share longitude 0, so miles = 3958.8 × Δlat in radians.
 *   0.1° = 6.9094 mi -> distance points 10 × 6.9094 = 69.09 -> 69
 *   0.5° = 34.5471 mi -> 345.47 -> 345, and over 20 miles
 * C1 (10, pinned) at P1: cost 400 + distance (home 52.1 -> P1 52.0) 69              =  469
 * C2 (8) at P1: cost 400 + distance (school 52.0 -> P1 52.0) 0                      =  400
 * C3 (12) stays at P2: cost 812.5 -> 813, out of area 250, distance 345, over 20 200,
 *     religion muslim vs christian 50                                                = 1658
 * C4 (5, EMERGENCY): no emergency-approved provider (H9), so unplaced: medium -10
 * Soft = -(469 + 400 + 1658) = -2527.
 * Nothing better exists: P1 is full (C1 pinned, C2), moving C3 to P1 would cost a move (2000),
 * and C2 at P2 would cost 813 + 250 + 345 + 200 instead of 400.
 * </pre>
 */
class HandScoredProblemTest {

    private static final String EXPECTED = "0hard/-10medium/-2527soft";

    private final PlacementSolver solver = PlacementSolver.fromClasspathConfig();

    @Test
    void scoresTheHandWorkedAssignmentExactly() throws IOException {
        PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(ProblemFixtures.handScored()));
        PlacementUnit c2 = solution.getUnits().get(1);
        c2.setProvider(solution.getProviders().get(0));

        assertThat(ScoreText.format(solver.score(solution))).isEqualTo(EXPECTED);
    }

    @Test
    void solvingFindsTheHandWorkedOptimum() throws IOException {
        PlacementSolution best = solver.solve(
                ProblemMapper.toSolution(ProblemReader.read(ProblemFixtures.handScored())),
                Duration.ofSeconds(2),
                null);
        PlacementPlan plan = PlanWriter.toPlan(best);

        assertThat(plan.score()).isEqualTo(EXPECTED);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.assignments())
                .containsExactly(
                        new Assignment("C1", "P1", false),
                        new Assignment("C2", "P1", false),
                        new Assignment("C3", "P2", false),
                        new Assignment("C4", null, false));
        assertThat(plan.kpis().placed()).isEqualTo(3);
        assertThat(plan.kpis().unplaced()).isEqualTo(1);
        assertThat(plan.kpis().outOfAreaPercent()).isEqualTo(33.3);
        assertThat(plan.kpis().over20MilesPercent()).isEqualTo(33.3);
        assertThat(plan.kpis().weeklyCost()).isEqualTo(1612.5);
        assertThat(plan.kpis().moves()).isZero();
    }

    @Test
    void aWeightOfZeroSwitchesItsTermOff() throws IOException {
        String withoutReligion = ProblemFixtures.handScored()
                .replace(
                        "\"homeAuthority\": \"E1\",",
                        "\"homeAuthority\": \"E1\", \"weights\": {\"religion\": 0, \"cost\": 2},");
        PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(withoutReligion));
        solution.getUnits().get(1).setProvider(solution.getProviders().get(0));

        // religion 50 gone; cost doubled: 2 × (400 + 400 + 812.5) = 3225 instead of 1613 -> -2527 - 50 + 1612 = -4089
        assertThat(ScoreText.format(solver.score(solution))).isEqualTo("0hard/-10medium/-4089soft");
    }
}
