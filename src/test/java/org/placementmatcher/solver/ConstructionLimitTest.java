package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_10;
import static org.placementmatcher.solver.PlacementFlowTest.AGE_14;
import static org.placementmatcher.solver.PlacementFlowTest.byFirstChild;
import static org.placementmatcher.solver.PlacementFlowTest.child;
import static org.placementmatcher.solver.PlacementFlowTest.provider;
import static org.placementmatcher.solver.PlacementFlowTest.providerNamed;
import static org.placementmatcher.solver.PlacementFlowTest.unit;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The construction keeps to the solve's time limit ({@link FlowConstruction#LIMIT_ENDS}): settling split sibling groups
 * stops in time for the rounding (with the limit already at hand, the flow is rounded as it was solved, unsettled);
 * pricing stops part-way; and a rounding past the limit moves nobody on.
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

    @Test
    void theLimitHasPassedOnlyOnceItsMomentHasCome() {
        assertThat(FlowConstruction.pastLimit(0)).as("no limit known").isFalse();

        FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + 3_600_000_000_000L);
        assertThat(FlowConstruction.pastLimit(0)).isFalse();

        FlowConstruction.LIMIT_ENDS.set(System.nanoTime() - 1);
        assertThat(FlowConstruction.pastLimit(0)).isTrue();
    }

    @Test
    void theConstructionStopsItsFlowEarlyEnoughToRoundItByTheLimit() throws Exception {
        long second = 1_000_000_000L;
        FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + 60 * second);
        assertThat(FlowConstruction.pastLimit(30 * second)).isFalse();
        assertThat(FlowConstruction.pastLimit(90 * second))
                .as("the reserve reaches back past now")
                .isTrue();

        // county's 409 units: a tenth of a second.
        assertThat(FlowConstruction.roundingReserveNanos(county()))
                .isEqualTo(county().getUnits().size() * FlowConstruction.RESERVE_NANOS_PER_UNIT)
                .isBetween(second / 20, second / 5);
    }

    @Test
    void withinTheReserveTheConstructionRoundsAtOnceAsPastTheLimit() throws Exception {
        long reserve = FlowConstruction.roundingReserveNanos(county());

        // Half the reserve before the limit: without the reserve, the flow would route for that long first (on a
        // machine slow enough to build county's network in that time the two would agree anyway: no false failure).
        Map<String, String> withinTheReserve = constructedWithLimitIn(reserve / 2);
        Map<String, String> pastTheLimit = constructedWithLimitIn(-1);
        Map<String, String> withTime = constructedWithLimitIn(3_600_000_000_000L);

        assertThat(withinTheReserve).isEqualTo(pastTheLimit).isNotEqualTo(withTime);
    }

    /** County's plan after the construction command, its limit set {@code nanos} from the moment it starts. */
    private static Map<String, String> constructedWithLimitIn(long nanos) throws Exception {
        PlacementSolution solution = county();
        Map<String, String> plan = new HashMap<>();
        PlacementSolver.fromClasspathConfig().run(solution, context -> {
            FlowConstruction.LIMIT_ENDS.set(System.nanoTime() + nanos);
            new FlowConstruction().changeWorkingSolution(context);
            plan.putAll(PlacementFlowTest.unitPlaces(context.getWorkingSolution()));
        });
        return plan;
    }

    /** Lists so short that pricing has arcs to add on county. */
    private static final int SHORT_LISTS = 3;

    @Test
    void pricingStopsPartWayWithoutAddingArcs() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PlacementFlow.limited(county(), SHORT_LISTS).solve(() -> asked.incrementAndGet() < 0);
        int askedByTheFirstSolve = asked.get();
        // Unstopped, pricing adds arcs to county's short lists: the check below can fail.
        PlacementFlow unstopped = PlacementFlow.limited(county(), SHORT_LISTS);
        assertThat(unstopped.solvePriced(() -> false).complete()).isTrue();
        assertThat(unstopped.pricingRounds()).isPositive();

        PlacementFlow stopped = PlacementFlow.limited(county(), SHORT_LISTS);
        AtomicInteger askedAgain = new AtomicInteger();
        // The first solve runs whole; the limit comes as pricing starts.
        FlowRelaxation totals = stopped.solvePriced(() -> askedAgain.incrementAndGet() > askedByTheFirstSolve);

        assertThat(totals.complete()).isFalse();
        assertThat(stopped.pricingRounds()).isZero();
    }

    @Test
    void aFlowStoppedPartWayThroughPricingStillRoundsToAPlanBreakingNoRule() throws Exception {
        PlacementSolution solution = county();
        AtomicInteger asked = new AtomicInteger();
        PlacementFlow.limited(solution, SHORT_LISTS).solve(() -> asked.incrementAndGet() < 0);
        int askedByTheFirstSolve = asked.get();
        PlacementFlow stopped = PlacementFlow.limited(solution, SHORT_LISTS);
        AtomicInteger askedAgain = new AtomicInteger();
        // The limit comes when pricing has looked at 200 units: arcs added for some, the children they send twice not
        // yet routed back.
        FlowRelaxation totals = stopped.solvePriced(() -> askedAgain.incrementAndGet() > askedByTheFirstSolve + 200);
        assertThat(totals.complete()).isFalse();

        Map<PlacementUnit, Provider> plan =
                GreedyPlacement.decideFrom(solution, stopped.mostFlow(), Set.of(), () -> true);
        solution.getUnits().forEach(unit -> {
            if (!unit.isPinned()) {
                unit.setProvider(plan.get(unit));
            }
        });

        HardMediumSoftScore score = PlacementSolver.fromClasspathConfig().score(solution);
        assertThat(score.hardScore()).isZero();
        // As many placed as the whole flow places (county's medium at the optimum is -30).
        assertThat(score.mediumScore()).isEqualTo(-30);
    }

    /**
     * A (10) fits P or Q, B (14) fits P or R; the flow sent A to P and did not reach B. In time, A moves on to Q so
     * that B can have P (1,200 a week for both against 1,400); past the limit, B takes the place with room.
     */
    @Test
    void pastTheLimitTheRoundingMovesNobodyOnToMakeRoom() {
        PlacementSolution solution = PlacementFlowTest.solution(
                List.of(
                        provider("P", 1, 0, 17, 400, ""),
                        provider("Q", 1, 0, 12, 800, ""),
                        provider("R", 1, 13, 17, 1000, "")),
                List.of(child("A", AGE_10, "PLANNED", ""), child("B", AGE_14, "PLANNED", "")));
        Map<PlacementUnit, Provider> aToP = Map.of(unit(solution, "A"), providerNamed(solution, "P"));

        assertThat(byFirstChild(GreedyPlacement.decideFrom(solution, aToP, Set.of(), () -> false)))
                .containsOnly(entry("A", "Q"), entry("B", "P"));
        assertThat(byFirstChild(GreedyPlacement.decideFrom(solution, aToP, Set.of(), () -> true)))
                .containsOnly(entry("A", "P"), entry("B", "R"));
    }
}
