package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_10;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_14;
import static org.placementmatcher.solver.PlacementFlowTest.byFirstChild;
import static org.placementmatcher.solver.PlacementFlowTest.child;
import static org.placementmatcher.solver.PlacementFlowTest.provider;
import static org.placementmatcher.solver.PlacementFlowTest.providerNamed;
import static org.placementmatcher.solver.PlacementFlowTest.solution;
import static org.placementmatcher.solver.PlacementFlowTest.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.RetrialTries.Reach;

/**
 * Whom a try of the retrial holds and lets go ({@link RetrialTries}): the units placed nearest the group, the single
 * children nearest the try, how far a round reaches, and where a group is tried together.
 */
class RetrialTriesTest {

    /** A provider of two places for children of any age, {@code northOf} hundredths of a degree north of the rest. */
    static String homeNorth(String id, int northOf, int places, int cost) {
        return """
                {"id": "%s", "type": "RESIDENTIAL_HOME", "localAuthority": "E1", "location": {"lat": %s, "lon": 0.0},
                 "places": %d, "ageMin": 0, "ageMax": 17, "weeklyCost": %d}""".formatted(id, 52.0 + northOf / 100.0, places, cost);
    }

    static String sibling(String id, String group, boolean together) {
        return child(
                id, AGE_10, "PLANNED", ", \"siblingGroup\": \"%s\", \"placeTogether\": %b".formatted(group, together));
    }

    /**
     * Sibling groups G0, G1, ... (two children each) placed at homes N0, N1, ... of {@code places} each, each further
     * north, {@code homes} of each; and for each of {@code apartGroups} an apart pair (X1, X2) not placed.
     */
    private static PlacementSolution groupsNorth(int homes, int places, String... apartGroups) {
        List<String> providers = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (int k = 0; k < homes; k++) {
            providers.add(homeNorth("N" + k, k, places, 100));
            children.add(sibling("G" + k + "a", "G" + k, true));
            children.add(sibling("G" + k + "b", "G" + k, true));
        }
        for (String group : apartGroups) {
            List.of(group + "1", group + "2").forEach(id -> children.add(sibling(id, group, false)));
        }
        PlacementSolution solution = solution(providers, children);
        for (int k = 0; k < homes; k++) {
            unit(solution, "G" + k + "a").setProvider(providerNamed(solution, "N" + k));
        }
        return solution;
    }

    @Test
    void theUnitsPlacedNearestTheGroupAreLetGoWithItTheirApartSiblingsTooAndTheRestHeld() {
        // Apart siblings A at N0 (the group tried again) and B, one at N0 (near) and one at N19 (far).
        int homes = Reach.FIRST.neighbours() + 4;
        PlacementSolution solution = groupsNorth(homes, 6, "A", "B");
        List.of("A1", "A2", "B1").forEach(id -> unit(solution, id).setProvider(providerNamed(solution, "N0")));
        unit(solution, "B2").setProvider(providerNamed(solution, "N" + (homes - 1)));
        List<PlacementUnit> group = List.of(unit(solution, "A1"), unit(solution, "A2"));

        Map<PlacementUnit, Provider> held = RetrialTries.held(solution, group, Reach.FIRST);

        // Let go: G0 and B1 (at N0), G1..G14: sixteen; and B2, B1's apart sibling, though placed furthest.
        Map<String, String> farthest =
                Map.of("G15a", "N15", "G16a", "N16", "G17a", "N17", "G18a", "N18", "G19a", "N19");
        assertThat(byFirstChild(held)).isEqualTo(farthest);
        // The nearest to where the group has anyone placed: with A1 unplaced, A2's place.
        unit(solution, "A1").setProvider(null);
        assertThat(byFirstChild(RetrialTries.held(solution, group, Reach.FIRST)))
                .isEqualTo(farthest);
    }

    @Test
    void aWiderReachLetsGoTwiceAsManyNeighboursAndSingleChildren() {
        // Apart siblings A at N0: at the first reach the four farthest groups are held, at the next none.
        PlacementSolution solution = groupsNorth(Reach.FIRST.neighbours() + 4, 2, "A");
        List<PlacementUnit> group = List.of(unit(solution, "A1"), unit(solution, "A2"));
        group.forEach(member -> member.setProvider(providerNamed(solution, "N0")));
        Reach wider = Reach.FIRST.wider();

        assertThat(RetrialTries.held(solution, group, Reach.FIRST)).hasSize(4);
        assertThat(RetrialTries.held(solution, group, wider)).isEmpty();
        assertThat(wider.neighbours()).isEqualTo(2 * Reach.FIRST.neighbours());
        assertThat(wider.singles()).isEqualTo(2 * Reach.FIRST.singles());
    }

    @Test
    void aRoundThatImprovesNothingIsFollowedByAWiderOneUpToTheMostNeighboursOrEveryUnit() {
        Reach first = Reach.FIRST;
        int units = 1_200;

        assertThat(first.afterRound(true, units)).isEqualTo(first);
        assertThat(first.afterRound(false, units)).isEqualTo(first.wider());
        // 16, 32, 64 neighbours, and no further.
        assertThat(rounds(first, units)).isEqualTo(3);
        Reach widest = first.wider().wider();
        assertThat(widest.neighbours()).isEqualTo(Reach.MOST_NEIGHBOURS);
        assertThat(widest.afterRound(false, units)).isNull();
        assertThat(widest.afterRound(true, units)).isEqualTo(widest);
        // On a caseload of 20 units the round at 32 lets every unit go, and is the last.
        assertThat(rounds(first, 20)).isEqualTo(2);
        assertThat(new Reach(20, 19).afterRound(false, 20)).isNotNull();
    }

