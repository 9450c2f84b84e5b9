package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The score oracle: a real solve of a sample dataset, with the project's solver configuration, must report the
 * score that a from-scratch recomputation gives, both through the shared rules ({@link ScoreBreakdown}, which
 * calls {@code PlacementRules} and {@code SoftTerms} directly and reads no cache) and through Timefold on freshly
 * mapped objects (no cache state carried over from the solve). A cache that lies during the solve (for instance
 * soft points kept for a place the unit has left) makes the solver's incremental score drift from these.
 */
class ScoreOracleTest {

    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();

    @ParameterizedTest
    @CsvSource({"small.json, 2", "county.json, 4"})
    void solvedScoreEqualsFromScratchRecomputations(String file, int seconds) throws Exception {
        PlacementProblem problem = ProblemReader.read(Files.readString(Path.of("sample-data", file)));
        AtomicReference<HardMediumSoftScore> lastBestEvent = new AtomicReference<>();

        PlacementSolution best = SOLVER.solve(
                ProblemMapper.toSolution(problem),
                Duration.ofSeconds(seconds),
                progress -> lastBestEvent.set(progress.bestScore()));
        HardMediumSoftScore reported = best.getScore();

        assertThat(lastBestEvent.get())
                .as("the incremental score of the last new best solution")
                .isEqualTo(reported);
        assertThat(sumOfConstraintTotals(ScoreBreakdown.of(best)))
                .as("the sum of the shared rules' per-constraint totals")
                .isEqualTo(reported);
        assertThat(SOLVER.score(freshlyMapped(problem, best)))
                .as("Timefold's score of the same plan on freshly mapped objects")
                .isEqualTo(reported);
        assertThat(reported.hardScore()).isZero();
    }

    private static HardMediumSoftScore sumOfConstraintTotals(ScoreBreakdown.Analysis analysis) {
        HardMediumSoftScore sum = HardMediumSoftScore.ZERO;
        for (ScoreBreakdown.ConstraintTotal total : analysis.constraints()) {
            sum = sum.add(HardMediumSoftScore.parseScore(total.score()));
        }
        assertThat(ScoreText.format(sum)).as("the breakdown's own total").isEqualTo(analysis.score());
        return sum;
    }

    /** The plan's assignments carried over by id onto objects mapped again from the contract problem. */
    private static PlacementSolution freshlyMapped(PlacementProblem problem, PlacementSolution plan) {
        PlacementSolution fresh = ProblemMapper.asToday(problem);
        Map<String, Provider> providersById = new HashMap<>();
        fresh.getProviders().forEach(p -> providersById.put(p.getId(), p));
        Map<String, Provider> planned = new HashMap<>();
        for (PlacementUnit unit : plan.getUnits()) {
            planned.put(
                    unit.getId(),
                    unit.getProvider() == null
                            ? null
                            : providersById.get(unit.getProvider().getId()));
        }
        assertThat(fresh.getUnits())
                .extracting(PlacementUnit::getId)
                .containsExactlyInAnyOrderElementsOf(planned.keySet());
        for (PlacementUnit unit : fresh.getUnits()) {
            unit.setProvider(planned.get(unit.getId()));
        }
        return fresh;
    }
}
