package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * A flow routed by OR-Tools ({@link LibraryFlowSolve}) is at the optimum the flow's own searches reach, with potentials
 * that prove it, so that pricing and settling go on from it as from theirs.
 */
class LibraryFlowSolveTest {

    private static List<Supplier<PlacementSolution>> problems() throws Exception {
        List<Supplier<PlacementSolution>> problems = new ArrayList<>();
        for (long seed = 0; seed < 40; seed++) {
            long s = seed;
            problems.add(() -> PricedFlowTest.randomProblem(s));
        }
        for (String file : List.of("small.json", "county.json")) {
            String json = Files.readString(Path.of("sample-data", file));
            problems.add(() -> ProblemMapper.toSolution(ProblemReader.read(json)));
        }
        // Short lists, as on national: a bound's flow then has its arc beyond each list, a construction's widens.
        String county = Files.readString(Path.of("sample-data", "county.json"));
        problems.add(() -> PricedFlowTest.keepingOnly(ProblemMapper.toSolution(ProblemReader.read(county)), 1));
        return problems;
    }

    /** The flow with the library allowed on it whatever its size (the test skipped where it cannot load). */
    private static PlacementFlow byLibrary(PlacementFlow flow) {
        assumeTrue(LibraryFlowSolve.available(), "OR-Tools' native library does not load on this machine");
        flow.libraryLeastArcs = 0;
        return flow;
    }

    @Test
    void theLibraryRoutesToTheSearchesOptimumWithPotentialsThatProveIt() throws Exception {
        List<Function<PlacementSolution, PlacementFlow>> kinds = List.of(
                PlacementFlow::new, // the bound's relaxation
                solution -> PlacementFlow.limited(solution, CandidateLimit.NONE), // the construction's, apart groups
                PlacementFlow::forPlaceValues);
        List<Supplier<PlacementSolution>> problems = problems();
        for (int k = 0; k < problems.size(); k++) {
            for (int kind = 0; kind < kinds.size(); kind++) {
                String name = "problem " + k + ", flow " + kind;
                PlacementFlow searched = kinds.get(kind).apply(problems.get(k).get());
                FlowRelaxation optimum = searched.solve(() -> false);
                PlacementFlow library =
                        byLibrary(kinds.get(kind).apply(problems.get(k).get()));
                assertThat(library.solve(() -> false)).as(name).isEqualTo(optimum);
                assertThat(library.solvedByLibrary).as(name).isTrue();
                assertPotentialsProveOptimal(library, name);
            }
        }
    }

