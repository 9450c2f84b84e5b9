package org.placementmatcher.solver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The caseload as a transportation problem, solved to optimality as a minimum-cost flow: every movable
 * unit sends its children to its eligible providers (or leaves them unplaced at the unplaced weight,
 * which outweighs any soft total, so medium comes first), each provider takes at most its places
 * less those of pinned children. Left out, because a flow cannot express them: that a sibling group's
 * children arrive together (a group may split here), the fostering limit, the rules on who may share a
 * placement (H10, H11) and siblingsApart.
 * <p>
 * Two uses. Its optimum is a lower bound on the true optimum (a relaxation: everything it leaves out
 * only restricts or adds points), which the benchmark reports where no exact solver finishes. And its
 * assignment, rounded to whole units, is a near-optimal start for local search ({@link FlowConstruction}).
 * <p>
 * Algorithm: successive shortest paths with node potentials (Dijkstra on reduced costs), one augmenting
 * path per unit of supply, each search stopping as soon as it reaches the sink. Written here rather than
 * taken from a graph library because a region has millions of unit-provider arcs: they are kept as
 * primitive arrays (a graph library's edge objects would take gigabytes), and the search mostly stops
 * after a few nodes. Costs are whole numbers: a group of k children spreads its points over k units of
 * flow, so every cost is scaled by the least common multiple of the group sizes.
 * <p>
 * This class is the flow's entry and its shortest-path searches. The network and the flow on it, built from the
 * caseload and read back as placements and totals, are its superclass {@link FlowNetwork} (the providers each unit is
 * offered: {@link FlowOffers}); the steps built on the searches have classes of their own: pricing the arcs a limited
 * flow was not offered ({@link OmittedArcPricing}), settling the sibling groups it split ({@link SplitGroupSettling})
 * and the gain of one more place ({@link PlaceGains}).
 */
public final class PlacementFlow extends FlowNetwork {

    private long[] dist;
    private int[] reached;
    private int[] settled;
    private int[] predNode;
    private int[] predArc;
    private int stamp;
    private int augmentations;
    /** Whether {@link #solve} has been called: it routes a flow with none yet. */
    private boolean solved;
    /**
     * The least arcs for {@link LibraryFlowSolve} to solve this flow: {@link LibraryFlowSolve#LEAST_ARCS} for a flow to
     * build a plan from; never for a bound's, which runs beside the solver to a deadline of its own that the library's
     * solve, which cannot be stopped, might not keep. A test lowers it to compare the two.
     */
    long libraryLeastArcs;
    /**
     * Whether pricing solves every round again by the library ({@link #solveAgainByLibrary}), as it does once the
     * searches have taken longer: a test sets it.
     */
    boolean alwaysSolveAgain;
    /** Whether the library routed this flow, and how long its last solve took (with the potentials'). */
    boolean solvedByLibrary;

    long libraryNanos;
    /** An upper bound on every provider's potential (they start at 0 and only fall), for cutting arc scans short. */
    long maxProviderPotential;

    private NodeHeap heap;
    /**
     * Entries of the current search known to be next: nodes reached at the distance of the last node settled (no
     * unsettled node is nearer, so they are settled as they are, in any order), and units' remaining arcs whose key is
     * no more than it. Kept apart from the heap because the flow's reduced costs are mostly zero around its
     * optimum: a search settles thousands of nodes on that plateau, each of which would otherwise be sifted to
     * the top of the heap only to be popped at once. Taken last in, first out, so a search goes deep along the
     * plateau and meets a node with a deficit sooner: settling rcc's split groups whole took 163 s with the heap
     * alone, 79 s so, 127 s first in, first out (solver-config/BENCHMARKS.md, "Settling on the plateau").
     */
    private int[] ready;

    private int readyCount;
    /** The distance of the node the current search settled last: no unsettled node is nearer. */
    private long settledDistance;
    /** Per unit node settled in the current search: its next arc not yet expanded ({@link #expandArcs}). */
    private int[] nextArc;
    /** Arcs a heap entry standing for a unit's remaining arcs expands at a time. */
    private static final int ARCS_PER_EXPANSION = 8;

    private int[] settledList = new int[64];

    /**
     * Per node, while {@link SplitGroupSettling#hold} routes again: children it sends on (to the sink, or a provider's
     * place) that no longer reach it since the held unit's flow was taken back. Paths then end at such a node rather
     * than the sink.
     */
    int[] deficit;

    boolean toDeficits;

    /**
     * A search settling a node this far (reduced) from its source gives up ({@link #augment} returns 0): whatever it
     * would go on to find could not make the trial it serves better than one already made
     * ({@link SplitGroupSettling#hold}).
     */
    long abandonAt = Long.MAX_VALUE;

    /** What one child along the last augmenting path changed the flow's cost by (its arcs' costs, not reduced). */
    long lastPathCost;

    /** Arc codes in {@link #predArc} besides an arc index: to the sink, and between an apart group and a member. */
    static final int UNPLACED = -1;

    static final int TO_SINK = -2;
    static final int GROUP_TO_MEMBER = -3;
    static final int MEMBER_TO_GROUP = -4;
    /** Back along a provider's arc to the sink (fewer children there), and a unit's unplaced arc (fewer unplaced). */
    static final int FROM_SINK = -5;

    static final int UNPLACED_BACK = -6;

    /** What pricing ({@link #solvePriced}) has learnt of this flow: null until it is first called, and in copies. */
    private OmittedArcPricing pricing;

    /**
     * The relaxation alone: a lower bound on every plan ({@link FlowRelaxation#isBound()}); a unit whose candidates are
     * only its cheapest few also has an arc beyond them ({@link FlowOffers#beyondPoints}), as in {@link #boundLimited}.
     */
    public PlacementFlow(PlacementSolution solution) {
        this(solution, false, Map.of(), false, false, CandidateLimit.NONE, null);
    }

    /**
     * A flow to price places with ({@link #placeGains()}): like one to build a plan from (the fostering limit
     * applied), without apart groups, and every unit offered also the providers that would have room for it with
     * one more place, so that a place's price sees them.
     */
    public static PlacementFlow forPlaceValues(PlacementSolution solution) {
        return new PlacementFlow(solution, false, Map.of(), true, true, CandidateLimit.NONE, null);
    }

    /**
     * A flow to build a plan from (no bound): every unit is offered all its eligible providers with room for it, and a
     * foster carer without exemption takes no more than the usual fostering limit of children, unless a sibling group
     * larger than that could go there (H14: more is allowed only for one sibling group, which the flow cannot see).
     *
     * @param modelApartGroups also let each placeTogether=false sibling group go to one provider together, its
     *        members' arcs elsewhere each carrying a share of the siblingsApart points (exact when all go
     *        to different providers, an estimate between): a better start for the solver, but no longer a bound
     * @param fixedAt units held where the map says (null: unplaced) like pinned ones, the others routed around them
     *        and offered no place beside a held child they may not share with (H10, H11); no longer a bound either:
     *        the held units need not be where the optimum has them
     */
    public PlacementFlow(PlacementSolution solution, boolean modelApartGroups, Map<PlacementUnit, Provider> fixedAt) {
        this(solution, modelApartGroups, fixedAt, true, false, CandidateLimit.NONE, null);
    }

    /**
     * The construction's flow (apart groups modelled, no bound): each unit offered its {@code limit} cheapest eligible
     * providers with room, to be solved with {@link #solvePriced}, which adds the others as they are needed.
     */
    public static PlacementFlow limited(PlacementSolution solution, int limit) {
        return new PlacementFlow(solution, true, Map.of(), true, false, limit, null);
    }

    /**
     * The construction's flow ({@link #limited}) with units held where {@code fixedAt} says, the others routed around
     * them and offered no place beside a held child they may not share with ({@link ApartGroupRetrial}); the units'
     * points kept in {@code memo} from one flow of the caseload to the next.
     */
    static PlacementFlow heldLimited(
            PlacementSolution solution, Map<PlacementUnit, Provider> fixedAt, int limit, CaseloadMemo memo) {
        return new PlacementFlow(solution, true, fixedAt, true, false, limit, memo);
    }

    /**
     * The relaxation ({@link #PlacementFlow(PlacementSolution)}) offered each unit its {@code limit} cheapest providers
     * with room: solved with {@link #solvePriced}, the same optimum and bound (on rcc in about the time of the whole
     * network, on a region in more: solver-config/BENCHMARKS.md, "Construction flow on rcc").
     */
    public static PlacementFlow boundLimited(PlacementSolution solution, int limit) {
        return new PlacementFlow(solution, false, Map.of(), false, false, limit, null);
    }

    private PlacementFlow(
            PlacementSolution solution,
            boolean modelApartGroups,
            Map<PlacementUnit, Provider> fixedAt,
            boolean forConstruction,
            boolean offerOneMore,
            int limit,
            CaseloadMemo memo) {
        super(solution, modelApartGroups, fixedAt, forConstruction, offerOneMore, limit, memo);
        libraryLeastArcs = forConstruction ? LibraryFlowSolve.LEAST_ARCS : Long.MAX_VALUE;
        allocateSearch(sink + 1);
    }

    /** Paths augmented on this flow and those it was copied from (a search given up is not counted). */
    int augmentations() {
        return augmentations;
    }

    /** Scratch space of the shortest-path searches: each flow its own, copies too. */
    private void allocateSearch(int nodes) {
        dist = new long[nodes];
        reached = new int[nodes];
        settled = new int[nodes];
        predNode = new int[nodes];
        predArc = new int[nodes];
        // Nodes, then one entry per unit node standing for its arcs not yet expanded.
        heap = new NodeHeap(nodes + unitCount);
        ready = new int[nodes + unitCount];
        nextArc = new int[unitCount];
        deficit = new int[nodes];
    }

    /**
     * A copy of the flow as it stands, to try a change on ({@link SplitGroupSettling#hold}) while this one stays as it
     * is.
     */
    PlacementFlow copy() {
        return new PlacementFlow(this);
    }

    private PlacementFlow(PlacementFlow other) {
        super(other);
        augmentations = other.augmentations;
        solved = other.solved;
        solvedByLibrary = other.solvedByLibrary;
        libraryLeastArcs = other.libraryLeastArcs;
        alwaysSolveAgain = other.alwaysSolveAgain;
        libraryNanos = other.libraryNanos;
        maxProviderPotential = other.maxProviderPotential;
        allocateSearch(sink + 1);
    }

    /**
     * The flow (complete: {@link #solve} ran to the end) with the sibling groups it split settled, as many as there are
     * or until {@code stop} says; this flow, whose rows the result may share, is not to be changed after. A flow may
     * send a group placed together to several providers, and an apart group partly together, which no plan can do.
     * Hardest first, each such group is tried whole at every provider the flow sends some of it to and at the
     * {@code extraPlaces} cheapest others at the flow's prices (an apart group also wholly apart), everyone else routed
     * again optimally around it ({@link SplitGroupSettling#hold}), and the cheapest try kept. Rounding the flow instead
     * would move residents on one by one.
     */
    public PlacementFlow settleSplitGroups(int extraPlaces, BooleanSupplier stop) {
        return SplitGroupSettling.settleSplitGroups(this, extraPlaces, stop);
    }

    /**
     * Routes every unit's children (to providers, or unplaced), once. Stops early when told to: the flow then holds
     * the units routed so far, and the result is no bound ({@link FlowRelaxation#complete()} false). A large flow is
     * solved by a library where it can be ({@link LibraryFlowSolve}), else by the searches, one path per child.
     */
    public FlowRelaxation solve(BooleanSupplier stop) {
        if (!solved) {
            solved = true;
            if (!stop.getAsBoolean() && LibraryFlowSolve.applies(this)) {
                boolean[] potentialsSet = {false};
                solvedByLibrary = LibraryFlowSolve.route(this, stop, potentialsSet);
                if (solvedByLibrary) {
                    // Routed whole; without potentials (stopped first) it is no start for pricing, so not complete.
                    return relaxation(potentialsSet[0]);
                }
            }
        }
        return routeBySearches(stop);
    }

    /** Routes every unit's children, on a flow with none yet, one shortest path at a time. */
    private FlowRelaxation routeBySearches(BooleanSupplier stop) {
        for (int u = 0; u < unitCount; u++) {
            int remaining = supply[u];
            while (remaining > 0) {
                if (stop.getAsBoolean()) {
                    return relaxation(false);
                }
                remaining -= augment(u, remaining);
            }
        }
        return relaxation(true);
    }

    /**
     * Routes the flow again from nothing, by the library ({@link LibraryFlowSolve#applies} must hold), on the network as
     * it now stands: for a round of pricing that added arcs whose re-routing by the searches takes longer than the
     * library's solve. (By the searches, should the library end without an optimum.)
     */
    FlowRelaxation solveAgainByLibrary(BooleanSupplier stop) {
        clearFlow();
        Arrays.fill(deficit, 0);
        boolean[] potentialsSet = {false};
        if (LibraryFlowSolve.route(this, stop, potentialsSet)) {
            return relaxation(potentialsSet[0]);
        }
        // The last potentials priced the added arcs below zero: on a flow with none, all costs being at least zero,
        // potentials of zero hold.
        Arrays.fill(potential, 0);
        maxProviderPotential = 0;
        return routeBySearches(stop);
    }

    /**
     * {@link #solve}, then the arcs this flow was not offered priced out (column generation), so that a flow offered
     * each unit only its cheapest providers ({@link CandidateLimit}) ends at the optimum of the whole network. At the
     * limited optimum every arc offered has a reduced cost (cost plus the unit's potential less the provider's) of at
     * least zero; if every eligible arc left out has too, the potentials prove the flow optimal for the whole network.
     * The arcs that do not are added, each saturated (its reduced cost made up by the reverse arc's), and the children
     * so sent twice routed back along the cheapest paths, from the provider they now overfill to the unit they left;
     * then priced again, until none is left. Far cheaper than solving again with every arc: a few thousand arcs on a
     * network of millions. Stopped by {@code stop}, the flow is not complete. To be called once, before any copy.
     */
    public FlowRelaxation solvePriced(BooleanSupplier stop) {
        if (pricing == null) {
            pricing = new OmittedArcPricing(this);
        }
        return pricing.solvePriced(stop);
    }

    /** Rounds of {@link #solvePriced} that added arcs, and how many they added. */
    int pricingRounds() {
        return pricing == null ? 0 : pricing.pricingRounds();
    }

    int arcsPriced() {
        return pricing == null ? 0 : pricing.arcsPriced();
    }

    /**
     * What one more place at each provider would gain the flow (solved whole, {@link #forPlaceValues}): per provider
     * index, the urgency weight and the soft points (both times {@link FlowRelaxation#scale}) by which the optimal
     * flow's totals would fall, each path's two parts kept apart. Exact for the flow: an optimal flow with one more
     * unit of room at p differs from this one by the cheapest path in the residual network from the sink to p,
     * closed by the new place (p to the sink at no cost); it has no negative cycle, so a label-correcting search
     * from the sink finds every such path at once. Zero where that path gains nothing, and at a foster carer
     * already at the fostering limit (a place beyond it takes nobody).
     */
    public List<PlaceGain> placeGains() {
        return PlaceGains.of(this);
    }

    /**
     * One shortest path (reduced costs, so Dijkstra applies) from the node to the sink (while
     * {@link SplitGroupSettling#hold} routes again: to the nearest node with a deficit), augmented by as much as it
     * carries (at most {@code remaining}); potentials are then raised so reduced costs stay non-negative. Returns how
     * many children it sent; 0 only where the search reached {@link #abandonAt} first (the flow then as it was).
     */
    int augment(int source, int remaining) {
        stamp++;
        heap.clear();
        readyCount = 0;
        settledDistance = 0;
        int settledCount = 0;
        reach(source, 0, -1, 0);
        int target = -1;
        while (readyCount > 0 || !heap.isEmpty()) {
            int x = readyCount > 0 ? ready[--readyCount] : heap.pop();
            if (x > sink) {
                expandArcs(x - sink - 1);
                continue;
            }
            if (settled[x] == stamp) {
                continue;
            }
            if (dist[x] >= abandonAt) {
                return 0;
            }
            settled[x] = stamp;
            settledDistance = dist[x];
            if (settledCount == settledList.length) {
                settledList = Arrays.copyOf(settledList, settledCount * 2);
            }
            settledList[settledCount++] = x;
            long d = dist[x];
            if (toDeficits ? deficit[x] > 0 : x == sink) {
                target = x;
                break;
            }
            long px = potential[x];
            if (x < unitCount && heldArc[x] >= 0) {
                // A held unit goes nowhere else, nor unplaced.
                int a = heldArc[x];
                int p = unitCount + arcTo[x][a];
                if (arcFlow[x][a] < size[x] && settled[p] != stamp) {
                    reach(p, d + arcCost[x][a] + px - potential[p], x, a);
                }
            } else if (x < unitCount) {
                if (x < realUnits) {
                    if (unplacedFlow[x] < size[x]) {
                        reach(sink, d + unplacedCost[x] + px - potential[sink], x, UNPLACED);
                    }
                    int g = groupOf[x];
                    if (g >= 0 && memberFlow[x] > 0 && settled[g] != stamp) {
                        reach(g, d - memberArcCost[g - realUnits] + px - potential[g], x, MEMBER_TO_GROUP);
                    }
                } else {
                    long share = memberArcCost[x - realUnits];
                    for (int m : groupMembers[x - realUnits]) {
                        if (memberFlow[m] == 0 && settled[m] != stamp) {
                            reach(m, d + share + px - potential[m], x, GROUP_TO_MEMBER);
                        }
                    }
                }
                // An apart group held apart sends nothing along its arcs to providers (the whole group's).
                if (heldArc[x] != APART && arcTo[x].length > 0) {
                    nextArc[x] = 0;
                    expandArcs(x);
                }
            } else if (x == sink) {
                // Only reached while routing to deficits: back along the arcs into it, fewer children placed
                // somewhere or left unplaced.
                for (int q = unitCount; q < sink; q++) {
                    if (load[q - unitCount] > 0 && settled[q] != stamp) {
                        reach(q, d + px - potential[q], x, FROM_SINK);
                    }
                }
                for (int v = 0; v < realUnits; v++) {
                    if (unplacedFlow[v] > 0 && heldArc[v] == FREE && settled[v] != stamp) {
                        reach(v, d - unplacedCost[v] + px - potential[v], x, UNPLACED_BACK);
                    }
                }
            } else {
                int p = x - unitCount;
                if (load[p] < capacity[p]) {
                    reach(sink, d + px - potential[sink], x, TO_SINK);
                }
                for (int r = 0; r < residentCount[p]; r++) {
                    int v = residentUnit[p][r];
                    if (settled[v] != stamp && heldArc[v] == FREE) {
                        int a = residentArc[p][r];
                        reach(v, d - arcCost[v][a] + px - potential[v], x, a);
                    }
                }
            }
        }
        if (target < 0) {
            throw new IllegalStateException("no path to the sink"); // cannot happen: a unit can always stay unplaced
        }
        long targetDist = dist[target];
        // Reduced costs summed along a path are its costs plus the potentials' difference between its ends.
        lastPathCost = targetDist - potential[source] + potential[target];
        for (int i = 0; i < settledCount; i++) {
            int v = settledList[i];
            potential[v] += dist[v] - targetDist;
        }
        // Potentials only ever fall (dist <= sinkDist for settled nodes), so the maximum is recomputed now and then.
        if (++augmentations % 64 == 0) {
            maxProviderPotential = Long.MIN_VALUE;
            for (int p = unitCount; p < sink; p++) {
                maxProviderPotential = Math.max(maxProviderPotential, potential[p]);
            }
        }
        // The bottleneck along the path, then the flow change.
        int delta = toDeficits ? Math.min(remaining, deficit[target]) : remaining;
        for (int y = target; y != source; y = predNode[y]) {
            int x = predNode[y];
            int a = predArc[y];
            int room;
            if (a == FROM_SINK) {
                room = load[y - unitCount];
            } else if (a == UNPLACED_BACK) {
                room = unplacedFlow[y];
            } else if (a == UNPLACED) {
                room = size[x] - unplacedFlow[x];
            } else if (a == TO_SINK) {
                room = capacity[x - unitCount] - load[x - unitCount];
            } else if (a == GROUP_TO_MEMBER) {
                room = 1 - memberFlow[y];
            } else if (a == MEMBER_TO_GROUP) {
                room = memberFlow[x];
            } else if (x < unitCount) {
                room = size[x] - arcFlow[x][a];
            } else {
                room = arcFlow[y][a];
            }
            delta = Math.min(delta, room);
        }
        if (toDeficits) {
            deficit[target] -= delta;
        }
        for (int y = target; y != source; y = predNode[y]) {
            int x = predNode[y];
            int a = predArc[y];
            if (a == FROM_SINK) {
                load[y - unitCount] -= delta;
            } else if (a == UNPLACED_BACK) {
                unplacedFlow[y] -= delta;
            } else if (a == UNPLACED) {
                unplacedFlow[x] += delta;
            } else if (a == TO_SINK) {
                load[x - unitCount] += delta;
            } else if (a == GROUP_TO_MEMBER) {
                memberFlow[y] += delta;
            } else if (a == MEMBER_TO_GROUP) {
                memberFlow[x] -= delta;
            } else if (x < unitCount) {
                if (arcFlow[x][a] == 0) {
                    addResident(arcTo[x][a], x, a);
                }
                writableFlow(x)[a] += delta;
            } else {
                writableFlow(y)[a] -= delta;
                if (arcFlow[y][a] == 0) {
                    removeResident(x - unitCount, y, a);
                }
            }
        }
        return delta;
    }

    /**
     * Reaches the next few providers along the settled unit node's arcs, then leaves in the heap (or on the stack of
     * {@link #ready}) one entry standing for all the rest, keyed by a lower bound of their distances: arcs come
     * cheapest first and no provider's potential is above {@link #maxProviderPotential}. So a search expands a unit's arcs only as far as it gets before reaching
     * its target, rather than pushing every one of a region's thousands of arcs into the heap (exact: Dijkstra needs
     * only that an entry's key is no more than any distance it stands for).
     */
    private void expandArcs(int x) {
        int[] to = arcTo[x];
        long[] cost = arcCost[x];
        int[] flow = arcFlow[x];
        long base = dist[x] + potential[x];
        int a = nextArc[x];
        for (int end = Math.min(to.length, a + ARCS_PER_EXPANSION); a < end; a++) {
            // Beside held units a provider may no longer have room for the whole unit.
            if (flow[a] < size[x] && size[x] <= capacity[to[a]] - heldLoad[to[a]]) {
                int p = unitCount + to[a];
                if (settled[p] != stamp) {
                    reach(p, base + cost[a] - potential[p], x, a);
                }
            }
        }
        nextArc[x] = a;
        if (a < to.length) {
            long key = base + cost[a] - maxProviderPotential;
            if (key <= settledDistance) {
                pushReady(sink + 1 + x);
            } else {
                heap.push(sink + 1 + x, key);
            }
        }
    }

    private void reach(int node, long d, int from, int arc) {
        if (reached[node] != stamp || d < dist[node]) {
            reached[node] = stamp;
            dist[node] = d;
            predNode[node] = from;
            predArc[node] = arc;
            if (d <= settledDistance) {
                pushReady(node);
            } else {
                heap.push(node, d);
            }
        }
    }

    private void pushReady(int entry) {
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, readyCount * 2); // only if a reduced cost were negative: never, but not fatal
        }
        ready[readyCount++] = entry;
    }
}
