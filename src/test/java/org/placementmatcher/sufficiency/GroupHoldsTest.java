package org.placementmatcher.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;

class GroupHoldsTest {

    private static final PlacementSolver SOLVER = PlacementSolver.fromClasspathConfig();

    /**
     * Two sisters who may be placed apart (C1, C2) and a girl on her own (C3); beds at P1 and P2 (one each, £100) and
     * P3 (two, £100), all at home. The plan given has the sisters at P1 and P2: 500 siblingsApart points more than
     * with both at P3 and C3 at P1 or P2.
     */
    private static final PlacementProblem SISTERS_APART = ProblemReader.read(SufficiencyFixtures.problem(
            List.of(
                    SufficiencyFixtures.provider("P1", "E1", 1, 100, 17),
                    SufficiencyFixtures.provider("P2", "E1", 1, 100, 17),
                    SufficiencyFixtures.provider("P3", "E1", 2, 100, 17)),
            List.of(sister("C1"), sister("C2"), SufficiencyFixtures.child("C3", "PLANNED"))));

    private static String sister(String id) {
        return SufficiencyFixtures.child(id, "PLANNED")
                .replace("\"urgency\"", "\"siblingGroup\": \"S1\", \"placeTogether\": false, \"urgency\"");
    }

    private static PlacementSolution planWith(Map<String, String> providerOfChild) {
        PlacementSolution plan = ProblemMapper.toSolution(SISTERS_APART);
        for (PlacementUnit unit : plan.getUnits()) {
            String at = providerOfChild.get(unit.getMembers().getFirst().getId());
            unit.setProvider(plan.getProviders().stream()
                    .filter(p -> p.getId().equals(at))
                    .findFirst()
                    .orElseThrow());
        }
        SOLVER.score(plan);
        return plan;
    }

    private static String providerOf(PlacementSolution plan, String childId) {
        return plan.getUnits().stream()
                .filter(u -> u.getMembers().getFirst().getId().equals(childId))
                .map(PlacementUnit::getProvider)
                .map(Provider::getId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aGroupPlacedApartIsOfferedTogetherAtEachProviderWithRoomForAllOfItCheapestFirst() {
        PlacementSolution apart = planWith(Map.of("C1", "P1", "C2", "P2", "C3", "P3"));

        // P3 is the only provider with two places; a place there is priced at 50, elsewhere at nothing.
        List<Map<String, String>> options = GroupHolds.bringTogether(apart, 4, Map.of("P3", 50L));

        assertThat(options).containsExactly(Map.of("child:C1", "P3", "child:C2", "P3"));
        assertThat(GroupHolds.bringTogether(planWith(Map.of("C1", "P3", "C2", "P3", "C3", "P1")), 4, Map.of()))
                .as("a group already together is not offered")
                .isEmpty();
    }

    @Test
    void theSearchBringsTheSistersTogetherAndRoutesTheOtherChildAroundThem() {
        PlacementSolution apart = planWith(Map.of("C1", "P1", "C2", "P2", "C3", "P3"));
        assertThat(apart.getScore().toString()).isEqualTo("0hard/0medium/-800soft");

        GroupHolds.Improved lifted =
                GroupHolds.search(SOLVER, SISTERS_APART, apart, Map.of(), 6, Duration.ofMillis(200), 2, () -> false);

        assertThat(lifted.holds()).isEqualTo(Map.of("child:C1", "P3", "child:C2", "P3"));
        assertThat(providerOf(lifted.plan(), "C1")).isEqualTo("P3");
        assertThat(providerOf(lifted.plan(), "C2")).isEqualTo("P3");
        assertThat(providerOf(lifted.plan(), "C3")).isIn("P1", "P2");
        assertThat(lifted.plan().getScore().toString()).isEqualTo("0hard/0medium/-300soft");
    }

    @Test
    void withNothingBetterTheSearchKeepsThePlanAndHoldsNothing() {
        PlacementSolution together = planWith(Map.of("C1", "P3", "C2", "P3", "C3", "P1"));

        GroupHolds.Improved lifted =
                GroupHolds.search(SOLVER, SISTERS_APART, together, Map.of(), 6, Duration.ofMillis(200), 2, () -> false);

        assertThat(lifted.plan()).isSameAs(together);
        assertThat(lifted.holds()).isEmpty();
    }
}
