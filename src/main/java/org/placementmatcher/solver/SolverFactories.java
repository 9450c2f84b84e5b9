package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.domain.PlacementSolution;

/**
 * The solvers {@link PlacementSolver} builds from one configuration: whole solves (with a command of its own right after
 * construction) and local search alone from a plan given; each also without Timefold's swap moves, for a caseload too
 * large for them ({@link SwapMoveSetUp}). Built once: a factory checks its configuration when it is made.
 */
final class SolverFactories {

    private final SolverFactory<PlacementSolution> whole;
    private final SolverFactory<PlacementSolution> searchOnly;
    private final SolverFactory<PlacementSolution> largeWhole;
    private final SolverFactory<PlacementSolution> largeSearchOnly;
    /** Above this many words of set-up, a caseload is too large for swap moves ({@link SwapMoveSetUp#MOST_WORDS}). */
    private final long mostWords;

    SolverFactories(SolverConfig config, PhaseCommand<PlacementSolution> afterConstruction) {
        this(config, afterConstruction, SwapMoveSetUp.MOST_WORDS);
    }

    SolverFactories(SolverConfig config, PhaseCommand<PlacementSolution> afterConstruction, long mostWords) {
        this.mostWords = mostWords;
        SolverConfig large = SwapMoveSetUp.withoutSwapMoves(config);
        this.whole = SolverFactory.create(withCommandAfterConstruction(config, afterConstruction));
        this.searchOnly = SolverFactory.create(searchOnly(config));
        this.largeWhole = SolverFactory.create(withCommandAfterConstruction(large, afterConstruction));
        this.largeSearchOnly = SolverFactory.create(searchOnly(large));
    }

    /** Whole solves of this caseload. */
    SolverFactory<PlacementSolution> whole(PlacementSolution problem) {
        return SwapMoveSetUp.tooLarge(problem, mostWords) ? largeWhole : whole;
    }

    /** Local search alone from this plan. */
    SolverFactory<PlacementSolution> searchOnly(PlacementSolution start) {
        return SwapMoveSetUp.tooLarge(start, mostWords) ? largeSearchOnly : searchOnly;
    }

    /** The configuration with a phase of the command alone after its first phase (construction). */
    private static SolverConfig withCommandAfterConstruction(
            SolverConfig config, PhaseCommand<PlacementSolution> command) {
        List<PhaseConfig> phases = config.getPhaseConfigList();
        if (phases == null || phases.isEmpty()) {
            return config;
        }
        List<PhaseConfig> signalled = new ArrayList<>(phases);
        signalled.add(1, new CustomPhaseConfig().withCustomPhaseCommands(command));
        return config.copyConfig().withPhaseList(signalled);
    }

    /** The configuration without its first phase (construction); unchanged when it has only one. */
    private static SolverConfig searchOnly(SolverConfig config) {
        List<PhaseConfig> phases = config.getPhaseConfigList();
        if (phases == null || phases.size() < 2) {
            return config;
        }
        return config.copyConfig().withPhaseList(new ArrayList<>(phases.subList(1, phases.size())));
    }
}
