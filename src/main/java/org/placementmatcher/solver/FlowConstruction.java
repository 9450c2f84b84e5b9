package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Construction from the relaxed optimum: the whole caseload solved as a minimum-cost flow ({@link PlacementFlow}:
 * medium first, then soft, with the move weight keeping children where they are unless moving pays); the sibling
 * groups the flow split settled whole, each where routing everyone else again around it costs least
 * ({@link PlacementFlow#settleSplitGroups}); then rounded to a plan that breaks no rule
 * ({@link GreedyPlacement#decideFrom}: each unit where the flow sends it, where the rules on who shares a placement
 * allow; the rest where they cost least counting the residents moved on). Local search then has only what the flow
 * cannot see to fix: the fostering limit, H10/H11, and siblingsApart beyond the flow's estimate.
 */
public class FlowConstruction implements PhaseCommand<PlacementSolution> {

    /** Besides the providers the flow sends a split group to, how many others to try it at. */
    static final int EXTRA_PLACES = 16;
    /**
     * Settling split groups has at least this long (where the limit allows), and goes on after only where it is expected
     * to settle every split group in time ({@link #settleEnd}): every group on a county, and on a region in a timed
     * solve of a minute (about 25 s); on a co-operative at 120 s it ran 32 and 57 s in two runs before its pace showed it
     * could not finish. It used to stop here whatever the time:
     * settling took twice as long then, and letting it take twice as long as the flow, with no end in sight, cost
     * region about 4,000 soft points at 60 s (solver-config/BENCHMARKS.md, "Apart groups tried again, settling cut to
     * 2 s"; since, "Settling every split group").
     */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(2);

    /**
     * Of the time a timed solve has left once its flow is solved, the share settling leaves to local search (and to
     * the rounding, which also has {@link #ROUNDING_SHARE} of the flow's time). Local search gains little after a
     * whole settling (region: 2,000 points in 30 s), and a quarter stopped rcc's settling early in two runs of three.
     */
    static final double LOCAL_SEARCH_SHARE = 0.1;

    /**
     * The latest settling may end, by {@link System#nanoTime()}, starting {@code now} after a flow that took {@code
     * flowNanos}, in a solve whose limit ends at {@code limitEnds} (null: none known, then {@link #SETTLE_LIMIT} from
     * now). Settling goes on past {@link #SETTLE_LIMIT} only while it is expected to have settled every split group by
     * then ({@link SplitGroupSettling.Progress#expectedEndNanos()}): a flow settled whole rounds much better than one
     * settled for 2 s (rcc -12,181,294 against -12,246,470, region -5,556,201, better than local search reached in
     * 60 s), while one settled for a while and stopped did no better on rcc's harness.
     */
    static long settleEnd(long now, long flowNanos, Long limitEnds) {
        if (limitEnds == null) {
            return now + SETTLE_LIMIT.toNanos();
        }
        return limitEnds - Math.round(flowNanos * ROUNDING_SHARE) - Math.round((limitEnds - now) * LOCAL_SEARCH_SHARE);
    }

    /**
     * Set on the solving thread by a reproducible solve ({@link PlacementSolver#solveMoves}): every split group is then
     * settled however long it takes (until the phase is stopped), so the construction does not depend on the clock.
     */
    static final ThreadLocal<Boolean> SETTLE_EVERY_GROUP = ThreadLocal.withInitial(() -> false);

    /**
     * Set on the solving thread by a timed solve ({@link PlacementSolver}): when its time limit ends, by {@link
     * System#nanoTime()} (absent: no limit known). Settling then stops in time to leave the rounding, and applying its
     * decisions, {@link #ROUNDING_SHARE} of the flow's own time before the limit, and local search {@link
     * #LOCAL_SEARCH_SHARE} of the time left ({@link #settleEnd}): on a co-operative the rounding takes seconds
     * (solver-config/BENCHMARKS.md, "rcc"), and past the limit it only hurries. A flow not yet solved stops
     * {@link #roundingReserveNanos} before the limit, so that the rounding it leaves ends by then.
     */
    static final ThreadLocal<Long> LIMIT_ENDS = new ThreadLocal<>();

    /**
     * Whether a timed solve's limit ({@link #LIMIT_ENDS}) less {@code reserveNanos} has passed. The solver's own clock
     * starts later (once it has copied the problem and scored it: nearly half a second on a region), so the
     * construction watches this one.
     */
    static boolean pastLimit(long reserveNanos) {
        Long limitEnds = LIMIT_ENDS.get();
        return limitEnds != null && System.nanoTime() - (limitEnds - reserveNanos) > 0;
    }

    /**
     * What a flow stopped by the limit leaves to do, per unit of the caseload: the hurried rounding, applying its
     * decisions and ending the solve. On national (66,225 units) that came to 15.4 s past the limit, about 0.23 ms a
     * unit (solver-config/BENCHMARKS.md, "Ending at the limit on national").
     */
    static final long RESERVE_NANOS_PER_UNIT = 250_000;

    /**
     * How long before the limit the construction stops its flow, settling and the rounding's care (the rounding hurries
     * from then on), so that what follows ends by the limit: {@link #RESERVE_NANOS_PER_UNIT} for each unit (a region
     * 1.0 s, national 16.6 s). A construction over before then is not affected: on every committed dataset at 30 s and
     * more it is.
     */
    static long roundingReserveNanos(PlacementSolution solution) {
        return solution.getUnits().size() * RESERVE_NANOS_PER_UNIT;
    }

    /**
     * The rounding and applying its decisions take about a fifth of the flow's time on rcc (8 s and some seconds
     * against about 40 s); a third leaves room on a busier machine.
     */
    static final double ROUNDING_SHARE = 1.0 / 3;

    /**
     * Every movable unit's place (absent: unplaced). When {@code stop} says so (the time limit) the flow stops where it
     * is: the units it routed go where it sends them, the others stay where they are where that still fits, and the
     * rest are placed one by one by the rounding ({@link GreedyPlacement#decideFrom}), each at the cheapest place with
     * room (only a unit with room nowhere has a place freed for it): a whole plan, though further from the optimum.
     * Settling stops too.
     */
    static Map<PlacementUnit, Provider> decide(PlacementSolution solution, BooleanSupplier stop) {
        return decide(solution, stop, CandidateLimit.configured());
    }

    /**
     * The same with each unit offered at first its {@code limit} cheapest providers with room ({@link CandidateLimit}),
     * the others added where pricing shows they would lower the flow's cost ({@link PlacementFlow#solvePriced}): the
     * flow reaches the whole network's optimum, so nobody is left unplaced for want of candidates (unless the limit
     * stops pricing first: lists are widened as pricing goes).
     */
    static Map<PlacementUnit, Provider> decide(PlacementSolution solution, BooleanSupplier stop, int limit) {
        long start = System.nanoTime();
        Routed routed = routed(solution, limit, stop);
        PlacementFlow flow = routed.flow();
        if (!routed.totals().complete()) {
            // Units the flow did not reach (or left unplaced) keep their current placement where it still fits.
            Map<PlacementUnit, Provider> preferred = new IdentityHashMap<>(flow.mostFlow());
            for (PlacementUnit unit : solution.getUnits()) {
                if (preferred.get(unit) == null && unit.getProvider() != null) {
                    preferred.put(unit, unit.getProvider());
                }
            }
            return GreedyPlacement.decideFrom(solution, preferred, Set.of(), stop);
        }
        long flowNanos = System.nanoTime() - start;
        long settleEnd = settleEnd(System.nanoTime(), flowNanos, LIMIT_ENDS.get());
        long settleFor = System.nanoTime() + SETTLE_LIMIT.toNanos();
        boolean everyGroup = SETTLE_EVERY_GROUP.get();
        SplitGroupSettling.Progress progress = new SplitGroupSettling.Progress();
        flow = SplitGroupSettling.settleSplitGroups(
                flow,
                EXTRA_PLACES,
                () -> {
                    if (stop.getAsBoolean()) {
                        return true;
                    }
                    long now = System.nanoTime();
                    return !everyGroup
                            && (now > settleEnd || now > settleFor && progress.expectedEndNanos() > settleEnd);
                },
                true,
                progress);
        return GreedyPlacement.decideFrom(solution, flow.mostFlow(), Set.of(), stop);
    }

    /** The construction's flow, solved, its totals, and how many rounds of pricing added arcs to it. */
    record Routed(PlacementFlow flow, FlowRelaxation totals, int pricingRounds) {}

    /** The flow of {@link #decide(PlacementSolution, BooleanSupplier, int)}, solved to the whole network's optimum. */
    static Routed routed(PlacementSolution solution, int limit) {
        return routed(solution, limit, () -> false);
    }

    /** The same, stopped where it is when {@code stop} says so (its totals then not {@code complete}). */
    static Routed routed(PlacementSolution solution, int limit, BooleanSupplier stop) {
        PlacementFlow flow = PlacementFlow.limited(solution, limit);
        FlowRelaxation totals = flow.solvePriced(stop);
        return new Routed(flow, totals, flow.pricingRounds());
    }

    /**
     * Every movable unit's place with the units in {@code held} kept where it says: the construction's flow with them
     * held ({@link PlacementFlow#heldLimited}: nobody offered a place beside a held child against H10/H11), settled and
     * rounded with the held units placed first. Null when {@code stop} ended the flow before it was solved, or
     * {@code settleStop} settling (or stop) before every split group was settled and {@code wholeOrNothing}.
     */
    public static Map<PlacementUnit, Provider> decideHolding(
            PlacementSolution solution,
            Map<PlacementUnit, Provider> held,
            int limit,
            BooleanSupplier stop,
            BooleanSupplier settleStop,
            boolean wholeOrNothing) {
        return decideHolding(solution, new CaseloadMemo(solution), held, limit, stop, settleStop, wholeOrNothing);
    }

    /** The same, with what an earlier flow and rounding of the caseload worked out ({@code memo}) kept. */
    static Map<PlacementUnit, Provider> decideHolding(
            PlacementSolution solution,
            CaseloadMemo memo,
            Map<PlacementUnit, Provider> held,
            int limit,
            BooleanSupplier stop,
            BooleanSupplier settleStop,
            boolean wholeOrNothing) {
        PlacementFlow flow = PlacementFlow.heldLimited(solution, held, limit, memo);
        if (!flow.solvePriced(stop).complete()) {
            return null;
        }
        flow = flow.settleSplitGroups(EXTRA_PLACES, () -> stop.getAsBoolean() || settleStop.getAsBoolean());
        if (wholeOrNothing && (stop.getAsBoolean() || settleStop.getAsBoolean())) {
            return null;
        }
        Map<PlacementUnit, Provider> preferred = new IdentityHashMap<>(flow.mostFlow());
        preferred.putAll(held);
        return GreedyPlacement.decideFrom(solution, memo, preferred, held.keySet(), () -> false);
    }

    /** The moves that put every movable unit of the working solution where {@code decisions} says (absent: unplaced). */
    static List<Move<PlacementSolution>> changesTo(
            PhaseCommandContext<PlacementSolution> context, Map<PlacementUnit, Provider> decisions) {
        return changesTo(providerVariable(context), context.getWorkingSolution(), decisions);
    }

    /** The same, for the solution and the variable of a move selector ({@link LateExchanges}). */
    static List<Move<PlacementSolution>> changesTo(
            PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider,
            PlacementSolution solution,
            Map<PlacementUnit, Provider> decisions) {
        List<Move<PlacementSolution>> changes = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            Provider place = decisions.get(unit);
            if (!unit.isPinned() && place != unit.getProvider()) {
                changes.add(Moves.change(provider, unit, place));
            }
        }
        return changes;
    }

    /** The planning variable the commands change: a unit's provider. */
    static PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> providerVariable(
            PhaseCommandContext<PlacementSolution> context) {
        return context.getSolutionMetaModel()
                .genuineEntity(PlacementUnit.class)
                .basicVariable("provider", Provider.class);
    }

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        long reserve = roundingReserveNanos(context.getWorkingSolution());
        Map<PlacementUnit, Provider> decisions =
                decide(context.getWorkingSolution(), () -> context.isPhaseTerminated() || pastLimit(reserve));
        // Applied whole even past the time limit: a part-built plan would leave children unplaced.
        changesTo(context, decisions).forEach(context::execute);
    }
}
