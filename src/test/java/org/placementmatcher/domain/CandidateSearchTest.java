package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The spatial search finds exactly what checking every provider finds: for every unit of the sample problems and of
 * generated ones (other seeds, other weights, the distance or the cost switched off), its k cheapest eligible
 * providers are the first k entries of the whole list, in the same order (ties by index); every
 * eligible provider left out has at least the points the search says; and a k as long as the whole list gives the
 * whole list, said to be complete. (At exactly k eligible the search cannot know none is left, so it may say a floor.)
 */
class CandidateSearchTest {

    private static final int[] KS = {1, 5, 50};

    @ParameterizedTest
    @ValueSource(
            strings = {
                "small.json",
                "county.json",
                "region.json",
                "generated:7",
                "generated:8:noDistance",
                "generated:9:noCost",
                "generated:10:neither"
            })
    void theSearchFindsTheFirstEntriesOfTheWholeList(String sample) throws Exception {
        PlacementSolution solution = ProblemMapper.toSolution(problem(sample), Long.MAX_VALUE, () -> 1);
        CandidateSearch search = new CandidateSearch(solution.getProviders(), solution.getWeights());
        int groups = 0;
        int excluding = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            groups += unit.size() > 1 ? 1 : 0;
            excluding += unit.getMembers().stream()
                            .anyMatch(c -> !c.getExcludedAreas().isEmpty())
                    ? 1
                    : 0;
            List<Provider> whole =
                    unit.getCandidates().stream().filter(unit::isEligible).toList();
            for (int k : KS) {
                CandidateSearch.Result found = search.cheapest(unit, k);
                String as = unit.getId() + " k=" + k;
                List<Provider> list = found.cheapestFirst();
                assertThat(list.size()).as(as).isLessThanOrEqualTo(whole.size());
                assertThat(list).as(as).containsExactlyElementsOf(whole.subList(0, list.size()));
                if (k > whole.size()) {
                    // Fewer eligible than asked for: the search saw them all, and knows it.
                    assertThat(list).as(as).hasSize(whole.size());
                    assertThat(found.isComplete()).as(as).isTrue();
                    continue;
                }
                if (found.isComplete()) {
                    assertThat(list).as(as).hasSize(whole.size());
                    continue;
                }
                // Exactly the first k (ties by index, as the whole list), every one left out at the floor or above.
                assertThat(list).as(as).hasSize(k);
                long kth = unit.staticSoftPoints(list.get(k - 1));
                assertThat(found.omittedPointsAtLeast()).as(as).isEqualTo(kth);
                for (Provider left : whole.subList(list.size(), whole.size())) {
                    assertThat(unit.staticSoftPoints(left))
                            .as(as + " left out " + left)
                            .isGreaterThanOrEqualTo(found.omittedPointsAtLeast());
                }
            }
        }
        if (!sample.equals("small.json")) {
            assertThat(groups).as("sibling units").isPositive();
            assertThat(excluding).as("units with excluded areas").isPositive();
        }
    }

    static PlacementProblem problem(String sample) throws Exception {
        if (!sample.startsWith("generated")) {
            return ProblemReader.read(Files.readString(Path.of("sample-data", sample)));
        }
        String[] parts = sample.split(":");
        PlacementProblem p = SampleDataGenerator.generate(SampleSize.COUNTY, Long.parseLong(parts[1]));
        Map<String, Long> weights = parts.length < 3
                ? Map.of()
                : switch (parts[2]) {
                    case "noDistance" -> Map.of("distancePerMile", 0L, "language", 30L);
                    case "noCost" -> Map.of("cost", 0L, "over20Miles", 0L);
                    default -> Map.of("cost", 0L, "distancePerMile", 0L);
                };
        return new PlacementProblem(
                p.schemaVersion(),
                p.name(),
                p.referenceDate(),
                p.homeAuthority(),
                weights.isEmpty() ? p.weights() : weights,
                p.providers(),
                p.children(),
                p.adjoiningAuthorities(),
                p.minimumOfstedJudgement());
    }
}
