package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The bound's relaxation is the same whether its flow is solved whole or priced (as it is above {@link
 * BoundRelaxation#WHOLE_NETWORK_MAX_ARCS} pairs): the same unplaced weight and soft points, and a bound either way;
 * and its prices are the flow's optimal multipliers.
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

    /**
     * At the flow's prices, every unit taking its cheapest option (its points plus its children times the place's
     * price, or unplaced at the price of its urgency weight), less every provider's free places at its price and the
     * unplaced weight at its price, comes to the flow's own soft points (LP duality), within the prices' rounding to
     * fixed point; so it does where the flow is priced out (as above {@link BoundRelaxation#WHOLE_NETWORK_MAX_ARCS}).
     * Worked out here from the units' candidates, not from the flow's network.
     */
    @ParameterizedTest
    @CsvSource({"small.json, 0", "county.json, 0", "small.json, " + Long.MAX_VALUE, "county.json, " + Long.MAX_VALUE})
    void thePricesAreTheFlowsOptimalMultipliers(String sample, long wholeNetworkMaxArcs) throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", sample))));
        long one = LagrangianBound.ONE;
        BoundRelaxation.Priced priced = BoundRelaxation.solveWithPrices(solution, () -> false, wholeNetworkMaxArcs);
        long perWeight = priced.prices().unplacedPointsPerWeight();
        long[] prices = priced.prices().at(perWeight, one);
        double mu = perWeight;
        double[] price = new double[solution.getProviders().size()];
        long[] free = new long[price.length];
        for (Provider p : solution.getProviders()) {
            price[p.getIndex()] = prices[p.getIndex()] / (double) one;
            free[p.getIndex()] = p.getPlaces();
        }
        double value = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned() && unit.getProvider() != null) {
                free[unit.getProvider().getIndex()] -= unit.size();
                value += unit.staticSoftPoints(unit.getProvider());
            }
        }
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned()) {
                continue;
            }
            double best = mu * unit.getUnplacedWeight();
            for (Provider p : unit.getCandidates()) {
                if (free[p.getIndex()] >= unit.size()) { // the flow offers only places with room beside the pinned
                    best = Math.min(best, unit.staticSoftPoints(p) + unit.size() * price[p.getIndex()]);
                }
            }
            value += best;
        }
        value -= mu * priced.totals().unplacedWeightBound();
        for (int p = 0; p < price.length; p++) {
            value -= Math.max(0, free[p]) * price[p];
        }

        assertThat(Arrays.stream(prices).max().orElseThrow()).isPositive(); // some places are scarce
        assertThat(value).isCloseTo(priced.totals().softPointsBound(), within(1.0));
    }
}
