package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;

/**
 * Settling split sibling groups ({@link SplitGroupSettling}) skips the options its bound shows cannot be better, and
 * gives up trials once their searches show it: neither bound ever exceeds what holding a group there really adds, so
 * settling ends where trying every option to the end does.
 */
class SplitGroupSettlingTest {

    @Test
    void holdingAGroupAnywhereAddsAtLeastItsBoundOnRandomProblemsAndCounty() throws Exception {
        int checked = 0;
        for (long seed = 0; seed < 80; seed++) {
            long s = seed;
            checked += assertBoundsHold(() -> PricedFlowTest.randomProblem(s), "seed " + seed);
        }
        checked += assertBoundsHold(county(), "county");
        assertThat(checked).as("options whose bound was above 0").isPositive();
    }

    @Test
    void aTrialGivesUpOnlyOnceItCannotAddLessThanItWasToBeat() throws Exception {
        int gaveUpEarly = 0;
        for (long seed = 0; seed < 80; seed++) {
            long s = seed;
            gaveUpEarly += assertAbandonsOnlyTrialsThatCannotWin(() -> PricedFlowTest.randomProblem(s), "seed " + seed);
        }
        gaveUpEarly += assertAbandonsOnlyTrialsThatCannotWin(county(), "county");
        assertThat(gaveUpEarly)
                .as("trials that gave up before their last search")
                .isPositive();
    }

    @Test
    void skippingOptionsByTheBoundSettlesAsTryingEveryOneDoes() throws Exception {
        for (long seed = 0; seed < 80; seed++) {
            long s = seed;
            assertSameSettling(() -> PricedFlowTest.randomProblem(s), "seed " + seed);
        }
        assertSameSettling(county(), "county");
    }

    @Test
    void aTimedSolveSettlesUntilATenthOfTheTimeLeftAndTheRoundingsShareBeforeItsLimitAnUntimedOneForTwoSeconds() {
        long second = Duration.ofSeconds(1).toNanos();
        // region at 60 s: its flow solved 10 s in, after 6 s; 50 s left, of which 5 s for local search, 2 s for the
        // rounding: settling may go on to 53 s.
        assertThat(FlowConstruction.settleEnd(10 * second, 6 * second, 60 * second))
                .isEqualTo(53 * second);
        assertThat(FlowConstruction.settleEnd(10 * second, 6 * second, null)).isEqualTo(12 * second);
    }

    @Test
    void settlingExpectsNoEndBeforeItHasSettledAGroup() {
        assertThat(new SplitGroupSettling.Progress().expectedEndNanos()).isEqualTo(Long.MAX_VALUE);
    }

    private static Supplier<PlacementSolution> county() throws Exception {
        String json = Files.readString(Path.of("sample-data", "county.json"));
        return () -> ProblemMapper.toSolution(ProblemReader.read(json));
    }

    /**
     * Holds every split group of the solved construction flow at each of its options in turn, each on a copy, and checks
     * the cost each adds against its bound; returns how many bounds were above 0 (so the check was not empty).
     */
    private static int assertBoundsHold(Supplier<PlacementSolution> problem, String name) {
        PlacementFlow flow =
                FlowConstruction.routed(problem.get(), CandidateLimit.NONE).flow();
        FlowRelaxation before = flow.relaxation(true);
        boolean[] done = new boolean[flow.unitCount];
        int positive = 0;
        for (int node = SplitGroupSettling.hardestSplitNode(flow, done);
                node >= 0;
                node = SplitGroupSettling.hardestSplitNode(flow, done)) {
            done[node] = true;
            for (int arc : SplitGroupSettling.holdOptions(flow, node, FlowConstruction.EXTRA_PLACES)) {
                long bound = SplitGroupSettling.holdCostAtLeast(flow, node, arc);
                SplitGroupSettling.Held held = SplitGroupSettling.hold(flow.copy(), node, arc);
                String option = name + ": node " + node + " held to arc " + arc;
                assertThat(held.costAdded()).as(option).isGreaterThanOrEqualTo(bound);
                assertCostAddedAgrees(before, held, option);
                positive += bound > 0 ? 1 : 0;
            }
        }
        return positive;
    }

