package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
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
 * Each apart sibling group (placeTogether=false) tried again on the rounded plan: the members of the other apart groups
 * and the children under H10 or H11 (the rules on who shares a place, which the flow cannot see) held where the plan
 * has them, the group and everyone else routed again by the flow ({@link PlacementFlow}, which then prices the group
 * together or apart as the score does, and offers nobody a place beside a held child they may not share with),
 * rounded, and kept when the plan's score is better. It finds the long chains local search cannot: on county, a pair
 * of siblings brought together at a place that other moves make room for (solver-config/BENCHMARKS.md).
 *
 * <p>Each try solves a whole flow, so it runs only where a flow takes a small part of the time left: it has half of
 * what remains after the construction, starts only where {@link #FEWEST_TRIES} tries fit in that, and no try starts
 * that is not expected to end by then. A command of its own after the construction's, so that the rounded plan is the
 * solve's best (reported, and a bound's target) meanwhile.
 */
public class ApartGroupRetrial implements PhaseCommand<PlacementSolution> {

    /**
     * In a timed solve only ({@link FlowConstruction#LIMIT_ENDS}: a reproducible one must not depend on the clock),
     * right after the construction, in half the time left, where {@link #FEWEST_TRIES} tries fit in that: each try
     * expected to take as long as the construction did at first.
     */
    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        Long limitEnds = FlowConstruction.LIMIT_ENDS.get();
        Long constructionNanos = FlowConstruction.CONSTRUCTION_NANOS.get();
        FlowConstruction.CONSTRUCTION_NANOS.remove();
        if (limitEnds == null || constructionNanos == null || context.isPhaseTerminated()) {
            return;
        }
        long now = System.nanoTime();
        long end = now + (limitEnds - now) / 2;
        if (fewestTriesFit(now, end, constructionNanos)) {
            retry(context, constructionNanos, end);
        }
    }

    /**
     * The fewest tries expected to fit in the retrial's time for it to start at all. Fewer tries than that are a
     * lottery for the time: on a region at 60 s (a try expected to take the construction's 12 s, with 24 s to spend)
     * the retrial took those 24 s from local search and changed nothing, as a try there (a whole flow with every split
     * group settled) takes about 30 s (solver-config/BENCHMARKS.md, "Ending at the limit on national"). The estimate
     * is low where settling is cut short in the construction, so four expected tries may be fewer in fact.
     */
    static final int FEWEST_TRIES = 4;

    /** Whether {@link #FEWEST_TRIES} tries, each expected to take {@code tryNanos}, fit between now and {@code end}. */
    static boolean fewestTriesFit(long now, long end, long tryNanos) {
        return end - now - FEWEST_TRIES * tryNanos >= 0;
    }

    /**
     * Tries every apart group in turn (those the plan splits first), round after round while a round improves the
     * plan, until {@code end} (by {@link System#nanoTime()}) would come before another try ends, a try being expected
     * to take {@code tryNanos} at first and then as long as the longest so far; or until the phase is stopped. A try
     * still under way at {@code end} is given up.
     */
    static void retry(PhaseCommandContext<PlacementSolution> context, long tryNanos, long end) {
        PlacementSolution solution = context.getWorkingSolution();
        List<List<PlacementUnit>> groups = apartGroupsSplitFirst(solution);
        if (groups.isEmpty()) {
            return;
        }
        BooleanSupplier stop = () -> context.isPhaseTerminated() || System.nanoTime() - end > 0;
        HardMediumSoftScore best = context.executeTemporarilyAndCalculateScore(unchanged(context, groups));
        long expected = tryNanos;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (List<PlacementUnit> members : groups) {
                long start = System.nanoTime();
                if (stop.getAsBoolean() || start + expected - end > 0) {
                    return;
                }
                List<Move<PlacementSolution>> tried = tryAgain(context, members, stop);
                if (!tried.isEmpty()) {
                    Move<PlacementSolution> move = Moves.compose(tried);
                    HardMediumSoftScore triedScore = context.executeTemporarilyAndCalculateScore(move);
                    if (triedScore.compareTo(best) > 0) {
                        context.execute(move);
                        best = triedScore;
                        improved = true;
                    }
                }
                expected = Math.max(expected, System.nanoTime() - start);
            }
        }
    }

    /** A move that changes nothing (a unit to where it is), for the score as it stands. */
    private static Move<PlacementSolution> unchanged(
            PhaseCommandContext<PlacementSolution> context, List<List<PlacementUnit>> groups) {
        PlacementUnit unit = groups.getFirst().getFirst();
        return Moves.change(FlowConstruction.providerVariable(context), unit, unit.getProvider());
    }

    /** The members of each apart group of two or more movable children, the groups the plan splits first. */
    static List<List<PlacementUnit>> apartGroupsSplitFirst(PlacementSolution solution) {
        Map<String, List<PlacementUnit>> groups = solution.apartGroups(unit -> !unit.isPinned());
        List<List<PlacementUnit>> split = new ArrayList<>();
        List<List<PlacementUnit>> together = new ArrayList<>();
        for (List<PlacementUnit> members : groups.values()) {
            if (members.size() > 1) {
                boolean apart = members.stream()
                                .map(PlacementUnit::getProvider)
                                .distinct()
                                .count()
                        > 1;
                (apart ? split : together).add(members);
            }
        }
        split.addAll(together);
        return split;
    }

    /** The moves to the plan with the group tried again; none when there is nothing to change, or no time. */
    private static List<Move<PlacementSolution>> tryAgain(
            PhaseCommandContext<PlacementSolution> context, List<PlacementUnit> members, BooleanSupplier stop) {
        PlacementSolution solution = context.getWorkingSolution();
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        Set<PlacementUnit> group = Collections.newSetFromMap(new IdentityHashMap<>());
        group.addAll(members);
        for (PlacementUnit unit : solution.getUnits()) {
            boolean inAnApartGroup = unit.getApartGroup() != null;
            boolean underSharingRule = unit.isAnyRiskToYounger() || unit.isAnySolePlacement();
            if (!unit.isPinned() && !group.contains(unit) && (inAnApartGroup || underSharingRule)) {
                held.put(unit, unit.getProvider());
            }
        }
        Map<PlacementUnit, Provider> decisions =
                FlowConstruction.decideHolding(solution, held, CandidateLimit.configured(), stop, () -> false, true);
        return decisions == null ? List.of() : FlowConstruction.changesTo(context, decisions);
    }
}
