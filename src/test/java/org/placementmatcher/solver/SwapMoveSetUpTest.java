package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;

class SwapMoveSetUpTest {

    private static final SolverConfig CONFIGURED = SolverConfig.createFromXmlResource(PlacementSolver.SOLVER_CONFIG);

    @Test
    void withoutSwapMovesTakesOnlyTheSwapMovesOutOfLocalSearch() {
        SolverConfig large = SwapMoveSetUp.withoutSwapMoves(CONFIGURED);

        assertThat(searchMoves(CONFIGURED))
                .hasAtLeastOneElementOfType(SwapMoveSelectorConfig.class)
                .hasAtLeastOneElementOfType(ChangeMoveSelectorConfig.class)
                .hasAtLeastOneElementOfType(MoveIteratorFactoryConfig.class);
        assertThat(searchMoves(large))
                .hasSize(searchMoves(CONFIGURED).size() - 1)
                .doesNotHaveAnyElementsOfTypes(SwapMoveSelectorConfig.class)
                .hasAtLeastOneElementOfType(ChangeMoveSelectorConfig.class)
                .hasAtLeastOneElementOfType(MoveIteratorFactoryConfig.class);
        assertThat(large.getPhaseConfigList()).hasSameSizeAs(CONFIGURED.getPhaseConfigList());
    }

    @Test
    void countyIsFarFromTooLargeForSwapMoves() throws Exception {
        PlacementSolution county =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "county.json"))));
        long candidates = county.getUnits().stream()
                .filter(unit -> !unit.isPinned())
                .mapToLong(unit -> unit.getCandidates().size())
                .sum();
        long wordsPerProviderSet = (county.getProviders().size() + 63) / 64;

        assertThat(SwapMoveSetUp.words(county)).isEqualTo(candidates * wordsPerProviderSet);
        assertThat(SwapMoveSetUp.tooLarge(county)).isFalse();
        // Pinned units, which local search never moves, are left out.
        assertThat(county.getUnits())
                .anyMatch(unit -> unit.isPinned() && !unit.getCandidates().isEmpty());
    }

    private static List<MoveSelectorConfig> searchMoves(SolverConfig config) {
        LocalSearchPhaseConfig search = config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .map(LocalSearchPhaseConfig.class::cast)
                .findFirst()
                .orElseThrow();
        return ((UnionMoveSelectorConfig) search.getMoveSelectorConfig()).getMoveSelectorList();
    }
}
