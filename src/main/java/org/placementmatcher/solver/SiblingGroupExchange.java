package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Sibling groups placed again all together, one size at a time, exactly, everyone else held where the plan has them:
 * an assignment of whole groups to places, which a minimum-cost flow solves (OR-Tools'). A group here is a block of
 * children who move as one: a sibling group placed together, or an apart group (placeTogether=false) whose members all
 * live at one place. It finds the chains of groups each moving into the next one's place, which a flow over children
 * does not see (it splits the groups, and the rounding settles them one at a time) and no single move makes: on the
 * region, 2,356 points in 0.06 s (solver-config/BENCHMARKS.md, "Sibling groups exchanged").
 *
 * <p>What it holds keeps every rule: a place takes a group only while it has room for it beside the children held
 * there and within the fostering limit, and a place where a held child is under a rule on sharing (H10, H11), or where
 * the groups there now fill it beyond the limit by its exception for one sibling group, takes back only the groups
 * there now. Groups under a rule on sharing themselves are held. Where OR-Tools' native library cannot be loaded, it
 * does nothing.
 */
final class SiblingGroupExchange {

    private SiblingGroupExchange() {}

    /**
     * The groups of each size, smallest first, placed again ({@link #assign}), each size's result kept where the
     * plan's score is better; until {@code stop}. True where the plan changed.
     */
    static boolean exchange(PhaseCommandContext<PlacementSolution> context, BooleanSupplier stop) {
        if (!LibraryFlowSolve.available()) {
            return false;
        }
        PlacementSolution solution = context.getWorkingSolution();
        List<Block> blocks = blocks(solution);
        TreeSet<Integer> sizes = new TreeSet<>();
        blocks.forEach(block -> sizes.add(block.size()));
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable =
                FlowConstruction.providerVariable(context);
        boolean improved = false;
        for (int size : sizes) {
            if (stop.getAsBoolean()) {
                break;
            }
            Map<PlacementUnit, Provider> moved = assign(solution, blocks, size);
            if (moved.isEmpty()) {
                continue;
            }
            List<Move<PlacementSolution>> changes = new ArrayList<>();
            moved.forEach((unit, place) -> changes.add(Moves.change(variable, unit, place)));
            PlacementUnit any = moved.keySet().iterator().next();
            HardMediumSoftScore before =
                    context.executeTemporarilyAndCalculateScore(Moves.change(variable, any, any.getProvider()));
            Move<PlacementSolution> move = Moves.compose(changes);
            HardMediumSoftScore after = context.executeTemporarilyAndCalculateScore(move);
            if (after.compareTo(before) > 0) {
                context.execute(move);
                improved = true;
            }
        }
        return improved;
    }

    /** Units moved as one: a sibling group of several children, or an apart group whose members share a place. */
    record Block(List<PlacementUnit> units, int size, Provider place) {

        long points(Provider p) {
            long points = 0;
            for (PlacementUnit unit : units) {
                points += unit.staticSoftPoints(p);
            }
            return points;
        }

        boolean eligible(Provider p) {
            for (PlacementUnit unit : units) {
                if (!unit.isEligible(p)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A movable placed unit under no rule on sharing. */
    private static boolean movable(PlacementUnit unit) {
        return !unit.isPinned()
                && unit.getProvider() != null
                && !unit.isAnyRiskToYounger()
                && !unit.isAnySolePlacement();
    }

    /** The blocks of the plan: every movable sibling group of several children, and every apart group placed together. */
    static List<Block> blocks(PlacementSolution solution) {
        List<Block> blocks = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getApartGroup() == null && unit.size() > 1 && movable(unit)) {
                blocks.add(new Block(List.of(unit), unit.size(), unit.getProvider()));
            }
        }
        for (List<PlacementUnit> members : solution.apartGroups(unit -> true).values()) {
            Provider place = members.getFirst().getProvider();
            boolean together =
                    members.size() > 1 && members.stream().allMatch(m -> movable(m) && m.getProvider() == place);
            if (together) {
                blocks.add(new Block(
                        List.copyOf(members),
                        members.stream().mapToInt(PlacementUnit::size).sum(),
                        place));
            }
        }
        return blocks;
    }

    /**
     * The groups of {@code size} among {@code all} placed again, all at once and at least cost, everyone else held: each
     * unit of a group the optimum moves, to its new place (none where nothing moves, or the library gives no optimum).
     * Each group may go to any place among its first unit's candidates where all its units are eligible, or stay.
     */
    static Map<PlacementUnit, Provider> assign(PlacementSolution solution, List<Block> all, int size) {
        List<Provider> providers = solution.getProviders();
        int providerCount = providers.size();
        int[] heldChildren = new int[providerCount];
        boolean[] heldSharingRule = new boolean[providerCount];
        int[] current = new int[providerCount];
        List<Block> blocks = new ArrayList<>();
        Set<PlacementUnit> released = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block block : all) {
            if (block.size() == size) {
                blocks.add(block);
                released.addAll(block.units());
                current[block.place().getIndex()]++;
            }
        }
        if (blocks.isEmpty()) {
            return Map.of();
        }
        for (PlacementUnit unit : solution.getUnits()) {
            Provider p = unit.getProvider();
            if (p != null && !released.contains(unit)) {
                heldChildren[p.getIndex()] += unit.size();
                heldSharingRule[p.getIndex()] |= unit.isAnyRiskToYounger() || unit.isAnySolePlacement();
            }
        }
        // How many blocks each place takes; where a held child's rule on sharing (or the fostering limit's
        // exception for one sibling group) would depend on which block, only the blocks there now may stay.
        int[] room = new int[providerCount];
        boolean[] onlyThoseThere = new boolean[providerCount];
        for (Provider p : providers) {
            int i = p.getIndex();
            int most = Math.max(0, (p.getPlaces() - heldChildren[i]) / size);
            if (PlacementRules.fosteringLimitApplies(p)) {
                // Alone, one sibling group may go past the limit; a block has two children at least, so beside anyone
                // else it must keep within it, and two never fit within it.
                most = heldChildren[i] == 0
                        ? Math.min(most, 1)
                        : Math.min(most, Math.max(0, (PlacementRules.USUAL_FOSTERING_LIMIT - heldChildren[i]) / size));
            }
            onlyThoseThere[i] = heldSharingRule[i] || current[i] > most;
            room[i] = onlyThoseThere[i] ? current[i] : most;
        }
        int n = blocks.size();
        int source = n + providerCount;
        int sink = source + 1;
        MinCostFlow flow = new MinCostFlow(sink + 1, n * 64);
        try {
            List<int[]> arcs = new ArrayList<>(); // {arc, block, provider}
            for (int b = 0; b < n; b++) {
                Block block = blocks.get(b);
                flow.addArcWithCapacityAndUnitCost(source, b, 1, 0);
                Provider now = block.place();
                arcs.add(new int[] {
                    flow.addArcWithCapacityAndUnitCost(b, n + now.getIndex(), 1, block.points(now)), b, now.getIndex()
                });
                for (Provider p : block.units().getFirst().getCandidates()) {
                    int i = p.getIndex();
                    if (p != now && !onlyThoseThere[i] && room[i] > 0 && block.eligible(p)) {
                        arcs.add(new int[] {flow.addArcWithCapacityAndUnitCost(b, n + i, 1, block.points(p)), b, i});
                    }
                }
            }
            for (int i = 0; i < providerCount; i++) {
                if (room[i] > 0) {
                    flow.addArcWithCapacityAndUnitCost(n + i, sink, room[i], 0);
                }
            }
            flow.setNodeSupply(source, n);
            flow.setNodeSupply(sink, -n);
            if (flow.solve() != MinCostFlowBase.Status.OPTIMAL) {
                return Map.of();
            }
            Map<PlacementUnit, Provider> moved = new IdentityHashMap<>();
            for (int[] arc : arcs) {
                Block block = blocks.get(arc[1]);
                Provider p = providers.get(arc[2]);
                if (flow.getFlow(arc[0]) > 0 && p != block.place()) {
                    block.units().forEach(unit -> moved.put(unit, p));
                }
            }
            return moved;
        } finally {
            flow.delete();
        }
    }
}
