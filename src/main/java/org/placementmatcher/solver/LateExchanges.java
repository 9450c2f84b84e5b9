package org.placementmatcher.solver;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The retrial's exchanges offered once more, to local search, near its end: the single children routed again, then the
 * sibling groups of each size exchanged ({@link SiblingGroupExchange}), then the single children again, each a move of
 * its own worked out on the plan as local search has left it, which local search takes like any other move (so never
 * one that leaves a child unplaced or breaks a rule). Local search moves children one chain at a time and leaves the
 * single children's arrangement short of what the flow finds around it: on the region at 60 s the plans came out about
 * 880 points better on average, nine runs against two (solver-config/BENCHMARKS.md, "The exchanges again near the end").
 *
 * <p>Only in a timed solve whose retrial ran ({@link ApartGroupRetrial#SINGLES_PASS_NANOS}) where OR-Tools' native
 * library loads (the groups' exchange is its flow), and only where local search has time both before and for them
 * ({@link #dueAt}): on a co-operative, whose settling often leaves local search a few seconds, they would only take
 * those. A step is not started with less than a pass's time left, and a pass under way is given up at the end.
 */
final class LateExchanges {

    /** The time left for the exchanges: this many times the retrial's longest pass of the single children. */
    static final int PASSES_LEFT = 3;

    /** The least time local search has first: this many times that pass. */
    static final int PASSES_OF_SEARCH_FIRST = 5;

    /** No time: never due. */
    static final long NEVER = Long.MAX_VALUE;

    private final PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable;
    private long dueNanos = NEVER;
    /** When they must be over, by {@link System#nanoTime()} (null: no end), and how long a pass takes. */
    private Long endsNanos;

    private long passNanos;
    /** The steps still to offer, in order; null until due. */
    private Deque<Step> steps;

    private sealed interface Step {}

    private record SinglesRouted() implements Step {}

    private record GroupsExchanged(int size) implements Step {}

    LateExchanges(PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable) {
        this.variable = variable;
    }

    /**
     * When, by {@link System#nanoTime()}, the exchanges are due in a local search starting at {@code searchStarts}, in a
     * solve whose limit ends at {@code limitEnds} and which is told to end {@code endingNanos} before it, the retrial's
     * longest pass of the single children having taken {@code singlesPassNanos}: {@link #PASSES_LEFT} passes before the
     * end; {@link #NEVER} without a limit or a pass, or where local search would have less than {@link
     * #PASSES_OF_SEARCH_FIRST} passes' time before then.
     */
    static long dueAt(long searchStarts, Long limitEnds, Long singlesPassNanos, long endingNanos) {
        if (limitEnds == null || singlesPassNanos == null) {
            return NEVER;
        }
        long due = limitEnds - endingNanos - PASSES_LEFT * singlesPassNanos;
        return due - searchStarts < PASSES_OF_SEARCH_FIRST * singlesPassNanos ? NEVER : due;
    }

    /** A local search phase starts on the solving thread: the exchanges are due as {@link #dueAt} says. */
    void searchStarted(PlacementSolution solution) {
        Long limitEnds = FlowConstruction.LIMIT_ENDS.get();
        Long pass = ApartGroupRetrial.SINGLES_PASS_NANOS.get();
        long ending = PlacementSolver.endingNanos(solution);
        long due = LibraryFlowSolve.available() ? dueAt(System.nanoTime(), limitEnds, pass, ending) : NEVER;
        offer(due, due == NEVER ? null : limitEnds - ending, due == NEVER ? 0 : pass);
    }

    /**
     * Offered from {@code dueNanos}, to be over by {@code endsNanos} (null: no end), a pass taking {@code passNanos}
     * (tests set these directly).
     */
    void offer(long dueNanos, Long endsNanos, long passNanos) {
        steps = null;
        this.dueNanos = dueNanos;
        this.endsNanos = endsNanos;
        this.passNanos = passNanos;
    }

    /** Whether less than {@code reserveNanos} is left before they must be over. */
    private boolean pastEnd(long reserveNanos) {
        return endsNanos != null && System.nanoTime() - (endsNanos - reserveNanos) > 0;
    }

    /**
     * The next exchange on the plan as it stands, once due and until each has been offered once or too little time is
     * left for the next; null otherwise (and for a step that would change nothing, the next is offered instead).
     */
    Move<PlacementSolution> next(PlacementSolution solution) {
        if (dueNanos == NEVER || System.nanoTime() - dueNanos < 0) {
            return null;
        }
        if (steps == null) {
            steps = new ArrayDeque<>();
            steps.add(new SinglesRouted());
            TreeSet<Integer> sizes = new TreeSet<>();
            SiblingGroupExchange.blocks(solution).forEach(block -> sizes.add(block.size()));
            sizes.forEach(size -> steps.add(new GroupsExchanged(size)));
            steps.add(new SinglesRouted());
        }
        while (!steps.isEmpty() && !pastEnd(passNanos)) {
            List<Move<PlacementSolution>> changes = new ArrayList<>();
            switch (steps.poll()) {
                case SinglesRouted s -> {
                    // Every movable unit's place: a unit absent from it is unplaced.
                    Map<PlacementUnit, Provider> decisions =
                            ApartGroupRetrial.singlesRouted(solution, () -> pastEnd(0));
                    if (decisions != null) {
                        changes.addAll(FlowConstruction.changesTo(variable, solution, decisions));
                    }
                }
                case GroupsExchanged g ->
                    // Only the units of the groups that move: everyone else stays.
                    SiblingGroupExchange.assign(solution, SiblingGroupExchange.blocks(solution), g.size())
                            .forEach((unit, place) -> changes.add(Moves.change(variable, unit, place)));
            }
            if (!changes.isEmpty()) {
                return Moves.compose(changes);
            }
        }
        dueNanos = NEVER;
        return null;
    }
}
