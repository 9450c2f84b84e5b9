package org.placementmatcher.solver;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The first solve of a large {@link PlacementFlow} by a library, OR-Tools' minimum-cost flow (cost scaling, native
 * code), then the potentials the flow's own searches go on from (pricing, settling). National's construction flow
 * (48,569 unit nodes, 9.5 million arcs) takes it 18 s, where the flow's shortest paths took about 210 s: each of the
 * 80,000 settles more nodes as the places near the children fill, up to 6,000 at the end (solver-config/BENCHMARKS.md,
 * "The construction's flow by OR-Tools").
 * <p>
 * Only for a flow to build a plan from of at least {@link #LEAST_ARCS} arcs (a region's and larger), which the searches
 * take seconds on; smaller ones keep the searches, which are as quick there, and so do a bound's flows
 * ({@link PlacementFlow#libraryLeastArcs}). And only where it is sure to end in time: its solve cannot be
 * stopped, so it starts only if, at {@link #NANOS_PER_ARC}, it would end before the time limit less the rounding's
 * reserve ({@link FlowConstruction#pastLimit}). Where the native library cannot be loaded (a platform it is not packaged
 * for) or the costs are too wide for it, the searches solve as before.
 */
final class LibraryFlowSolve {

    private static final Logger LOG = Logger.getLogger(LibraryFlowSolve.class);

    /** The least arcs a flow has for the library to solve it: a region's construction flow has about 1 million. */
    static final long LEAST_ARCS = 500_000;

    /** What its solve takes per arc, with room to spare: national's 9.5 million took 18.2 s, 1.9 µs each. */
    static final long NANOS_PER_ARC = 3_000;

    /** How many times the potentials' search may take each node from its queue, at most. */
    private static final int MOST_TAKES_PER_NODE = 10_000;

    /** How many nodes the potentials' search takes from its queue between looks at {@code stop}. */
    private static final int NODES_BETWEEN_LOOKS = 4096;

    private LibraryFlowSolve() {}

    /** Set to {@code true} to leave every flow to its own searches, as on a platform without the native library. */
    static final String DISABLED_PROPERTY = "placement.ortools.disabled";

    /** Whether the library can be used here: its native library loaded (tried once, on first use). */
    static boolean available() {
        return Native.LOADED;
    }

    private static final class Native {
        static final boolean LOADED = load();

        private static boolean load() {
            if (Boolean.getBoolean(DISABLED_PROPERTY)) {
                LOG.infof(
                        "OR-Tools switched off (-D%s=true): flows are solved by their own searches", DISABLED_PROPERTY);
                return false;
            }
            try {
                Loader.loadNativeLibraries();
                return true;
            } catch (RuntimeException | LinkageError e) {
                LOG.infof("OR-Tools' native library is not available (%s): flows are solved by their own searches", e);
                return false;
            }
        }
    }

    /** The flow's arcs to providers, which the library would solve for. */
    static long arcs(FlowNetwork flow) {
        long arcs = 0;
        for (int u = 0; u < flow.unitCount; u++) {
            arcs += flow.arcTo[u].length;
        }
        return arcs;
    }

    /**
     * Whether the library would solve the flow now: it has at least {@link PlacementFlow#libraryLeastArcs} arcs, its
     * solve would end before the time limit less the rounding's reserve ({@link #latestStart}), and the native library
     * is loaded.
     */
    static boolean applies(PlacementFlow flow) {
        return arcs(flow) >= flow.libraryLeastArcs && System.nanoTime() - latestStart(flow) <= 0 && Native.LOADED;
    }

    /**
     * When, by {@link System#nanoTime()}, the library's solve of the flow must start at the latest to end before the
     * limit less the rounding's reserve: {@link #NANOS_PER_ARC} for each arc. Far off without a time limit.
     */
    static long latestStart(PlacementFlow flow) {
        Long limitEnds = FlowConstruction.LIMIT_ENDS.get();
        long now = System.nanoTime();
        if (limitEnds == null) {
            return now + Long.MAX_VALUE / 2;
        }
        return limitEnds - reserveNanos(flow) - arcs(flow) * NANOS_PER_ARC;
    }

    /**
     * Routes every child of the flow, which has no flow yet, to the optimum, and sets potentials that prove it (every arc
     * with room left costs no less than the potentials' difference), as the searches would have; records how long
     * that took ({@link PlacementFlow#libraryNanos}). False, the flow left without flow, where the library ends
     * without an optimum (costs out of its range). Once routed, the potentials' search may yet be stopped by
     * {@code stop}: then the flow is routed but the potentials are not set, and {@code potentialsSet} is left false.
     *
     * @param potentialsSet one element, set true once the potentials are set
     */
    static boolean route(PlacementFlow flow, BooleanSupplier stop, boolean[] potentialsSet) {
        long start = System.nanoTime();
        MinCostFlow library =
                new MinCostFlow(flow.sink + 1, Math.toIntExact(arcs(flow) + 2L * flow.unitCount + flow.sink));
        try {
            int[] firstArc = build(flow, library);
            MinCostFlowBase.Status status = library.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                LOG.infof("OR-Tools' min-cost flow ended %s: the flow's own searches solve it", status);
                return false;
            }
            readFlow(flow, library, firstArc);
        } finally {
            library.delete();
        }
        potentialsSet[0] = setPotentials(flow, stop);
        flow.libraryNanos = System.nanoTime() - start;
        return true;
    }

    /** The reserve {@link FlowConstruction#roundingReserveNanos} keeps for the caseload's units. */
    private static long reserveNanos(FlowNetwork flow) {
        return flow.caseloadUnits * FlowConstruction.RESERVE_NANOS_PER_UNIT;
    }

    /**
     * The network as the library takes it, node numbers as the flow's; per unit node, the library's number of its first
     * arc to a provider (the others follow in order), then its unplaced arc (a unit) or its arcs to its members (an apart
     * group). An arc to a provider that cannot take the whole unit beside held children gets no capacity.
     */
    private static int[] build(FlowNetwork flow, MinCostFlow library) {
        int[] firstArc = new int[flow.unitCount];
        long children = 0;
        for (int u = 0; u < flow.unitCount; u++) {
            library.setNodeSupply(u, flow.supply[u]);
            children += flow.supply[u];
            firstArc[u] = library.getNumArcs();
            int[] to = flow.arcTo[u];
            for (int a = 0; a < to.length; a++) {
                int room = flow.size[u] <= flow.capacity[to[a]] - flow.heldLoad[to[a]] ? flow.size[u] : 0;
                library.addArcWithCapacityAndUnitCost(u, flow.unitCount + to[a], room, flow.arcCost[u][a]);
            }
            if (u < flow.realUnits) {
                library.addArcWithCapacityAndUnitCost(u, flow.sink, flow.size[u], flow.unplacedCost[u]);
            } else {
                for (int m : flow.groupMembers[u - flow.realUnits]) {
                    library.addArcWithCapacityAndUnitCost(u, m, 1, flow.memberArcCost[u - flow.realUnits]);
                }
            }
        }
        for (int p = flow.unitCount; p < flow.sink; p++) {
            library.addArcWithCapacityAndUnitCost(p, flow.sink, flow.capacity[p - flow.unitCount], 0);
        }
        library.setNodeSupply(flow.sink, -children);
        return firstArc;
    }

    /** The library's flow into the flow's arrays, in the order {@link #build} added the arcs. */
    private static void readFlow(FlowNetwork flow, MinCostFlow library, int[] firstArc) {
        for (int u = 0; u < flow.unitCount; u++) {
            int[] to = flow.arcTo[u];
            int arc = firstArc[u];
            for (int a = 0; a < to.length; a++, arc++) {
                int sent = (int) library.getFlow(arc);
                if (sent > 0) {
                    flow.writableFlow(u)[a] = sent;
                    flow.addResident(to[a], u, a);
                    flow.load[to[a]] += sent;
                }
            }
            // The unit's unplaced arc, or the group's arcs to its members, follow its arcs to providers.
            if (u < flow.realUnits) {
                flow.unplacedFlow[u] = (int) library.getFlow(arc);
            } else {
                for (int m : flow.groupMembers[u - flow.realUnits]) {
                    flow.memberFlow[m] = (int) library.getFlow(arc++);
                }
            }
        }
    }

    /**
     * Potentials proving the flow optimal: the shortest distances in its residual network from a root with an arc of no
     * cost to every node (a label-correcting search, as reverse arcs cost less than nothing; the flow being optimal,
     * no cycle does). Every residual arc then costs at least the difference of its ends' potentials, the searches'
     * invariant. False if {@code stop} said so first.
     */
    private static boolean setPotentials(PlacementFlow flow, BooleanSupplier stop) {
        int nodes = flow.sink + 1;
        long[] distance = new long[nodes];
        int[] queue = new int[nodes];
        boolean[] queued = new boolean[nodes];
        for (int v = 0; v < nodes; v++) {
            queue[v] = v;
            queued[v] = true;
        }
        Relaxer relaxer = new Relaxer(distance, queue, queued);
        relaxer.size = nodes;
        int head = 0;
        long taken = 0;
        // Far more than a search without a negative cycle takes (national: a few times the nodes); a cycle would mean
        // the flow read back is not the library's optimum.
        long mostTaken = (long) nodes * MOST_TAKES_PER_NODE;
        while (relaxer.size > 0) {
            if (++taken % NODES_BETWEEN_LOOKS == 0 && stop.getAsBoolean()) {
                return false;
            }
            if (taken > mostTaken) {
                throw new IllegalStateException(
                        "the library's flow is not optimal: its residual network has a negative" + " cycle");
            }
            int x = queue[head];
            head = head + 1 == nodes ? 0 : head + 1;
            relaxer.size--;
            queued[x] = false;
            relaxOut(flow, x, relaxer);
        }
        System.arraycopy(distance, 0, flow.potential, 0, nodes);
        long most = Long.MIN_VALUE;
        for (int p = flow.unitCount; p < flow.sink; p++) {
            most = Math.max(most, flow.potential[p]);
        }
        flow.maxProviderPotential = most;
        return true;
    }

    /** Lowers a node's distance, queuing it again if not queued: a ring of every node, as each is queued at most once. */
    private static final class Relaxer {
        final long[] distance;
        final int[] queue;
        final boolean[] queued;
        int tail;
        int size;

        Relaxer(long[] distance, int[] queue, boolean[] queued) {
            this.distance = distance;
            this.queue = queue;
            this.queued = queued;
        }

        void relax(int node, long d) {
            if (d < distance[node]) {
                distance[node] = d;
                if (!queued[node]) {
                    queued[node] = true;
                    queue[tail] = node;
                    tail = tail + 1 == queue.length ? 0 : tail + 1;
                    size++;
                }
            }
        }
    }

    /** The node's arcs with room in the residual network, as {@link PlacementFlow}'s searches follow them. */
    private static void relaxOut(FlowNetwork flow, int x, Relaxer relaxer) {
        long d = relaxer.distance[x];
        if (x < flow.unitCount) {
            if (x < flow.realUnits) {
                if (flow.unplacedFlow[x] < flow.size[x]) {
                    relaxer.relax(flow.sink, d + flow.unplacedCost[x]);
                }
                int g = flow.groupOf[x];
                if (g >= 0 && flow.memberFlow[x] > 0) {
                    relaxer.relax(g, d - flow.memberArcCost[g - flow.realUnits]);
                }
            } else {
                long share = flow.memberArcCost[x - flow.realUnits];
                for (int m : flow.groupMembers[x - flow.realUnits]) {
                    if (flow.memberFlow[m] == 0) {
                        relaxer.relax(m, d + share);
                    }
                }
            }
            int[] to = flow.arcTo[x];
            long[] cost = flow.arcCost[x];
            int[] sent = flow.arcFlow[x];
            int size = flow.size[x];
            for (int a = 0; a < to.length; a++) {
                if (sent[a] < size && size <= flow.capacity[to[a]] - flow.heldLoad[to[a]]) {
                    relaxer.relax(flow.unitCount + to[a], d + cost[a]);
                }
            }
        } else if (x == flow.sink) {
            for (int q = flow.unitCount; q < flow.sink; q++) {
                if (flow.load[q - flow.unitCount] > 0) {
                    relaxer.relax(q, d);
                }
            }
            for (int v = 0; v < flow.realUnits; v++) {
                if (flow.unplacedFlow[v] > 0) {
                    relaxer.relax(v, d - flow.unplacedCost[v]);
                }
            }
        } else {
            int p = x - flow.unitCount;
            if (flow.load[p] < flow.capacity[p]) {
                relaxer.relax(flow.sink, d);
            }
            for (int r = 0; r < flow.residentCount[p]; r++) {
                int v = flow.residentUnit[p][r];
                relaxer.relax(v, d - flow.arcCost[v][flow.residentArc[p][r]]);
            }
        }
    }
}
