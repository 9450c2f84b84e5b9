package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.UnitDifficulty;

/** What the rounding keeps from one try to the next answers as working it out afresh would. */
class CaseloadMemoTest {

    private static PlacementSolution county() throws Exception {
        return ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "county.json"))));
    }

    /** The units come in the order a sort of the movable units, those held first, then hardest first, gives. */
    @Test
    void theUnitsComeHeldFirstThenHardestFirstAsASortWouldPutThem() throws Exception {
        PlacementSolution solution = county();
        CaseloadMemo memo = new CaseloadMemo(solution);
        List<PlacementUnit> movable =
                solution.getUnits().stream().filter(u -> !u.isPinned()).toList();
        Random random = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            Set<PlacementUnit> first = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PlacementUnit unit : movable) {
                if (random.nextInt(4) > trial % 4) {
                    first.add(unit);
                }
            }
            List<PlacementUnit> sorted = movable.stream()
                    .sorted(Comparator.<PlacementUnit, Boolean>comparing(unit -> !first.contains(unit))
                            .thenComparing(new UnitDifficulty().reversed()))
                    .toList();

            assertThat(memo.hardestFirst(first)).containsExactlyElementsOf(sorted);
        }
        assertThat(memo.hardestFirst(Set.of())).hasSameSizeAs(movable).isNotEmpty();
    }

    /**
     * The points at the providers a flow offers (some of the first candidates, in their order, and the current place
     * after them whatever its rank) and at the place a unit is held are its soft points there, asked in any order.
     */
    @Test
    void thePointsAtTheProvidersOfferedAndWhereHeldAreTheUnitsPointsThere() throws Exception {
        PlacementSolution solution = county();
        CaseloadMemo memo = new CaseloadMemo(solution);
        int units = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> candidates = unit.getCandidates();
            if (unit.isPinned() || candidates.size() < 12) {
                continue;
            }
            units++;
            List<Provider> offered = new ArrayList<>();
            for (int k = units % 3; k < 8; k += 1 + units % 2) {
                offered.add(candidates.get(k));
            }
            offered.add(candidates.get(10));
            long[] points = memo.pointsAt(unit, offered, 8);
            for (int a = 0; a < offered.size(); a++) {
                assertThat(points[a])
                        .as(unit.getId() + " at " + offered.get(a))
                        .isEqualTo(unit.staticSoftPoints(offered.get(a)));
            }
            for (Provider held :
                    List.of(candidates.get(11), candidates.get(2), candidates.get(2), candidates.get(11))) {
                assertThat(memo.pointsHeldAt(unit, held)).isEqualTo(unit.staticSoftPoints(held));
            }
        }
        assertThat(units).isGreaterThan(20);
    }

    /** A unit whose list is replaced (pricing widens a short list) is sorted again by its new difficulty. */
    @Test
    void aUnitWhoseListIsWidenedIsSortedAgain() throws Exception {
        PlacementSolution solution = PricedFlowTest.keepingOnly(county(), 1);
        CaseloadMemo memo = new CaseloadMemo(solution);
        List<PlacementUnit> before = memo.hardestFirst(Set.of());
        PlacementUnit widened = before.getFirst();
        widened.widenToAllCandidates();

        List<PlacementUnit> sorted = solution.getUnits().stream()
                .filter(u -> !u.isPinned())
                .sorted(new UnitDifficulty().reversed())
                .toList();
        assertThat(sorted.getFirst())
                .as("the widened unit no longer the hardest")
                .isNotSameAs(widened);
        assertThat(memo.hardestFirst(Set.of())).containsExactlyElementsOf(sorted);
    }

    /** The points kept follow the unit's list when it is replaced (pricing widens a short list). */
    @Test
    void thePointsKeptFollowTheUnitsListWhenItIsReplaced() throws Exception {
        PlacementSolution solution = county();
        PlacementUnit unit = solution.getUnits().stream()
                .filter(u -> !u.isPinned()
                        && u.getCandidates().size() > 4
                        && u.staticSoftPoints(u.getCandidates().get(3))
                                != u.staticSoftPoints(u.getCandidates().get(0)))
                .findFirst()
                .orElseThrow();
        List<Provider> whole = List.copyOf(unit.getCandidates());
        unit.limitCandidates(List.of(whole.get(3)), 0);
        CaseloadMemo.CandidatePoints points = new CaseloadMemo(solution).pointsOf(unit);

        assertThat(points.at(0)).isEqualTo(unit.staticSoftPoints(whole.get(3)));

        unit.widenToAllCandidates();
        for (int k = 0; k < 5; k++) {
            assertThat(points.at(k))
                    .as("candidate " + k)
                    .isEqualTo(unit.staticSoftPoints(unit.getCandidates().get(k)));
        }
        assertThat(points.at(0)).isEqualTo(unit.staticSoftPoints(whole.getFirst()));
    }
}
