package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.solver.CandidateUniverse;
import org.placementmatcher.solver.ProblemMapper;

/**
 * A unit limited to its cheapest eligible providers ({@link PlacementUnit#limitCandidates}), as the mapper limits
 * every unit of a problem above the gate: it may go only where its list says, its current placement stays in the list
 * where it is eligible (and where it is pinned), it says how many points those left out have at least, and widening
 * gives it back every eligible provider. Problems below the gate keep whole lists.
 */
class LimitedCandidatesTest {

    @Test
    void theGateLimitsOnlyProblemsOfMoreThanABillionPairs() throws Exception {
        assertThat(CandidateUniverse.applies(12_000, 8_498, CandidateUniverse.DEFAULT_ABOVE))
                .isFalse();
        assertThat(CandidateUniverse.applies(80_000, 56_049, CandidateUniverse.DEFAULT_ABOVE))
                .isTrue();
        assertThat(CandidateUniverse.applies(1000, 1000, 1_000_000)).isFalse();
        assertThat(CandidateUniverse.applies(1001, 1000, 1_000_000)).isTrue();
        PlacementSolution county = ProblemMapper.toSolution(CandidateSearchTest.problem("county.json"));
        assertThat(county.getUnits()).allSatisfy(unit -> {
            assertThat(unit.hasAllCandidates()).isTrue();
            assertThat(unit.omittedPointsAtLeast()).isEqualTo(Long.MAX_VALUE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"small.json", "county.json", "generated:11"})
    void aLimitedUnitGoesOnlyWhereItsListSays(String sample) throws Exception {
        PlacementProblem problem = CandidateSearchTest.problem(sample);
        PlacementSolution whole = ProblemMapper.toSolution(problem, Long.MAX_VALUE, () -> 1);
        PlacementSolution limited = ProblemMapper.toSolution(problem, 0, () -> 5);
        int cut = 0;
        int currentAdded = 0;
        for (int u = 0; u < whole.getUnits().size(); u++) {
            PlacementUnit full = whole.getUnits().get(u);
            PlacementUnit unit = limited.getUnits().get(u);
            String as = unit.getId();
            List<String> wholeEligible =
                    ids(full.getCandidates().stream().filter(full::isEligible).toList());
            List<String> list = ids(unit.getCandidates());
            Provider current = unit.sharedCurrentPlacement();
            boolean currentEligible =
                    current != null && full.isEligible(whole.getProviders().get(current.getIndex()));
            int prefix = list.size();
            if (current != null && (currentEligible || unit.isPinned()) && list.indexOf(current.getId()) >= 5) {
                // Added after the k cheapest: nobody is moved for want of the place they are in.
                prefix--;
                currentAdded++;
                assertThat(list.getLast()).as(as).isEqualTo(current.getId());
            }
            assertThat(list.subList(0, prefix)).as(as).isEqualTo(wholeEligible.subList(0, prefix));
            if (currentEligible || current != null && unit.isPinned()) {
                assertThat(list).as(as).contains(current.getId());
            }
            if (!unit.hasAllCandidates()) {
                cut++;
                assertThat(prefix).as(as).isGreaterThanOrEqualTo(5);
                for (String left : wholeEligible.subList(prefix, wholeEligible.size())) {
                    assertThat(full.staticSoftPoints(byId(whole, left)))
                            .as(as + " " + left)
                            .isGreaterThanOrEqualTo(unit.omittedPointsAtLeast());
                }
            } else {
                assertThat(list.subList(0, prefix)).as(as).isEqualTo(wholeEligible);
            }
            for (Provider p : limited.getProviders()) {
                boolean eligibleThere = full.isEligible(whole.getProviders().get(p.getIndex()));
                boolean listed = list.contains(p.getId());
                assertThat(unit.isEligible(p)).as(as + " " + p).isEqualTo(listed && eligibleThere);
                assertThat(unit.getProviderRange().contains(p)).as(as + " " + p).isEqualTo(listed);
                if (eligibleThere && !listed) {
                    // Eligible but not listed: no per-child rule is broken there, so no hard points either.
                    Provider before = unit.getProvider();
                    unit.setProvider(p);
                    for (HardRule rule : HardRule.values()) {
                        if (rule.isPerChildAtProvider()) {
                            assertThat(unit.hardPoints(rule))
                                    .as(as + " " + p + " " + rule)
                                    .isZero();
                        }
                    }
                    unit.setProvider(before);
                }
            }
            assertThat(id(unit.getProvider())).as(as + " starts").isEqualTo(id(full.getProvider()));
        }
        assertThat(cut).as("units cut").isPositive();
        if (!sample.equals("small.json")) {
            assertThat(currentAdded).as("current placements added").isPositive();
        }
    }

    @Test
    void wideningGivesEveryEligibleProviderBackWhileOthersRead() throws Exception {
        PlacementProblem problem = CandidateSearchTest.problem("county.json");
        PlacementSolution whole = ProblemMapper.toSolution(problem, Long.MAX_VALUE, () -> 1);
        PlacementSolution limited = ProblemMapper.toSolution(problem, 0, () -> 3);
        int widened = 0;
        for (int u = 0; u < whole.getUnits().size(); u++) {
            PlacementUnit full = whole.getUnits().get(u);
            PlacementUnit unit = limited.getUnits().get(u);
            if (unit.hasAllCandidates()) {
                continue;
            }
            List<Provider> before = unit.getCandidates();
            List<Integer> sizesSeen = new CopyOnWriteArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    sizesSeen.add(unit.getCandidates().size());
                }
            });
            reader.start();
            unit.widenToAllCandidates();
            done.set(true);
            reader.join();
            assertThat(sizesSeen)
                    .allMatch(size -> size == before.size()
                            || size == full.getCandidates().size());
            assertThat(unit.hasAllCandidates()).isTrue();
            assertThat(ids(unit.getCandidates())).isEqualTo(ids(full.getCandidates()));
            for (Provider p : limited.getProviders()) {
                Provider same = whole.getProviders().get(p.getIndex());
                assertThat(unit.isEligible(p)).as(unit.getId() + " " + p).isEqualTo(full.isEligible(same));
                assertThat(unit.getProviderRange().contains(p))
                        .as(unit.getId() + " " + p)
                        .isEqualTo(full.getProviderRange().contains(same));
            }
            widened++;
        }
        assertThat(widened).isGreaterThan(100);
    }

    /** A pinned child whose current placement now breaks a rule (inside an excluded area) keeps it, listed last. */
    @Test
    void aPinnedUnitKeepsAnIneligibleCurrentPlacement() throws Exception {
        ObjectNode root =
                (ObjectNode) ContractJson.mapper().readTree(Files.readString(Path.of("sample-data", "county.json")));
        Map<String, JsonNode> providers = new HashMap<>();
        root.withArray("providers").forEach(p -> providers.put(p.get("id").asText(), p));
        ObjectNode pinned = null;
        for (JsonNode child : root.withArray("children")) {
            if (child.path("pinned").asBoolean() && child.has("currentPlacement") && !child.has("siblingGroup")) {
                pinned = (ObjectNode) child;
                break;
            }
        }
        assertThat(pinned).isNotNull();
        JsonNode at = providers.get(pinned.get("currentPlacement").asText()).get("location");
        ArrayNode excluded = pinned.putArray("excludedAreas");
        excluded.addObject()
                .put("lat", at.get("lat").asDouble())
                .put("lon", at.get("lon").asDouble())
                .put("radiusMiles", 1.0);
        PlacementProblem problem = ProblemReader.read(ContractJson.mapper().writeValueAsString(root));
        String unitId = "child:" + pinned.get("id").asText();
        PlacementUnit full = unitOf(ProblemMapper.toSolution(problem, Long.MAX_VALUE, () -> 1), unitId);
        PlacementUnit unit = unitOf(ProblemMapper.toSolution(problem, 0, () -> 3), unitId);
        Provider current = unit.sharedCurrentPlacement();
        assertThat(unit.hasAllCandidates()).isFalse();
        assertThat(unit.getCandidates().getLast()).isSameAs(current);
        assertThat(full.getCandidates().getLast().getId()).isEqualTo(current.getId());
        assertThat(unit.isEligible(current)).isFalse();
        assertThat(unit.getProviderRange().contains(current)).isTrue();
        assertThat(unit.getProvider()).isSameAs(current);
        assertThat(unit.hardPoints(HardRule.H12)).isEqualTo(1);
        unit.widenToAllCandidates();
        assertThat(unit.getCandidates().getLast()).isSameAs(current);
        assertThat(unit.isEligible(current)).isFalse();
        assertThat(ids(unit.getCandidates())).isEqualTo(ids(full.getCandidates()));
    }

    private static PlacementUnit unitOf(PlacementSolution solution, String id) {
        return solution.getUnits().stream()
                .filter(u -> u.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Provider byId(PlacementSolution solution, String id) {
        return solution.getProviders().stream()
                .filter(p -> p.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String id(Provider p) {
        return p == null ? null : p.getId();
    }

    private static List<String> ids(List<Provider> providers) {
        List<String> ids = new ArrayList<>();
        for (Provider p : providers) {
            ids.add(p.getId());
        }
        return ids;
    }
}
