package org.placementmatcher.solver;

import java.time.Duration;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.placementmatcher.domain.PlacementSolution;

/**
 * Solves and scores placement problems with the project's solver configuration. One instance is
 * shared; each solve builds its own solver, so solves may run side by side.
 */
public class PlacementSolver {

    /** The configuration on the classpath, copied there from {@code solver-config/} by the build. */
    public static final String SOLVER_CONFIG = "solverConfig.xml";

    private final SolverFactory<PlacementSolution> solverFactory;
    private final SolutionManager<PlacementSolution, HardMediumSoftScore> solutionManager;
    private final Duration plateau;

    public PlacementSolver(SolverConfig config, SolverFactory<PlacementSolution> solverFactory) {
        this.solverFactory = solverFactory;
        this.solutionManager = SolutionManager.create(solverFactory);
        TerminationConfig termination = config.getTerminationConfig();
        Long plateauMillis = termination == null ? null : termination.calculateUnimprovedTimeMillisSpentLimit();
        this.plateau = plateauMillis == null ? null : Duration.ofMillis(plateauMillis);
    }

    /** Outside Quarkus (tests, benchmarks): the same configuration, read from the classpath. */
    public static PlacementSolver fromClasspathConfig() {
        SolverConfig config = SolverConfig.createFromXmlResource(SOLVER_CONFIG);
        return new PlacementSolver(config, SolverFactory.create(config));
    }

    /** Outside Quarkus, with another configuration file (to compare alternatives kept in solver-config/). */
    public static PlacementSolver fromConfigFile(java.nio.file.Path file) {
        SolverConfig config = SolverConfig.createFromXmlFile(file.toFile());
        return new PlacementSolver(config, SolverFactory.create(config));
    }

    /** Progress of a solve: the best score so far and when it was found. */
    public record Progress(HardMediumSoftScore bestScore, long millisSpent) {
    }

    /**
     * Solves for at most {@code limit} (less when the best score stops improving for the configured
     * plateau) and returns the best solution found, scored.
     */
    public PlacementSolution solve(PlacementSolution problem, Duration limit, Consumer<Progress> progress) {
        if (problem.getUnits().isEmpty() || problem.getUnits().stream().allMatch(u -> u.isPinned())) {
            score(problem);
            return problem;
        }
        Solver<PlacementSolution> solver = solverFactory.buildSolver(
                new SolverConfigOverride().withTerminationConfig(termination(limit)));
        if (progress != null) {
            solver.addEventListener(event -> progress.accept(
                    new Progress((HardMediumSoftScore) event.getNewBestScore(), event.getTimeMillisSpent())));
        }
        PlacementSolution best = solver.solve(problem);
        score(best);
        return best;
    }

    /** Stop at the time limit, or earlier once the best score has not improved for the configured plateau. */
    public TerminationConfig termination(Duration limit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limit);
        if (plateau != null && plateau.compareTo(limit) < 0) {
            termination.setUnimprovedSpentLimit(plateau);
        }
        return termination;
    }

    /** Recomputes the solution's score from scratch and stores it on the solution. */
    public HardMediumSoftScore score(PlacementSolution solution) {
        return solutionManager.update(solution);
    }
}
