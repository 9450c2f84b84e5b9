package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.time.Duration;
import java.util.Collections;
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
     * Settling split groups may take this many times as long as the flow itself, or {@link #SETTLE_MINIMUM}: every
     * group on a county; on a region, where each try routes through millions of arcs, the hardest groups, and the
     * local search then has time left.
     */
    static final long SETTLE_TIME_FACTOR = 2;

    static final Duration SETTLE_MINIMUM = Duration.ofSeconds(2);

    /** Flows solved again with more units offered all their providers, before every unit is. */
    static final int WIDENING_ROUNDS = 3;

    /**
     * Set on the solving thread by a reproducible solve ({@link PlacementSolver#solveMoves}): every split group is then
     * settled however long it takes (until the phase is stopped), so the construction does not depend on the clock.
     */
    static final ThreadLocal<Boolean> SETTLE_EVERY_GROUP = ThreadLocal.withInitial(() -> false);

    /**
     * Every movable unit's place (absent: unplaced). When {@code stop} says so (the time limit) the flow stops where it
     * is: the units it routed go where it sends them, the others stay where they are where that still fits, and the
     * rest are placed one by one by the rounding ({@link GreedyPlacement#decideFrom}): a whole plan, though further
     * from the optimum. Settling stops too.
     */
    static Map<PlacementUnit, Provider> decide(PlacementSolution solution, BooleanSupplier stop) {
        return decide(solution, stop, CandidateLimit.configured());
    }

    /**
     * The same with each unit offered its {@code limit} cheapest providers with room ({@link CandidateLimit}); a unit
     * the flow leaves unplaced while it has more is offered all of its own, and the flow solved again, until none is
     * left unplaced for want of candidates (after {@link #WIDENING_ROUNDS} rounds every unit is offered all).
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
            return GreedyPlacement.decideFrom(solution, preferred);
        }
        long flowNanos = System.nanoTime() - start;
        long settleEnd = System.nanoTime() + Math.max(SETTLE_MINIMUM.toNanos(), SETTLE_TIME_FACTOR * flowNanos);
        boolean everyGroup = SETTLE_EVERY_GROUP.get();
        flow = flow.settleSplitGroups(
                EXTRA_PLACES, () -> stop.getAsBoolean() || !everyGroup && System.nanoTime() > settleEnd);
        return GreedyPlacement.decideFrom(solution, flow.mostFlow());
    }

    /** The construction's flow, solved, its totals, and how many times it was solved. */
    record Routed(PlacementFlow flow, PlacementFlow.Relaxation totals, int solves) {}

    /** The flow of {@link #decide(PlacementSolution, BooleanSupplier, int)}, solved whole with the guarantee. */
    static Routed routed(PlacementSolution solution, int limit) {
        return routed(solution, limit, () -> false);
    }

    /** The same, stopped where it is when {@code stop} says so (its totals then not {@code complete}). */
    static Routed routed(PlacementSolution solution, int limit, BooleanSupplier stop) {
        Set<PlacementUnit> widened = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 0; ; round++) {
            PlacementFlow flow =
                    PlacementFlow.limited(solution, round < WIDENING_ROUNDS ? limit : CandidateLimit.NONE, widened);
            PlacementFlow.Relaxation totals = flow.solve(stop);
            List<PlacementUnit> wanting = flow.unplacedForWantOfCandidates();
            if (wanting.isEmpty() || !totals.complete()) {
                return new Routed(flow, totals, round + 1);
            }
            widened.addAll(wanting);
        }
    }

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlacementSolution solution = context.getWorkingSolution();
        Map<PlacementUnit, Provider> decisions = decide(solution, context::isPhaseTerminated);
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider = context.getSolutionMetaModel()
                .genuineEntity(PlacementUnit.class)
                .basicVariable("provider", Provider.class);
        // Applied whole even past the time limit (a moment): a part-built plan would leave children unplaced.
        for (PlacementUnit unit : solution.getUnits()) {
            Provider place = decisions.get(unit);
            if (!unit.isPinned() && place != unit.getProvider()) {
                context.execute(Moves.change(provider, unit, place));
            }
        }
    }
}