    /**
     * The cost a trial says it added agrees with its totals: the soft points' change where as much urgency weight is
     * unplaced; above any soft change where more is, below where less is.
     */
    private static void assertCostAddedAgrees(FlowRelaxation before, SplitGroupSettling.Held held, String option) {
        long moreUnplaced = held.totals().unplacedWeightScaled() - before.unplacedWeightScaled();
        long softAdded = held.totals().softScaled() - before.softScaled();
        if (moreUnplaced == 0) {
            assertThat(held.costAdded()).as(option).isEqualTo(softAdded);
        } else if (moreUnplaced > 0) {
            assertThat(held.costAdded()).as(option).isGreaterThan(Math.abs(softAdded));
        } else {
            assertThat(held.costAdded()).as(option).isLessThan(-Math.abs(softAdded));
        }
    }

    /**
     * Every trial, told to give up once it is sure to add a given cost, carries on while it could still add less: asked
     * to beat one more than it adds, it ends with what it adds when carried to the end. Asked to beat the best trial
     * before it for its group, as settling asks, it ends as carried to the end wherever it adds less. Returns how many
     * trials so asked gave up before their last search (where settling saves its time), so the check was not empty.
     */
    private static int assertAbandonsOnlyTrialsThatCannotWin(Supplier<PlacementSolution> problem, String name) {
        PlacementFlow flow =
                FlowConstruction.routed(problem.get(), CandidateLimit.NONE).flow();
        boolean[] done = new boolean[flow.unitCount];
        int gaveUpEarly = 0;
        for (int node = SplitGroupSettling.hardestSplitNode(flow, done);
                node >= 0;
                node = SplitGroupSettling.hardestSplitNode(flow, done)) {
            done[node] = true;
            long bestSoFar = Long.MAX_VALUE;
            for (int arc : SplitGroupSettling.holdOptions(flow, node, FlowConstruction.EXTRA_PLACES)) {
                String option = name + ": node " + node + " held to arc " + arc;
                PlacementFlow wholeTrial = flow.copy();
                SplitGroupSettling.Held whole = SplitGroupSettling.hold(wholeTrial, node, arc);
                int searches = wholeTrial.augmentations() - flow.augmentations();
                assertThat(SplitGroupSettling.hold(flow.copy(), node, arc, whole.costAdded() + 1))
                        .as(option)
                        .isEqualTo(whole);
                PlacementFlow cutTrial = flow.copy();
                SplitGroupSettling.Held cut = SplitGroupSettling.hold(cutTrial, node, arc, bestSoFar);
                if (whole.costAdded() < bestSoFar) {
                    assertThat(cut).as(option).isEqualTo(whole);
                } else if (cut == null && cutTrial.augmentations() - flow.augmentations() < searches - 1) {
                    gaveUpEarly++;
                }
                bestSoFar = Math.min(bestSoFar, whole.costAdded());
            }
        }
        return gaveUpEarly;
    }

    private static void assertSameSettling(Supplier<PlacementSolution> problem, String name) {
        PlacementFlow flow =
                FlowConstruction.routed(problem.get(), CandidateLimit.NONE).flow();
        PlacementFlow skipping = SplitGroupSettling.settleSplitGroups(
                flow, FlowConstruction.EXTRA_PLACES, () -> false, true, new SplitGroupSettling.Progress());
        PlacementFlow everyOption = SplitGroupSettling.settleSplitGroups(
                flow, FlowConstruction.EXTRA_PLACES, () -> false, false, new SplitGroupSettling.Progress());
        assertThat(skipping.relaxation(true)).as(name).isEqualTo(everyOption.relaxation(true));
        assertThat(PlacementFlowTest.byFirstChild(skipping.mostFlow()))
                .as(name)
                .isEqualTo(PlacementFlowTest.byFirstChild(everyOption.mostFlow()));
    }
}
