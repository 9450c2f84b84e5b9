package org.placementmatcher.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;

/**
 * {@link PlacementSolver#solveMoves}: the same problem and budget give the same solve, step for step, whatever the
 * time cap (so whatever the clock: with a time limit beside the budget, the annealing's cooling followed the clock).
 */
class ReproducibleSolveTest {

    private record Run(PlacementPlan plan, List<String> bests) {}

    private static Run solve(PlacementSolver solver, Duration cap) throws Exception {
        PlacementSolution problem =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data/small.json"))));
        List<String> bests = new ArrayList<>();
        PlacementSolution best = solver.solveMoves(
                problem,
                20_000,
                cap,
                progress -> {
                    if (progress.newBest()) {
                        bests.add(progress.bestScore() + " " + progress.constructed());
                    }
                },
                new PlacementSolver.Solving());
        return new Run(PlanWriter.toPlan(best), bests);
    }

    @Test
    void theSameBudgetGivesTheSameSolveWhateverTheCap() throws Exception {
        PlacementSolver solver = PlacementSolver.fromClasspathConfig();
        long began = System.nanoTime();
        Run first = solve(solver, Duration.ofSeconds(60));
        long millis = (System.nanoTime() - began) / 1_000_000;
        Run second = solve(solver, Duration.ofSeconds(600));
        assertFalse(PlacementSolver.reachedCap(millis, Duration.ofSeconds(60)), "the budget, not the cap, ended it");
        assertEquals(first.bests(), second.bests(), "the same new best solutions in the same order");
        assertEquals(first.plan(), second.plan());
    }
}