    /** How many rounds from {@code reach} on a caseload of {@code units} units while none improves the plan. */
    private static int rounds(Reach reach, int units) {
        int rounds = 0;
        for (Reach r = reach; r != null; r = r.afterRound(false, units)) {
            rounds++;
        }
        return rounds;
    }

    @Test
    void theSingleChildrenPlacedNearestTheTryAreRoutedAgainTheFarOnesHeldTheUnplacedNever() {
        // Apart siblings A at N0; single children: all but one of those released at N0, one at N1 (near), one at N9
        // (far), two unplaced (the last S and U), never held.
        int released = Reach.FIRST.singles();
        List<String> providers =
                List.of(homeNorth("N0", 0, released + 2, 100), homeNorth("N1", 1, 2, 100), homeNorth("N9", 9, 2, 100));
        List<String> children = new ArrayList<>();
        List.of("A1", "A2").forEach(id -> children.add(sibling(id, "A", false)));
        for (int k = 0; k < released + 2; k++) {
            children.add(child("S" + k, AGE_14, "PLANNED", ""));
        }
        children.add(child("U", AGE_14, "PLANNED", ""));
        PlacementSolution solution = solution(providers, children);
        List.of("A1", "A2").forEach(id -> unit(solution, id).setProvider(providerNamed(solution, "N0")));
        for (int k = 0; k < released - 1; k++) {
            unit(solution, "S" + k).setProvider(providerNamed(solution, "N0"));
        }
        unit(solution, "S" + (released - 1)).setProvider(providerNamed(solution, "N1"));
        unit(solution, "S" + released).setProvider(providerNamed(solution, "N9"));
        List<PlacementUnit> group = List.of(unit(solution, "A1"), unit(solution, "A2"));

        assertThat(byFirstChild(RetrialTries.held(solution, group, Reach.FIRST)))
                .containsOnly(Map.entry("S" + released, "N9"));
        // Gathered at N9: nearest there are N9's child, N1's, then N0's; the last of N0's is held.
        assertThat(byFirstChild(RetrialTries.heldGathered(solution, group, providerNamed(solution, "N9"), Reach.FIRST)))
                .containsOnly(Map.entry("A1", "N9"), Map.entry("A2", "N9"), Map.entry("S" + (released - 2), "N0"));
    }

    /** Apart siblings A1, A2 together at P; a sibling group G at Q, another, H, at R; a single child S at Q. */
    private static PlacementSolution apartPairAtPAndGroupsAtQAndR() {
        PlacementSolution solution = solution(
                List.of(
                        provider("T", 1, 0, 17, 50, ""),
                        provider("Q", 3, 0, 17, 100, ""),
                        provider("R", 2, 0, 17, 200, ""),
                        provider("P", 2, 0, 17, 300, "")),
                List.of(
                        sibling("A1", "A", false),
                        sibling("A2", "A", false),
                        sibling("G1", "G", true),
                        sibling("G2", "G", true),
                        sibling("H1", "H", true),
                        sibling("H2", "H", true),
                        child("S", AGE_14, "PLANNED", "")));
        Provider p = providerNamed(solution, "P");
        Provider q = providerNamed(solution, "Q");
        List.of("A1", "A2").forEach(id -> unit(solution, id).setProvider(p));
        unit(solution, "G1").setProvider(q);
        unit(solution, "S").setProvider(q);
        unit(solution, "H1").setProvider(providerNamed(solution, "R"));
        return solution;
    }

    @Test
    void anApartGroupIsTriedTogetherAtItsCheapestPlacesWithRoomForAllOfItElsewhere() {
        PlacementSolution solution = apartPairAtPAndGroupsAtQAndR();
        List<PlacementUnit> group = List.of(unit(solution, "A1"), unit(solution, "A2"));

        // T (cheapest) has one place for two children, and both are at P already.
        assertThat(RetrialTries.gatherPlaces(group)).extracting(Provider::getId).containsExactly("Q", "R");

        unit(solution, "A2").setProvider(providerNamed(solution, "Q"));
        // Apart, they are tried together at P too, where one of them is.
        assertThat(RetrialTries.gatherPlaces(group)).extracting(Provider::getId).containsExactly("Q", "R", "P");
    }

    @Test
    void triedTogetherAtAPlaceTheGroupIsHeldThereAndWhoeverTheFlowCannotRouteIsLetGoThereAndHeldElsewhere() {
        PlacementSolution solution = apartPairAtPAndGroupsAtQAndR();
        List<PlacementUnit> group = List.of(unit(solution, "A1"), unit(solution, "A2"));

        Map<PlacementUnit, Provider> held =
                RetrialTries.heldGathered(solution, group, providerNamed(solution, "Q"), Reach.FIRST);

        // G, at Q, goes where the flow sends it (as S, whom the flow routes anyway); H stays at R.
        assertThat(byFirstChild(held)).containsOnly(Map.entry("A1", "Q"), Map.entry("A2", "Q"), Map.entry("H1", "R"));
    }

    /**
     * The tries of an apart group together elsewhere come after every stage of tries letting groups go with their
     * neighbours: they rarely improve a plan (none of 888 on the region), and took two thirds of the region's retrial.
     */
    @Test
    void theTriesOfAGroupTogetherElsewhereComeLast() {
        List<ApartGroupRetrial.Stage> stages = List.of(ApartGroupRetrial.Stage.values());

        assertThat(stages.getLast()).isEqualTo(ApartGroupRetrial.Stage.APART_GROUPS_GATHERED);
        assertThat(stages.subList(0, stages.size() - 1))
                .containsExactly(
                        ApartGroupRetrial.Stage.APART_GROUPS_LET_GO, ApartGroupRetrial.Stage.SIBLING_GROUPS_LET_GO);
    }
}