    /**
     * Pricing goes on from the library's flow, each round's children routed back by the searches or (as on national,
     * where the searches are slower) the flow solved again by the library; settling then goes on from it. Where every
     * unit has its whole list, pricing reaches the whole network's optimum. The last problem's lists are cut short: a
     * construction then widens the lists of the units its flow leaves unplaced, which of several equally cheap flows
     * it found decides, so there it is held only to its guarantee (nobody unplaced for want of candidates).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pricingAndSettlingGoOnFromTheLibrarysFlow(boolean solveAgain) throws Exception {
        List<Supplier<PlacementSolution>> problems = problems();
        int rounds = 0;
        for (int k = 0; k < problems.size(); k++) {
            FlowRelaxation whole = FlowConstruction.routed(problems.get(k).get(), CandidateLimit.NONE)
                    .totals();
            for (int limit : new int[] {1, 3}) {
                PlacementSolution solution = problems.get(k).get();
                PlacementFlow flow = byLibrary(PlacementFlow.limited(solution, limit));
                flow.alwaysSolveAgain = solveAgain;
                FlowRelaxation priced = flow.solvePriced(() -> false);
                if (k < problems.size() - 1) {
                    assertThat(priced).as("problem " + k + ", limit " + limit).isEqualTo(whole);
                } else {
                    // Lists cut short only restrict: never better than the uncut county's optimum (the problem before).
                    FlowRelaxation uncut = FlowConstruction.routed(
                                    problems.get(k - 1).get(), CandidateLimit.NONE)
                            .totals();
                    assertThat(priced.isBetterThan(uncut))
                            .as("problem " + k + ", limit " + limit)
                            .isFalse();
                    assertThat(flow.unplacedForWantOfCandidates())
                            .as("problem " + k + ", limit " + limit)
                            .allMatch(PlacementUnit::hasAllCandidates);
                }
                assertPotentialsProveOptimal(flow, "problem " + k + ", limit " + limit);
                assertThat(flow.solvedByLibrary).isTrue();
                rounds += flow.pricingRounds();
                PlacementFlow settled = flow.settleSplitGroups(FlowConstruction.EXTRA_PLACES, () -> false);
                assertThat(settled.totals().isBetterThan(flow.totals())).isFalse();
                assertThat(GreedyPlacement.decideFrom(solution, settled.mostFlow()))
                        .isNotEmpty();
            }
        }
        assertThat(rounds).as("rounds of pricing after the library's solve").isPositive();
    }

    @Test
    void aFlowWithFewerArcsThanTheLeastAndABoundsFlowAreLeftToTheSearches() throws Exception {
        String county = Files.readString(Path.of("sample-data", "county.json"));
        PlacementFlow flow =
                PlacementFlow.limited(ProblemMapper.toSolution(ProblemReader.read(county)), CandidateLimit.NONE);
        assertThat(LibraryFlowSolve.arcs(flow)).isLessThan(LibraryFlowSolve.LEAST_ARCS);
        flow.solve(() -> false);
        assertThat(flow.solvedByLibrary).isFalse();
        assertThat(new PlacementFlow(ProblemMapper.toSolution(ProblemReader.read(county))).libraryLeastArcs)
                .isEqualTo(Long.MAX_VALUE);
    }

    /** A timed solve starts the library only where its solve would end before the rounding's reserve begins. */
    @Test
    void theLibraryIsNotStartedWhereItsSolveWouldRunIntoTheReserve() throws Exception {
        String county = Files.readString(Path.of("sample-data", "county.json"));
        PlacementFlow flow = byLibrary(
                PlacementFlow.limited(ProblemMapper.toSolution(ProblemReader.read(county)), CandidateLimit.NONE));
        long arcsNanos = LibraryFlowSolve.arcs(flow) * LibraryFlowSolve.NANOS_PER_ARC;
        long reserve = flow.caseloadUnits * FlowConstruction.RESERVE_NANOS_PER_UNIT;
        try {
            // The solve would end a second into the reserve; with a minute to spare it would not.
            FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + reserve + arcsNanos - 1_000_000_000L);
            assertThat(LibraryFlowSolve.applies(flow)).isFalse();
            FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + reserve + arcsNanos + 60_000_000_000L);
            assertThat(LibraryFlowSolve.applies(flow)).isTrue();
        } finally {
            FlowConstruction.LIMIT_ENDS.remove();
        }
    }

    /**
     * Every arc with room left in the residual network costs no less than its ends' potentials differ (cost plus the
     * tail's potential less the head's is at least zero): the searches' invariant, which proves the flow optimal.
     */
    static void assertPotentialsProveOptimal(PlacementFlow flow, String name) {
        long[] pi = flow.potential;
        List<String> broken = new ArrayList<>();
        for (int u = 0; u < flow.unitCount; u++) {
            for (int a = 0; a < flow.arcTo[u].length; a++) {
                int p = flow.unitCount + flow.arcTo[u][a];
                long cost = flow.arcCost[u][a];
                boolean usable = flow.size[u] <= flow.capacity[flow.arcTo[u][a]];
                if (usable && flow.arcFlow[u][a] < flow.size[u] && cost + pi[u] - pi[p] < 0) {
                    broken.add("unit " + u + " to " + p);
                }
                if (flow.arcFlow[u][a] > 0 && -cost + pi[p] - pi[u] < 0) {
                    broken.add(p + " back to unit " + u);
                }
            }
            if (u < flow.realUnits) {
                long cost = flow.unplacedCost[u];
                if (flow.unplacedFlow[u] < flow.size[u] && cost + pi[u] - pi[flow.sink] < 0) {
                    broken.add("unit " + u + " unplaced");
                }
                if (flow.unplacedFlow[u] > 0 && -cost + pi[flow.sink] - pi[u] < 0) {
                    broken.add("sink back to unit " + u);
                }
                int g = flow.groupOf[u];
                if (g >= 0) {
                    long share = flow.memberArcCost[g - flow.realUnits];
                    if (flow.memberFlow[u] == 0 && share + pi[g] - pi[u] < 0) {
                        broken.add("group " + g + " to member " + u);
                    }
                    if (flow.memberFlow[u] > 0 && -share + pi[u] - pi[g] < 0) {
                        broken.add("member " + u + " back to group " + g);
                    }
                }
            }
        }
        for (int p = flow.unitCount; p < flow.sink; p++) {
            int load = flow.load[p - flow.unitCount];
            if (load < flow.capacity[p - flow.unitCount] && pi[p] - pi[flow.sink] < 0) {
                broken.add(p + " to the sink");
            }
            if (load > 0 && pi[flow.sink] - pi[p] < 0) {
                broken.add("sink back to " + p);
            }
        }
        assertThat(broken)
                .as(name + ": arcs below their potentials' difference")
                .isEmpty();
        for (int p = flow.unitCount; p < flow.sink; p++) {
            assertThat(flow.maxProviderPotential)
                    .as(name + ": the highest provider potential")
                    .isGreaterThanOrEqualTo(pi[p]);
        }
    }
}
