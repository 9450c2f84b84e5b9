package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;

/**
 * The bound's relaxation is the same whether its flow is solved whole or priced (as it is above {@link
 * BoundRelaxation#WHOLE_NETWORK_MAX_ARCS} pairs): the same unplaced weight and soft points, and a bound either way.
 */
class BoundRelaxationTest {

    @ParameterizedTest
    @ValueSource(strings = {"small.json", "county.json", "county-1200.json"})
    void pricedAndWholeGiveTheSameRelaxation(String sample) throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", sample))));
        FlowRelaxation whole = BoundRelaxation.solve(solution, () -> false, Long.MAX_VALUE);
        FlowRelaxation priced = BoundRelaxation.solve(solution, () -> false, 0);
        assertThat(whole.isBound()).isTrue();
        assertThat(priced.isBound()).isTrue();
        assertThat(priced.unplacedWeightBound()).isEqualTo(whole.unplacedWeightBound());
        assertThat(priced.softPointsBound()).isEqualTo(whole.softPointsBound());
        assertThat(whole.softPointsBound()).isPositive();
    }
}
