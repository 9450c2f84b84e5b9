package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The faster rounding and baseline ({@link GreedyPlacement}) decide exactly as the algorithm did before it was made
 * faster ({@link GreedyPlacementBefore}): the same units to the same places, in the same order. The preferred
 * places are made to contend (every unit wants its cheapest place) or scattered at random, so that the placing,
 * the evictions and the freeing of places all run. (region.json passes too, but the old algorithm takes minutes
 * on it with every unit contending for its cheapest place.)
 */
class GreedyPlacementSameDecisionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"small.json", "county.json"})
    void sameDecisionsAsBefore(String sample) throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", sample))));
        Map<PlacementUnit, Provider> cheapest = new HashMap<>();
        Map<PlacementUnit, Provider> scattered = new HashMap<>();
        Random random = new Random(5);
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> candidates = unit.getCandidates();
            if (!candidates.isEmpty()) {
                cheapest.put(unit, candidates.getFirst());
                if (random.nextInt(5) > 0) {
                    scattered.put(unit, candidates.get(random.nextInt(Math.min(candidates.size(), 30))));
                }
            }
        }
        for (Map<PlacementUnit, Provider> preferred : List.of(cheapest, scattered)) {
            Map<PlacementUnit, Provider> decided = GreedyPlacement.decideFrom(solution, preferred);
            assertThat(decided.size()).isGreaterThan(solution.getUnits().size() / 3);
            assertThat(List.copyOf(decided.entrySet()))
                    .isEqualTo(new ArrayList<>(GreedyPlacementBefore.decideFrom(solution, preferred)
                            .entrySet()));
        }
        for (boolean repair : new boolean[] {false, true}) {
            assertThat(List.copyOf(GreedyPlacement.decide(solution, repair).entrySet()))
                    .isEqualTo(new ArrayList<>(
                            GreedyPlacementBefore.decide(solution, repair).entrySet()));
        }
    }
}
