package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Settling split sibling groups stops in time for the rounding: with the solve's limit already at hand
 * ({@link FlowConstruction#LIMIT_ENDS}), the construction rounds the flow as it was solved, unsettled.
 */
class ConstructionLimitTest {

    @AfterEach
    void noLimit() {
        FlowConstruction.LIMIT_ENDS.remove();
    }

    private static PlacementSolution county() throws Exception {
        return ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "county.json"))));
    }

    private static Map<PlacementUnit, Provider> unsettled(PlacementSolution solution) {
        FlowConstruction.Routed routed = FlowConstruction.routed(solution, CandidateLimit.DEFAULT);
        return GreedyPlacement.decideFrom(solution, routed.flow().mostFlow());
    }

    @Test
    void withTheLimitAtHandTheFlowIsRoundedUnsettled() throws Exception {
        PlacementSolution solution = county();
        Map<PlacementUnit, Provider> unsettled = unsettled(solution);

        FlowConstruction.LIMIT_ENDS.set(System.nanoTime());

        assertThat(FlowConstruction.decide(solution, () -> false, CandidateLimit.DEFAULT))
                .isEqualTo(unsettled);
    }

    /** The check above can fail: with time, settling changes where some units go on county. */
    @Test
    void withTimeSettlingChangesThePlan() throws Exception {
        PlacementSolution solution = county();
        Map<PlacementUnit, Provider> unsettled = unsettled(solution);

        FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + 3_600_000_000_000L);

        assertThat(FlowConstruction.decide(solution, () -> false, CandidateLimit.DEFAULT))
                .isNotEqualTo(unsettled);
    }
}
