package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Provider;

/** What a construction's flow offers: the fostering limit read from the rules, not from units' short lists. */
class FlowOffersTest {

    /**
     * A foster carer stays uncapped where a sibling group larger than the fostering limit could go, by the rules: so it
     * caps the same carers whether units keep every eligible provider or only their cheapest one, and leaves the short
     * lists short (widening them all took 20 s on national).
     */
    @Test
    void theFosteringLimitCapsTheSameCarersWhetherUnitsKeepEveryProviderOrOnlyTheirCheapest() throws Exception {
        String county = Files.readString(Path.of("sample-data", "county.json"));
        PlacementSolution whole = ProblemMapper.toSolution(ProblemReader.read(county));
        int[] wholeCapacity = places(whole);
        boolean[] wholeAtLimit = FlowOffers.capAtFosteringLimit(whole, wholeCapacity);

        PlacementSolution limited = PricedFlowTest.keepingOnly(ProblemMapper.toSolution(ProblemReader.read(county)), 1);
        long shortLists =
                limited.getUnits().stream().filter(u -> !u.hasAllCandidates()).count();
        int[] limitedCapacity = places(limited);
        boolean[] limitedAtLimit = FlowOffers.capAtFosteringLimit(limited, limitedCapacity);

        assertThat(limitedCapacity).isEqualTo(wholeCapacity);
        assertThat(limitedAtLimit).isEqualTo(wholeAtLimit);
        assertThat(limited.getUnits().stream().filter(u -> !u.hasAllCandidates()))
                .as("short lists left short")
                .hasSize((int) shortLists)
                .isNotEmpty();
        // Both ways of ending are exercised: a carer capped, and one left its places for a large sibling group.
        assertThat(whole.getProviders())
                .anyMatch(p -> wholeAtLimit[p.getIndex()])
                .anyMatch(p -> PlacementRules.fosteringLimitApplies(p)
                        && p.getPlaces() >= PlacementRules.USUAL_FOSTERING_LIMIT
                        && !wholeAtLimit[p.getIndex()]);
    }

    private static int[] places(PlacementSolution solution) {
        int[] capacity = new int[solution.getProviders().size()];
        for (Provider p : solution.getProviders()) {
            capacity[p.getIndex()] = p.getPlaces();
        }
        return capacity;
    }
}
