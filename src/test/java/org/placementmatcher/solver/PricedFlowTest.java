package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * A flow offered each unit only its cheapest few providers, then priced out ({@link PlacementFlow#solvePriced}), ends
 * at the optimum of the whole network; and the searches that expand a unit's arcs a few at a time
 * ({@code expandArcs}) find the same optimum as a plain min-cost flow.
 */
class PricedFlowTest {

    /**
     * Providers scattered around the home authority, few places each, and more children than places, some in sibling
     * groups (together or apart), some already placed: the cheapest providers are contended, so the optimum uses
     * providers far down each unit's list.
     */
    static PlacementSolution randomProblem(long seed) {
        Random random = new Random(seed);
        List<String> providers = new ArrayList<>();
        int providerCount = 6 + random.nextInt(10);
        for (int p = 0; p < providerCount; p++) {
            providers.add("""
                    {"id": "P%d", "type": "%s", "localAuthority": "E1",
                     "location": {"lat": %.4f, "lon": %.4f}, "places": %d, "ageMin": %d, "ageMax": 17, "weeklyCost": %d}""".formatted(
                            p,
                            random.nextBoolean() ? "RESIDENTIAL_HOME" : "IFA_FOSTER",
                            52 + random.nextDouble() * 0.6,
                            random.nextDouble() * 0.6,
                            1 + random.nextInt(3),
                            random.nextInt(3) * 4,
                            300 + random.nextInt(3000)));
        }
        List<String> children = new ArrayList<>();
        int childCount = 8 + random.nextInt(20);
        String group = null;
        for (int c = 0; c < childCount; c++) {
            // Now and then a sibling group starts (placed together or apart), and the next children may join it.
            if (group != null && random.nextInt(3) == 0) {
                // joins the open group
            } else if (random.nextInt(4) == 0) {
                group = ", \"siblingGroup\": \"G%d\", \"placeTogether\": %b".formatted(c, random.nextBoolean());
            } else {
                group = null;
            }
            String sibling = group == null ? "" : group;
            String current = random.nextInt(4) == 0
                    ? ", \"currentPlacement\": \"P%d\"".formatted(random.nextInt(providerCount))
                    : "";
            children.add("""
                    {"id": "C%d", "dateOfBirth": "%d-03-01", "gender": "%s", "home": {"lat": %.4f, "lon": %.4f},
                     "urgency": "%s"%s%s}""".formatted(
                            c,
                            2009 + random.nextInt(16),
                            random.nextBoolean() ? "FEMALE" : "MALE",
                            52 + random.nextDouble() * 0.6,
                            random.nextDouble() * 0.6,
                            List.of("EMERGENCY", "URGENT", "PLANNED").get(random.nextInt(3)),
                            sibling,
                            current));
        }
        return ProblemMapper.toSolution(
                ProblemReader.read("""
                {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1",
                 "providers": [%s], "children": [%s]}""".formatted(String.join(",", providers), String.join(",", children))));
    }

    @Test
    void pricingATinyLimitReachesTheWholeNetworksOptimumOnRandomProblems() {
        int priced = 0;
        for (long seed = 0; seed < 60; seed++) {
            long s = seed;
            priced += assertPricedEqualsWhole(() -> randomProblem(s), "seed " + seed);
        }
        assertThat(priced).as("rounds of pricing that added arcs").isPositive();
    }

    @ParameterizedTest
    @CsvSource({"small.json", "county.json"})
    void pricingATinyLimitReachesTheWholeNetworksOptimumOnTheSampleCaseloads(String file) throws Exception {
        String json = Files.readString(Path.of("sample-data", file));
        assertThat(assertPricedEqualsWhole(() -> ProblemMapper.toSolution(ProblemReader.read(json)), file))
                .isPositive();
    }

    /** The construction's and the bound's flows at limits 1, 2 and 5 against the whole network's; returns the rounds. */
    private static int assertPricedEqualsWhole(Supplier<PlacementSolution> problem, String name) {
        FlowRelaxation whole =
                FlowConstruction.routed(problem.get(), CandidateLimit.NONE).totals();
        FlowRelaxation wholeBound = new PlacementFlow(problem.get()).solve(() -> false);
        int rounds = 0;
        for (int limit : new int[] {1, 2, 5}) {
            FlowConstruction.Routed routed = FlowConstruction.routed(problem.get(), limit);
            assertThat(routed.totals())
                    .as(name + " construction, limit " + limit)
                    .isEqualTo(whole);
            PlacementFlow bound = PlacementFlow.boundLimited(problem.get(), limit);
            assertThat(bound.solvePriced(() -> false))
                    .as(name + " bound, limit " + limit)
                    .isEqualTo(wholeBound);
            rounds += routed.pricingRounds() + bound.pricingRounds();
        }
        return rounds;
    }

    /**
     * On a problem too large for every unit to keep every eligible provider, a unit keeps its cheapest few and knows the
     * points of the rest ({@code omittedPointsAtLeast}). The construction's flow widens the list of every unit it would
     * leave unplaced, so none is unplaced for want of candidates, and it is never better than the whole network's
     * optimum; the bound's flow (an arc beyond each short list) is never worse than the whole network's, so still a
     * bound.
     */
    @Test
    void unitsKeepingOnlyTheirCheapestFewProvidersAreNeverLeftUnplacedForWantOfCandidates() throws Exception {
        String county = Files.readString(Path.of("sample-data", "county.json"));
        List<Supplier<PlacementSolution>> problems = new ArrayList<>();
        for (long seed = 0; seed < 30; seed++) {
            long s = seed;
            problems.add(() -> randomProblem(s));
        }
        problems.add(() -> ProblemMapper.toSolution(ProblemReader.read(county)));
        int widened = 0;
        for (int k = 0; k < problems.size(); k++) {
            Supplier<PlacementSolution> problem = problems.get(k);
            FlowRelaxation whole =
                    FlowConstruction.routed(problem.get(), CandidateLimit.NONE).totals();
            FlowRelaxation wholeBound = new PlacementFlow(problem.get()).solve(() -> false);
            for (int kept : new int[] {1, 3}) {
                PlacementSolution construction = keepingOnly(problem.get(), kept);
                FlowConstruction.Routed routed = FlowConstruction.routed(construction, kept);
                assertThat(routed.flow().unplacedForWantOfCandidates())
                        .as("problem " + k + " keeping " + kept + ": left unplaced with a short list")
                        .allMatch(PlacementUnit::hasAllCandidates);
                assertThat(routed.totals().isBetterThan(whole))
                        .as("problem " + k + " construction, keeping " + kept)
                        .isFalse();
                PlacementSolution bound = keepingOnly(problem.get(), kept);
                assertThat(wholeBound.isBetterThan(
                                PlacementFlow.boundLimited(bound, kept).solvePriced(() -> false)))
                        .as("problem " + k + " bound, keeping " + kept)
                        .isFalse();
                widened += widenedUnits(construction);
            }
        }
        assertThat(widened).as("units widened").isPositive();
    }

    /** Every movable unit limited to its first {@code kept} candidates, the points of the next as the rest's least. */
    static PlacementSolution keepingOnly(PlacementSolution solution, int kept) {
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> candidates = unit.getCandidates();
            if (!unit.isPinned() && candidates.size() > kept) {
                unit.limitCandidates(
                        new ArrayList<>(candidates.subList(0, kept)), unit.staticSoftPoints(candidates.get(kept)));
            }
        }
        return solution;
    }

    private static int widenedUnits(PlacementSolution solution) {
        return (int) solution.getUnits().stream()
                .filter(u -> !u.isPinned()
                        && u.omittedPointsAtLeast() == Long.MAX_VALUE
                        && u.getCandidates().size() > 3)
                .count();
    }

    /** A priced flow settles split groups like any other: a whole plan, every child placed who was in the flow. */
    @Test
    void aPricedFlowSettlesAndRoundsToAPlan() {
        for (long seed = 0; seed < 20; seed++) {
            PlacementSolution solution = randomProblem(seed);
            PlacementFlow flow = FlowConstruction.routed(solution, 1).flow();
            PlacementFlow settled = flow.settleSplitGroups(FlowConstruction.EXTRA_PLACES, () -> false);
            assertThat(settled.totals().isBetterThan(flow.totals()))
                    .as("settling only adds restrictions, seed " + seed)
                    .isFalse();
            assertThat(GreedyPlacement.decideFrom(solution, settled.mostFlow())).isNotNull();
        }
    }

    /**
     * The flow's searches against a plain successive-shortest-paths min-cost flow with Bellman-Ford (no potentials, no
     * cut-off, every arc scanned) on the same network: the relaxation, without the fostering limit or apart groups.
     */
    @Test
    void theLazilyExpandedSearchesFindTheSameOptimumAsAPlainMinCostFlow() {
        for (long seed = 0; seed < 60; seed++) {
            PlacementSolution solution = randomProblem(seed);
            FlowRelaxation flow = new PlacementFlow(solution).solve(() -> false);
            long[] plain = PlainMinCostFlow.solve(solution, flow.scale());
            assertThat(new long[] {flow.unplacedWeightScaled(), flow.softScaled()})
                    .as("seed " + seed)
                    .containsExactly(plain);
        }
    }

    @Test
    void aFlowOfferedEveryProviderIsNotPriced() {
        PlacementFlow flow = PlacementFlow.boundLimited(randomProblem(7), CandidateLimit.NONE);
        flow.solvePriced(() -> false);
        assertThat(flow.pricingRounds()).isZero();
    }
}
