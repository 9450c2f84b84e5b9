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
        return settleSplitGroups(solved, extraPlaces, stop, true, new Progress());
    }

    /**
     * How far settling has gone, for a caller deciding whether to let it go on: when it started, how many groups the
     * flow split then, and how many it has settled or given up since.
     */
    static final class Progress {
        private long startNanos;
        private int splitAtStart;
        private int done;

        /**
         * When settling is expected to end, at the pace so far ({@link Long#MAX_VALUE} before the first group): the
         * groups left take as long each as those done did on average. Groups split again by routing others around a
         * held one are not counted, so it is, if anything, early.
         */
        long expectedEndNanos() {
            if (done == 0) {
                return Long.MAX_VALUE;
            }
            long elapsed = System.nanoTime() - startNanos;
            return startNanos + Math.round(elapsed * ((double) Math.max(splitAtStart, done) / done));
        }
    }

    /**
     * The same, telling {@code progress} how far it has gone; with {@code skipBound} false every option is tried to the
     * end, even one {@link #holdCostAtLeast} or its searches show cannot be better (a test compares the two).
     */
    static PlacementFlow settleSplitGroups(
            PlacementFlow solved, int extraPlaces, BooleanSupplier stop, boolean skipBound, Progress progress) {
        PlacementFlow flow = solved;
        boolean[] unsettled = new boolean[solved.unitCount];
        progress.startNanos = System.nanoTime();
        progress.splitAtStart = splitNodes(flow);
        while (!stop.getAsBoolean()) {
            int node = hardestSplitNode(flow, unsettled);
            if (node < 0) {
                break;
            }
            PlacementFlow best = null;
            Held bestHeld = null;
            for (int arc : holdOptions(flow, node, extraPlaces)) {
                // What a try must add less than to be better than the best so far, in the flow's costs: these order
                // plans as the totals do only where the flow puts medium first.
                long toBeat = skipBound && flow.lexicographic && best != null ? bestHeld.costAdded() : Long.MAX_VALUE;
                if (toBeat != Long.MAX_VALUE && holdCostAtLeast(flow, node, arc) >= toBeat) {
                    continue;
                }
                PlacementFlow trial = flow.copy();
                Held held = hold(trial, node, arc, toBeat);
                if (held != null && (best == null || held.totals().isBetterThan(bestHeld.totals()))) {
                    best = trial;
                    bestHeld = held;
                }
            }
            if (best == null) {
                // Nowhere it already goes has room for the whole group: rounding will find it a place.
                unsettled[node] = true;
            } else {
                flow = best;
            }
            progress.done++;
        }
        return flow;
    }

    /**
     * At least how much holding the node to the arc adds to the flow's cost: the children it adds there times the
     * arc's reduced cost at the flow's potentials. Every residual arc's reduced cost is at least 0 (the potentials
     * prove the flow optimal), and the flow with the node held differs from this one by a circulation through the
     * residual network that carries those children along that arc, so it costs at least that much more. An option
     * whose bound is no less than what the best option tried adds cannot be better, and is not tried (half the time on a
     * region, solver-config/BENCHMARKS.md, "Settling every split group"). Only where the flow's costs put medium first
     * ({@link FlowNetwork#lexicographic}): otherwise its cost and the totals compared ({@link
     * FlowRelaxation#isBetterThan}) need not agree, and every option is tried.
     */
    static long holdCostAtLeast(PlacementFlow network, int node, int arc) {
        if (arc == APART) {
            return 0;
        }
        long reduced = network.arcCost[node][arc]
                + network.potential[node]
                - network.potential[network.unitCount + network.arcTo[node][arc]];
        int added = network.size[node] - network.arcFlow[node][arc];
        if (reduced <= 0 || added <= 0) {
            return 0;
        }
        return reduced > Long.MAX_VALUE / added ? Long.MAX_VALUE : reduced * added;
    }

    /** How many units and apart groups the flow splits. */
    private static int splitNodes(PlacementFlow network) {
        int split = 0;
        for (int u = 0; u < network.unitCount; u++) {
            split += isSplit(network, u) ? 1 : 0;
        }
        return split;
    }

    /**
     * Whether the flow splits the node: a unit's children sent to several providers, or some left unplaced; an apart
     * group's sent to several, or partly together and partly apart.
     */
    private static boolean isSplit(PlacementFlow network, int node) {
        if (network.heldArc[node] != FREE || network.size[node] < 2) {
            return false;
        }
        if (node < network.realUnits) {
            return (network.unplacedFlow[node] > 0 ? 1 : 0) + providersReached(network, node) > 1;
        }
        boolean anyApart = false;
        for (int m : network.groupMembers[node - network.realUnits]) {
            anyApart |= network.memberFlow[m] > 0;
        }
        return (anyApart ? 1 : 0) + providersReached(network, node) > 1;
    }

    /** The first split group: together ones hardest first, then apart ones largest first; -1 when none is left. */
    static int hardestSplitNode(PlacementFlow network, boolean[] skip) {
        int t = hardestTogetherNode(network, skip);
        return t >= 0 ? t : largestApartNode(network, skip);
    }

    /** The hardest unit the flow splits ({@link UnitDifficulty}), or -1. */
    private static int hardestTogetherNode(PlacementFlow network, boolean[] skip) {
        PlacementUnit hardest = null;
        int hardestNode = -1;
        Comparator<PlacementUnit> difficulty = new UnitDifficulty();
        for (int u = 0; u < network.realUnits; u++) {
            if (!skip[u]
                    && isSplit(network, u)
                    && (hardest == null || difficulty.compare(network.units.get(u), hardest) > 0)) {
                hardest = network.units.get(u);
                hardestNode = u;
            }
        }
        return hardestNode;
    }

    /** The largest apart group the flow splits, or -1. */
    private static int largestApartNode(PlacementFlow network, boolean[] skip) {
        int largest = -1;
        for (int g = network.realUnits; g < network.unitCount; g++) {
            if (!skip[g] && isSplit(network, g) && (largest < 0 || network.size[g] > network.size[largest])) {
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
    static List<Integer> holdOptions(PlacementFlow network, int node, int extra) {
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

    /** A trial's result: the flow's totals, and what it added to the flow's cost (negative: saved). */
    record Held(FlowRelaxation totals, long costAdded) {}

    /** {@link #hold(PlacementFlow, int, int, long)} carried to the end, whatever it adds. */
    static Held hold(PlacementFlow network, int x, int keep) {
        return hold(network, x, keep, Long.MAX_VALUE);
    }

    /**
     * Holds the node (a unit, or an apart group) to the arc, or an apart group to {@link FlowNetwork#APART} (every
     * member on its own), and routes everyone else again optimally around it: its flow elsewhere is taken back, the
     * rest of its children pushed along the arc, residents moved on along the cheapest paths, until every place so
     * freed is used again or given up. Far cheaper than solving again with the group held, as little changes.
     * <p>
     * Null, the flow left part-way, once it is sure to add {@code toBeat} or more to the flow's cost: each search gives
     * up ({@link PlacementFlow#abandonAt}) where the children still to route could no longer be routed for less. At the
     * searches' potentials every residual arc costs at least 0 reduced, so routing what is left is a flow of no
     * negative cycle: each child along a path from where it waits to a node with a deficit, a path costing its reduced
     * length less its start's potential plus its end's. So each child waiting costs at least the lowest deficit's
     * potential less its node's, and each of the node being searched from the distance searched so far more. On rcc
     * most trials that lose lose by far: they settled 85 % of the nodes settling settled.
     */
    static Held hold(PlacementFlow network, int x, int keep, long toBeat) {
        long added = -takeBackAllBut(network, x, keep);
        if (x >= network.realUnits && keep != APART) {
            long share = network.memberArcCost[x - network.realUnits];
            for (int m : network.groupMembers[x - network.realUnits]) {
                if (network.memberFlow[m] > 0) {
                    added -= takeBackAllBut(network, m, FREE) + network.memberFlow[m] * share;
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
                    added -= takeBack(network, v, a);
                }
            }
        }
        // Every child still to route, by where it waits: the held node's first, then each moved on.
        List<int[]> waiting = new ArrayList<>();
        waiting.add(new int[] {x, excess});
        waiting.addAll(movedOn);
        network.toDeficits = true;
        for (int i = 0; i < waiting.size(); i++) {
            int source = waiting.get(i)[0];
            for (int remaining = waiting.get(i)[1]; remaining > 0; ) {
                network.abandonAt = abandonAt(network, waiting, i, remaining, added, toBeat);
                int sent = network.augment(source, remaining);
                if (sent == 0) {
                    network.abandonAt = Long.MAX_VALUE;
                    return null;
                }
                added += sent * network.lastPathCost;
                remaining -= sent;
            }
        }
        network.abandonAt = Long.MAX_VALUE;
        network.toDeficits = false;
        return new Held(network.relaxation(true), added);
    }

    /**
     * The reduced distance from the i-th waiting node, with {@code remaining} children still to route from it, at which
     * the trial is sure to add {@code toBeat} or more ({@link Long#MAX_VALUE}: never, or not known within a long): it
     * has added {@code added} so far, each child waiting at a later node costs at least the lowest deficit's potential
     * less its node's, and each of the i-th node's at least that plus the distance.
     */
    private static long abandonAt(
            PlacementFlow network, List<int[]> waiting, int i, int remaining, long added, long toBeat) {
        if (toBeat == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long lowestDeficit = Long.MAX_VALUE;
        // Deficits are only ever at providers and the sink (flow taken back).
        for (int t = network.unitCount; t <= network.sink; t++) {
            if (network.deficit[t] > 0) {
                lowestDeficit = Math.min(lowestDeficit, network.potential[t]);
            }
        }
        if (lowestDeficit == Long.MAX_VALUE) {
            return Long.MAX_VALUE; // no deficit left to bound by: the search is left to find its end
        }
        try {
            long atLeast = added;
            for (int j = i + 1; j < waiting.size(); j++) {
                int[] w = waiting.get(j);
                atLeast = Math.addExact(
                        atLeast,
                        Math.multiplyExact((long) w[1], Math.subtractExact(lowestDeficit, network.potential[w[0]])));
            }
            long perChild = Math.ceilDiv(Math.subtractExact(toBeat, atLeast), remaining);
            return Math.subtractExact(
                    perChild, Math.subtractExact(lowestDeficit, network.potential[waiting.get(i)[0]]));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Takes back the node's flow on every arc but {@code keep}, and its unplaced flow (the sink's deficit then);
     * returns what that flow cost.
     */
    private static long takeBackAllBut(PlacementFlow network, int node, int keep) {
        long cost = 0;
        for (int a = 0; a < network.arcTo[node].length; a++) {
            if (a != keep) {
                cost += takeBack(network, node, a);
            }
        }
        if (node < network.realUnits) {
            cost += network.unplacedFlow[node] * network.unplacedCost[node];
        }
        network.deficit[network.sink] += network.unplacedFlow[node];
        network.unplacedFlow[node] = 0;
        return cost;
    }

    /**
     * Takes the flow on the node's arc back: the provider is left with a deficit of that many children. Returns what
     * that flow cost.
     */
    private static long takeBack(PlacementFlow network, int node, int arc) {
        int flow = network.arcFlow[node][arc];
        if (flow > 0) {
            network.deficit[network.unitCount + network.arcTo[node][arc]] += flow;
            network.writableFlow(node)[arc] = 0;
            network.removeResident(network.arcTo[node][arc], node, arc);
        }
        return flow * network.arcCost[node][arc];
    }
}
