package org.placementmatcher.solver;

import static org.placementmatcher.solver.FlowNetwork.APART;
import static org.placementmatcher.solver.FlowNetwork.FREE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.UnitDifficulty;

/**
 * Settling the sibling groups a solved {@link PlacementFlow} split ({@link PlacementFlow#settleSplitGroups}): each
 * held whole at one place after another, on a copy of the flow, with everyone else routed again around it by the
 * flow's own searches, and the cheapest kept. Apart from the flow because it is a step on solved flows, working on
 * copies of them, not part of the flow's searches.
 */
final class SplitGroupSettling {

    private SplitGroupSettling() {}

    /** The solved flow with its split groups settled, as {@link PlacementFlow#settleSplitGroups} describes. */
    static PlacementFlow settleSplitGroups(PlacementFlow solved, int extraPlaces, BooleanSupplier stop) {
        PlacementFlow flow = solved;
        boolean[] unsettled = new boolean[solved.unitCount];
        while (!stop.getAsBoolean()) {
            int node = hardestSplitNode(flow, unsettled);
            if (node < 0) {
                break;
            }
            PlacementFlow best = null;
            FlowRelaxation bestTotals = null;
            for (int arc : holdOptions(flow, node, extraPlaces)) {
                PlacementFlow trial = flow.copy();
                FlowRelaxation totals = hold(trial, node, arc);
                if (best == null || totals.isBetterThan(bestTotals)) {
                    best = trial;
                    bestTotals = totals;
                }
            }
            if (best == null) {
                // Nowhere it already goes has room for the whole group: rounding will find it a place.
                unsettled[node] = true;
            } else {
                flow = best;
            }
        }
        return flow;
    }

    /** The first split group: together ones hardest first, then apart ones largest first; -1 when none is left. */
    private static int hardestSplitNode(PlacementFlow network, boolean[] skip) {
        PlacementUnit hardest = null;
        int hardestNode = -1;
        Comparator<PlacementUnit> difficulty = new UnitDifficulty();
        for (int u = 0; u < network.realUnits; u++) {
            if (!skip[u]
                    && network.heldArc[u] == FREE
                    && (network.unplacedFlow[u] > 0 ? 1 : 0) + providersReached(network, u) > 1
                    && (hardest == null || difficulty.compare(network.units.get(u), hardest) > 0)) {
                hardest = network.units.get(u);
                hardestNode = u;
            }
        }
        if (hardestNode >= 0) {
            return hardestNode;
        }
        int largest = -1;
        for (int g = network.realUnits; g < network.unitCount; g++) {
            boolean anyApart = false;
            for (int m : network.groupMembers[g - network.realUnits]) {
                anyApart |= network.memberFlow[m] > 0;
            }
            if (!skip[g]
                    && network.heldArc[g] == FREE
                    && (anyApart ? 1 : 0) + providersReached(network, g) > 1
                    && (largest < 0 || network.size[g] > network.size[largest])) {
                largest = g;
            }
        }
        return largest;
    }

    private static int providersReached(PlacementFlow network, int node) {
        int count = 0;
        for (int flow : network.arcFlow[node]) {
            count += flow > 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * The arcs to try holding a split group to: those with flow, then the {@code extra} cheapest others at the flow's
     * prices (the arc's cost plus the price of a place there, the fall in its potential), all with room for the
     * whole group; for an apart group also {@link FlowNetwork#APART}.
     */
    private static List<Integer> holdOptions(PlacementFlow network, int node, int extra) {
        List<Integer> options = new ArrayList<>();
        List<long[]> others = new ArrayList<>();
        for (int a = 0; a < network.arcTo[node].length; a++) {
            int p = network.arcTo[node][a];
            if (network.capacity[p] - network.heldLoad[p] < network.size[node]) {
                continue;
            }
            if (network.arcFlow[node][a] > 0) {
                options.add(a);
            } else {
                others.add(new long[] {network.arcCost[node][a] - network.potential[network.unitCount + p], a});
            }
        }
        others.sort(Comparator.comparingLong(o -> o[0]));
        others.stream().limit(extra).forEach(o -> options.add((int) o[1]));
        if (node >= network.realUnits) {
            options.add(APART);
        }
        return options;
    }

    /**
     * Holds the node (a unit, or an apart group) to the arc, or an apart group to {@link FlowNetwork#APART} (every
     * member on its own), and routes everyone else again optimally around it: its flow elsewhere is taken back, the
     * rest of its children pushed along the arc, residents moved on along the cheapest paths, until every place so
     * freed is used again or given up. Far cheaper than solving again with the group held, as little changes.
     */
    private static FlowRelaxation hold(PlacementFlow network, int x, int keep) {
        takeBackAllBut(network, x, keep);
        if (x >= network.realUnits && keep != APART) {
            for (int m : network.groupMembers[x - network.realUnits]) {
                if (network.memberFlow[m] > 0) {
                    takeBackAllBut(network, m, FREE);
                    network.memberFlow[m] = 0;
                }
            }
        }
        network.heldArc[x] = keep;
        int excess = network.size[x];
        if (keep == APART) {
            for (int m : network.groupMembers[x - network.realUnits]) {
                excess -= network.memberFlow[m];
            }
        } else {
            excess -= network.arcFlow[x][keep];
        }
        List<int[]> movedOn = new ArrayList<>();
        if (keep != APART) {
            int p = network.arcTo[x][keep];
            network.heldLoad[p] += network.size[x];
            // Groups at the provider that no longer fit whole beside the held ones go too, as if never offered it.
            for (int r = network.residentCount[p] - 1; r >= 0; r--) {
                int v = network.residentUnit[p][r];
                int a = network.residentArc[p][r];
                if (network.size[v] > network.capacity[p] - network.heldLoad[p] && network.heldArc[v] == FREE) {
                    movedOn.add(new int[] {v, network.arcFlow[v][a]});
                    takeBack(network, v, a);
                }
            }
        }
        network.toDeficits = true;
        for (int remaining = excess; remaining > 0; ) {
            remaining -= network.augment(x, remaining);
        }
        for (int[] moved : movedOn) {
            for (int remaining = moved[1]; remaining > 0; ) {
                remaining -= network.augment(moved[0], remaining);
            }
        }
        network.toDeficits = false;
        return network.relaxation(true);
    }

    /** Takes back the node's flow on every arc but {@code keep}, and its unplaced flow (the sink's deficit then). */
    private static void takeBackAllBut(PlacementFlow network, int node, int keep) {
        for (int a = 0; a < network.arcTo[node].length; a++) {
            if (a != keep) {
                takeBack(network, node, a);
            }
        }
        network.deficit[network.sink] += network.unplacedFlow[node];
        network.unplacedFlow[node] = 0;
    }

    /** Takes the flow on the node's arc back: the provider is left with a deficit of that many children. */
    private static void takeBack(PlacementFlow network, int node, int arc) {
        int flow = network.arcFlow[node][arc];
        if (flow > 0) {
            network.deficit[network.unitCount + network.arcTo[node][arc]] += flow;
            network.writableFlow(node)[arc] = 0;
            network.removeResident(network.arcTo[node][arc], node, arc);
        }
    }
}
