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
    void theSetUpCountsEveryUnitsCandidatesTimesTheWordsOfASetOfProviders() throws Exception {
        PlacementSolution county = county();
        long candidates = county.getUnits().stream()
                .mapToLong(unit -> unit.getCandidates().size())
                .sum();
        long wordsPerProviderSet = (county.getProviders().size() + 63) / 64;
        long words = SwapMoveSetUp.words(county);

        assertThat(words).isEqualTo(candidates * wordsPerProviderSet);
        assertThat(SwapMoveSetUp.tooLarge(county, words)).isFalse();
        assertThat(SwapMoveSetUp.tooLarge(county, words - 1)).isTrue();
        assertThat(SwapMoveSetUp.tooLarge(county, SwapMoveSetUp.MOST_WORDS)).isFalse();
    }

    @Test
    void theFactoriesWithoutSwapMovesServeOnlyCaseloadsTooLargeForThem() throws Exception {
        PlacementSolution county = county();
        SolverFactories factories = new SolverFactories(CONFIGURED, context -> {}, SwapMoveSetUp.words(county) - 1);

        assertThat(factories.whole(county)).isNotSameAs(factories.whole(small()));
        assertThat(factories.searchOnly(county)).isNotSameAs(factories.searchOnly(small()));
        assertThat(factories.whole(small())).isNotSameAs(factories.searchOnly(small()));
    }

    private static PlacementSolution county() throws Exception {
        return solution("county.json");
    }

    private static PlacementSolution small() throws Exception {
        return solution("small.json");
    }

    private static PlacementSolution solution(String file) throws Exception {
        return ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", file))));
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
