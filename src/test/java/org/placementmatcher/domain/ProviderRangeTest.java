package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The solver's value range of a unit ({@link PlacementUnit#getProviderRange}) holds exactly the unit's candidates, in
 * their order (the solver's iteration and random picks follow it), and says so for every provider of the problem; it
 * follows the candidates when they are replaced ({@link PlacementUnit#allowAnyProvider}).
 */
class ProviderRangeTest {

    @Test
    void theValueRangeIsTheCandidatesInTheirOrder() throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "small.json"))));
        List<Provider> providers = solution.getProviders();
        int partial = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> candidates = unit.getCandidates();
            Set<Provider> range = unit.getProviderRange();
            assertThat(range).as(unit.getId()).isInstanceOf(SortedSet.class);
            assertThat(new ArrayList<>(range)).as(unit.getId()).containsExactlyElementsOf(candidates);
            assertThat(range).hasSize(candidates.size());
            for (Provider p : providers) {
                assertThat(range.contains(p)).as(unit.getId() + " at " + p).isEqualTo(candidates.contains(p));
            }
            assertThat(range.contains(null)).isFalse();
            if (candidates.size() < providers.size()) {
                partial++;
            }
            unit.allowAnyProvider();
            assertThat(new ArrayList<>(unit.getProviderRange())).containsExactlyElementsOf(providers);
            assertThat(providers).allMatch(unit.getProviderRange()::contains);
        }
        assertThat(partial).as("units with only some providers in range").isGreaterThan(10);
    }

    @Test
    void theSortedViewsFollowTheCandidatesOrder() throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "small.json"))));
        PlacementUnit unit = solution.getUnits().stream()
                .filter(u -> u.getCandidates().size() >= 4)
                .findFirst()
                .orElseThrow();
        List<Provider> candidates = unit.getCandidates();
        SortedSet<Provider> range = (SortedSet<Provider>) unit.getProviderRange();
        assertThat(range.first()).isSameAs(candidates.getFirst());
        assertThat(range.last()).isSameAs(candidates.getLast());
        assertThat(range.headSet(candidates.get(2))).containsExactlyElementsOf(candidates.subList(0, 2));
        assertThat(range.tailSet(candidates.get(2)))
                .containsExactlyElementsOf(candidates.subList(2, candidates.size()));
        assertThat(range.subSet(candidates.get(1), candidates.get(3)))
                .containsExactlyElementsOf(candidates.subList(1, 3));
        assertThat(range.comparator().compare(candidates.get(3), candidates.get(1)))
                .isPositive();
    }
}
