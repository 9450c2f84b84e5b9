package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
 * <p>Each try solves a whole flow, so it runs only where a flow takes a small part of the time left: the construction
 * gives it half of what remains after it, and no try starts that is not expected to end by then.
 */
final class ApartGroupRetrial {

    private ApartGroupRetrial() {}

    /**
     * Tries every apart group in turn (those the plan splits first), round after round while a round improves the
     * plan, until {@code end} (by {@link System#nanoTime()}) would come before another try ends, a try being expected
     * to take {@code tryNanos} at first and then as long as the longest so far; or until the phase is stopped.
     *
     * @param score the working solution's score as it stands
     */
    static void retry(
            PhaseCommandContext<PlacementSolution> context,
            PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider,
            HardMediumSoftScore score,
            long tryNanos,
            long end) {
        PlacementSolution solution = context.getWorkingSolution();
        List<List<PlacementUnit>> groups = apartGroupsSplitFirst(solution);
        BooleanSupplier stop = context::isPhaseTerminated;
        HardMediumSoftScore best = score;
        long expected = tryNanos;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (List<PlacementUnit> members : groups) {
                long start = System.nanoTime();
                if (stop.getAsBoolean() || start + expected > end) {
                    return;
                }
                Move<PlacementSolution> tried = tryAgain(solution, provider, members, stop);
                if (tried != null) {
                    HardMediumSoftScore triedScore = context.executeTemporarilyAndCalculateScore(tried);
                    if (triedScore.compareTo(best) > 0) {
                        context.execute(tried);
                        best = triedScore;
                        improved = true;
                    }
                }
                expected = Math.max(expected, System.nanoTime() - start);
            }
        }
    }

    /** The members of each apart group of two or more movable children, the groups the plan splits first. */
    static List<List<PlacementUnit>> apartGroupsSplitFirst(PlacementSolution solution) {
        Map<String, List<PlacementUnit>> groups = new LinkedHashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getApartGroup() != null && !unit.isPinned()) {
                groups.computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>())
                        .add(unit);
            }
        }
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

    /** The moves to the plan with the group tried again, or null when there is nothing to change (or no time). */
    private static Move<PlacementSolution> tryAgain(
            PlacementSolution solution,
            PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider,
            List<PlacementUnit> members,
            BooleanSupplier stop) {
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        Set<PlacementUnit> group = Collections.newSetFromMap(new IdentityHashMap<>());
        group.addAll(members);
        for (PlacementUnit unit : solution.getUnits()) {
            boolean inAnApartGroup = unit.getApartGroup() != null;
            boolean sharesByRule = unit.isAnyRiskToYounger() || unit.isAnySolePlacement();
            if (!unit.isPinned() && !group.contains(unit) && (inAnApartGroup || sharesByRule)) {
                held.put(unit, unit.getProvider());
            }
        }
        PlacementFlow flow = PlacementFlow.heldLimited(solution, held, CandidateLimit.configured());
        if (!flow.solvePriced(stop).complete()) {
            return null;
        }
        flow = flow.settleSplitGroups(FlowConstruction.EXTRA_PLACES, stop);
        Map<PlacementUnit, Provider> preferred = new IdentityHashMap<>(flow.mostFlow());
        preferred.putAll(held);
        Map<PlacementUnit, Provider> decisions = GreedyPlacement.decideFrom(solution, preferred, held.keySet());
        List<Move<PlacementSolution>> changes = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            Provider place = decisions.get(unit);
            if (!unit.isPinned() && place != unit.getProvider()) {
                changes.add(Moves.change(provider, unit, place));
            }
        }
        return changes.isEmpty() ? null : Moves.compose(changes);
    }
}
