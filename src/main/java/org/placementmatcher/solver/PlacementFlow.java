package org.placementmatcher.solver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;

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
 */
public final class PlacementFlow {

    /** The result in the score's own terms. */
    public record Relaxation(
            /** Urgency weight left unplaced, times {@link #scale}. */
            long unplacedWeightScaled,
            /** Soft points of the flow (pinned children's included), times {@link #scale}. */
            long softScaled,
            long scale,
            /**
             * True when this bounds every plan: the flow is complete, apart groups were not modelled, no unit but the
             * pinned ones was held, and the weights let medium come lexicographically first.
             */
            boolean isBound,
            /** False when the solve was stopped before every child was routed. */
            boolean complete) {

        /** The unplaced weight is a whole number: then {@link #softPointsBound()} bounds plans with that medium. */
        public boolean wholeUnplacedWeight() {
            return unplacedWeightScaled % scale == 0;
        }

        /** No plan leaves less urgency weight unplaced than this (rounded up: it is a whole number in a plan). */
        public long unplacedWeightBound() {
            return Math.floorDiv(unplacedWeightScaled + scale - 1, scale);
        }

        /** No plan with {@link #unplacedWeightBound()} unplaced has fewer soft points (rounded up likewise). */
        public long softPointsBound() {
            return Math.floorDiv(softScaled + scale - 1, scale);
        }
    }

    private final List<PlacementUnit> units;
    private final List<Provider> providers;
    /** Units are nodes [0, realUnits); apart groups (when modelled) follow them up to unitCount; then providers; then the sink. */
    private final int realUnits;
    private final int unitCount;
    private final int sink;
    private final long scale;
    private final long pinnedSoftPoints;
    /** Urgency weight of the movable units no provider is eligible for: unplaced in every plan. */
    private final long noPlaceWeight;
    private final boolean lexicographic;
    /** Whether units other than the pinned ones are held in place. */
    private final boolean anyHeld;

    /** Children a node sends out (a unit its size, an apart group its members; a member of one nothing). */
    private final int[] supply;
    /** Children a node stands for: the most any of its arcs carries. */
    private final int[] size;
    private final int[][] arcTo;
    private final long[][] arcCost;
    private final int[][] arcFlow;
    private final long[] unplacedCost;
    private final int[] unplacedFlow;
    /** Per apart group node (index - realUnits): its member unit nodes; the arc to each costs its share of the penalty. */
    private final int[][] groupMembers;
    private final long[] memberArcCost;
    /** Per unit node: its apart group node (or -1), and the flow it receives from it (0 or 1). */
    private final int[] groupOf;
    private final int[] memberFlow;
    private final int[] capacity;
    private final int[] load;
    /** Per provider: the nodes with flow there, and the index of that arc in the node's arrays. */
    private final int[][] residentUnit;
    private final int[][] residentArc;
    private final int[] residentCount;

    private final long[] potential;
    private final long[] dist;
    private final int[] reached;
    private final int[] settled;
    private final int[] predNode;
    private final int[] predArc;
    private int stamp;
    private int augmentations;
    /** An upper bound on every provider's potential (they start at 0 and only fall), for cutting arc scans short. */
    private long maxProviderPotential;
    private final NodeHeap heap;
    private int[] settledList = new int[64];

    /** Arc codes in {@link #predArc} besides an arc index: to the sink, and between an apart group and a member. */
    private static final int UNPLACED = -1;
    private static final int TO_SINK = -2;
    private static final int GROUP_TO_MEMBER = -3;
    private static final int MEMBER_TO_GROUP = -4;

    /** The relaxation alone: a lower bound on every plan ({@link Relaxation#isBound()}). */
    public PlacementFlow(PlacementSolution solution) {
        this(solution, false, Map.of());
    }

    /**
     * Every unit is offered all its eligible providers with room for it.
     *
     * @param modelApartGroups also let each placeTogether=false sibling group go to one provider together, its
     *        members' arcs elsewhere each carrying a share of the siblingsApart points (exact when all go
     *        to different providers, an estimate between): a better start for the solver, but no longer a bound
     * @param fixedAt units held where the map says (null: unplaced) like pinned ones, the others routed around them
     *        (no longer a bound either: the held units need not be where the optimum has them)
     */
    public PlacementFlow(PlacementSolution solution, boolean modelApartGroups, Map<PlacementUnit, Provider> fixedAt) {
        this.providers = solution.getProviders();
        int providerCount = providers.size();
        this.capacity = new int[providerCount];
        for (Provider p : providers) {
            capacity[p.getIndex()] = p.getPlaces();
        }
        this.units = new ArrayList<>();
        long pinnedSoft = 0;
        long noPlace = 0;
        long lcm = 1;
        Map<String, List<Integer>> apart = new LinkedHashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned() || fixedAt.containsKey(unit)) {
                Provider at = unit.isPinned() ? unit.getProvider() : fixedAt.get(unit);
                if (at != null) {
                    capacity[at.getIndex()] -= unit.size();
                    pinnedSoft += unit.staticSoftPoints(at);
                } else if (!unit.isPinned()) {
                    noPlace += unit.getUnplacedWeight();
                }
            } else if (!unit.getCandidates().isEmpty()) {
                if (modelApartGroups && unit.getApartGroup() != null) {
                    apart.computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>()).add(units.size());
                }
                units.add(unit);
                lcm = lcm(lcm, unit.size());
            } else {
                noPlace += unit.getUnplacedWeight();
            }
        }
        apart.values().removeIf(members -> members.size() < 2);
        for (List<Integer> members : apart.values()) {
            lcm = lcm(lcm, members.size());
        }
        for (int p = 0; p < providerCount; p++) {
            capacity[p] = Math.max(0, capacity[p]);
        }
        this.realUnits = units.size();
        this.unitCount = realUnits + apart.size();
        this.sink = unitCount + providerCount;
        this.scale = lcm;
        this.pinnedSoftPoints = pinnedSoft;
        this.noPlaceWeight = noPlace;
        this.anyHeld = !fixedAt.isEmpty();

        supply = new int[unitCount];
        size = new int[unitCount];
        arcTo = new int[unitCount][];
        arcCost = new long[unitCount][];
        arcFlow = new int[unitCount][];
        unplacedCost = new long[unitCount];
        unplacedFlow = new int[unitCount];
        groupOf = new int[unitCount];
        memberFlow = new int[unitCount];
        Arrays.fill(groupOf, -1);
        long softRange = 0;
        int children = 0;
        for (int u = 0; u < realUnits; u++) {
            PlacementUnit unit = units.get(u);
            supply[u] = unit.size();
            size[u] = unit.size();
            children += unit.size();
            List<Provider> offered = offered(unit, capacity);
            long[] points = new long[offered.size()];
            for (int a = 0; a < offered.size(); a++) {
                points[a] = unit.staticSoftPoints(offered.get(a));
            }
            softRange = Math.addExact(softRange, setArcs(u, offered, points, scale / unit.size()));
        }
        groupMembers = new int[apart.size()][];
        memberArcCost = new long[apart.size()];
        int g = realUnits;
        for (List<Integer> members : apart.values()) {
            int n = members.size();
            groupMembers[g - realUnits] = members.stream().mapToInt(Integer::intValue).toArray();
            long penalty = SoftTerms.siblingsApartPoints(n, solution.getWeights());
            memberArcCost[g - realUnits] = Math.multiplyExact(penalty, scale / n);
            softRange = Math.addExact(softRange, penalty);
            for (int m : members) {
                supply[m] = 0;
                groupOf[m] = g;
            }
            supply[g] = n;
            size[g] = n;
            List<Provider> together = together(members.stream().map(units::get).toList(), capacity);
            long[] points = new long[together.size()];
            for (int a = 0; a < together.size(); a++) {
                for (int m : members) {
                    points[a] += units.get(m).staticSoftPoints(together.get(a));
                }
            }
            setArcs(g, together, points, scale / n);
            g++;
        }
        // One urgency point must outweigh any soft total, even split into 1/scale parts: big = scale * range + 1.
        // Capped where the weights are so large that costs would overflow (then medium is only very nearly first).
        long cap = Long.MAX_VALUE / 8 / Math.max(1, scale) / 10 / Math.max(1, children);
        BigInteger wanted = BigInteger.valueOf(scale).multiply(BigInteger.valueOf(softRange)).add(BigInteger.ONE);
        this.lexicographic = wanted.compareTo(BigInteger.valueOf(cap)) <= 0;
        long big = lexicographic ? wanted.longValueExact() : cap;
        for (int u = 0; u < realUnits; u++) {
            PlacementUnit unit = units.get(u);
            unplacedCost[u] = big * (unit.getUnplacedWeight() * (scale / unit.size()));
        }

        load = new int[providerCount];
        residentUnit = new int[providerCount][];
        residentArc = new int[providerCount][];
        residentCount = new int[providerCount];
        int nodes = sink + 1;
        potential = new long[nodes];
        dist = new long[nodes];
        reached = new int[nodes];
        settled = new int[nodes];
        predNode = new int[nodes];
        predArc = new int[nodes];
        heap = new NodeHeap(nodes);
    }

    /** The node's arcs to the providers, cheapest first; returns the most points of any. */
    private long setArcs(int node, List<Provider> offered, long[] points, long perChild) {
        // Cheapest first (the candidates already are, but for a current placement added at the end).
        sortByPoints(offered, points);
        arcTo[node] = new int[offered.size()];
        arcCost[node] = new long[offered.size()];
        arcFlow[node] = new int[offered.size()];
        long most = 0;
        for (int a = 0; a < offered.size(); a++) {
            arcTo[node][a] = offered.get(a).getIndex();
            arcCost[node][a] = Math.multiplyExact(points[a], perChild);
            most = Math.max(most, points[a]);
        }
        return most;
    }

    /**
     * The unit's eligible providers with room for all its children beside the pinned ones (its candidates come
     * cheapest first), with its current one if eligible.
     */
    private static List<Provider> offered(PlacementUnit unit, int[] capacity) {
        List<Provider> offered = new ArrayList<>();
        for (Provider p : unit.getCandidates()) {
            if (capacity[p.getIndex()] >= unit.size()) {
                offered.add(p);
            }
        }
        Provider current = unit.getProvider();
        if (current != null && unit.isEligible(current) && capacity[current.getIndex()] >= unit.size()
                && !offered.contains(current)) {
            offered.add(current);
        }
        return offered;
    }

    /** The providers eligible for every member of an apart group with room for them all, cheapest for them first. */
    private static List<Provider> together(List<PlacementUnit> members, int[] capacity) {
        List<Provider> all = new ArrayList<>();
        for (Provider p : members.getFirst().getCandidates()) {
            if (capacity[p.getIndex()] >= members.size() && members.stream().allMatch(m -> m.isEligible(p))) {
                all.add(p);
            }
        }
        Map<Provider, Long> points = new IdentityHashMap<>();
        for (Provider p : all) {
            points.put(p, members.stream().mapToLong(m -> m.staticSoftPoints(p)).sum());
        }
        all.sort(Comparator.comparingLong(points::get));
        return all;
    }

    /**
     * Routes every unit's children (to providers, or unplaced). Stops early when told to: the flow then holds
     * the units routed so far, and the result is no bound ({@link Relaxation#complete()} false).
     */
    public Relaxation solve(BooleanSupplier stop) {
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
     * For each unit, the provider taking most of its children in the flow (null where most stay unplaced or
     * are not routed). The members of an apart group the flow sent together go where it sent them.
     */
    public Map<PlacementUnit, Provider> mostFlow() {
        Map<PlacementUnit, Provider> preferred = new IdentityHashMap<>();
        for (int u = 0; u < realUnits; u++) {
            if (groupOf[u] < 0 || memberFlow[u] > 0) {
                preferred.put(units.get(u), mostFlowOf(u));
            }
        }
        // The members an apart group sent together share out its flow: as many to each provider as it sent there.
        for (int g = realUnits; g < unitCount; g++) {
            int a = 0;
            int left = 0;
            for (int m : groupMembers[g - realUnits]) {
                if (memberFlow[m] > 0) {
                    continue;
                }
                while (a < arcFlow[g].length && left == 0) {
                    left = arcFlow[g][a++];
                }
                preferred.put(units.get(m), left > 0 ? providers.get(arcTo[g][a - 1]) : null);
                left--;
            }
        }
        return preferred;
    }

    private Provider mostFlowOf(int node) {
        int best = unplacedFlow[node];
        Provider where = null;
        for (int a = 0; a < arcFlow[node].length; a++) {
            if (arcFlow[node][a] > best) {
                best = arcFlow[node][a];
                where = providers.get(arcTo[node][a]);
            }
        }
        return where;
    }

    private Relaxation relaxation(boolean complete) {
        long unplaced = noPlaceWeight * scale;
        long soft = Math.multiplyExact(pinnedSoftPoints, scale);
        for (int u = 0; u < unitCount; u++) {
            if (u < realUnits) {
                PlacementUnit unit = units.get(u);
                unplaced += (long) unplacedFlow[u] * unit.getUnplacedWeight() * (scale / unit.size());
                if (groupOf[u] >= 0) {
                    soft += memberFlow[u] * memberArcCost[groupOf[u] - realUnits];
                }
            }
            for (int a = 0; a < arcFlow[u].length; a++) {
                soft += arcFlow[u][a] * arcCost[u][a];
            }
        }
        return new Relaxation(unplaced, soft, scale, lexicographic && complete && groupMembers.length == 0 && !anyHeld, complete);
    }

    /**
     * One shortest path (reduced costs, so Dijkstra applies) from the node to the sink, augmented by as much as
     * it carries (at most {@code remaining}); potentials are then raised so reduced costs stay non-negative.
     */
    private int augment(int source, int remaining) {
        stamp++;
        heap.clear();
        int settledCount = 0;
        reach(source, 0, -1, 0);
        long sinkDist = -1;
        while (!heap.isEmpty()) {
            int x = heap.pop();
            if (settled[x] == stamp) {
                continue;
            }
            settled[x] = stamp;
            if (settledCount == settledList.length) {
                settledList = Arrays.copyOf(settledList, settledCount * 2);
            }
            settledList[settledCount++] = x;
            long d = dist[x];
            if (x == sink) {
                sinkDist = d;
                break;
            }
            long px = potential[x];
            if (x < unitCount) {
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
                int[] to = arcTo[x];
                long[] cost = arcCost[x];
                int[] flow = arcFlow[x];
                // Arcs come cheapest first: once even the highest provider potential cannot bring one below the
                // sink's tentative distance, none of the rest can either.
                long cutoff = reached[sink] == stamp ? dist[sink] - d - px + maxProviderPotential : Long.MAX_VALUE;
                for (int a = 0; a < to.length; a++) {
                    if (cost[a] >= cutoff) {
                        break;
                    }
                    if (flow[a] < size[x]) {
                        int p = unitCount + to[a];
                        if (settled[p] != stamp) {
                            reach(p, d + cost[a] + px - potential[p], x, a);
                        }
                    }
                }
            } else {
                int p = x - unitCount;
                if (load[p] < capacity[p]) {
                    reach(sink, d + px - potential[sink], x, TO_SINK);
                }
                for (int r = 0; r < residentCount[p]; r++) {
                    int v = residentUnit[p][r];
                    if (settled[v] != stamp) {
                        int a = residentArc[p][r];
                        reach(v, d - arcCost[v][a] + px - potential[v], x, a);
                    }
                }
            }
        }
        if (sinkDist < 0) {
            throw new IllegalStateException("no path to the sink"); // cannot happen: a unit can always stay unplaced
        }
        for (int i = 0; i < settledCount; i++) {
            int v = settledList[i];
            potential[v] += dist[v] - sinkDist;
        }
        // Potentials only ever fall (dist <= sinkDist for settled nodes), so the maximum is recomputed now and then.
        if (++augmentations % 64 == 0) {
            maxProviderPotential = Long.MIN_VALUE;
            for (int p = unitCount; p < sink; p++) {
                maxProviderPotential = Math.max(maxProviderPotential, potential[p]);
            }
        }
        // The bottleneck along the path, then the flow change.
        int delta = remaining;
        for (int y = sink; y != source; y = predNode[y]) {
            int x = predNode[y];
            int a = predArc[y];
            int room;
            if (a == UNPLACED) {
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
        for (int y = sink; y != source; y = predNode[y]) {
            int x = predNode[y];
            int a = predArc[y];
            if (a == UNPLACED) {
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
                arcFlow[x][a] += delta;
            } else {
                arcFlow[y][a] -= delta;
                if (arcFlow[y][a] == 0) {
                    removeResident(x - unitCount, y, a);
                }
            }
        }
        return delta;
    }

    private void reach(int node, long d, int from, int arc) {
        if (reached[node] != stamp || d < dist[node]) {
            reached[node] = stamp;
            dist[node] = d;
            predNode[node] = from;
            predArc[node] = arc;
            heap.push(node, d);
        }
    }

    private void addResident(int p, int unit, int arc) {
        if (residentUnit[p] == null) {
            residentUnit[p] = new int[4];
            residentArc[p] = new int[4];
        } else if (residentCount[p] == residentUnit[p].length) {
            residentUnit[p] = Arrays.copyOf(residentUnit[p], residentCount[p] * 2);
            residentArc[p] = Arrays.copyOf(residentArc[p], residentCount[p] * 2);
        }
        residentUnit[p][residentCount[p]] = unit;
        residentArc[p][residentCount[p]] = arc;
        residentCount[p]++;
    }

    private void removeResident(int p, int unit, int arc) {
        for (int r = 0; r < residentCount[p]; r++) {
            if (residentUnit[p][r] == unit && residentArc[p][r] == arc) {
                residentCount[p]--;
                residentUnit[p][r] = residentUnit[p][residentCount[p]];
                residentArc[p][r] = residentArc[p][residentCount[p]];
                return;
            }
        }
    }

    /** Sorts the providers and their points together by points; only the last entry can be out of place. */
    private static void sortByPoints(List<Provider> offered, long[] points) {
        for (int i = offered.size() - 1; i > 0 && points[i] < points[i - 1]; i--) {
            long t = points[i];
            points[i] = points[i - 1];
            points[i - 1] = t;
            offered.set(i, offered.set(i - 1, offered.get(i)));
        }
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * A binary min-heap of nodes keyed by distance, each node at most once (a shorter distance moves it up), so it
     * stays as small as the nodes reached rather than growing with every arc scanned.
     */
    private static final class NodeHeap {
        private final int[] nodes;
        private final long[] keys;
        /** Each node's position in the heap, valid while {@link #in} holds the current round. */
        private final int[] position;
        private final int[] in;
        private int round;
        private int size;

        NodeHeap(int capacity) {
            nodes = new int[capacity];
            keys = new long[capacity];
            position = new int[capacity];
            in = new int[capacity];
        }

        void clear() {
            size = 0;
            round++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Adds the node, or lowers its key if it is in the heap with a larger one. */
        void push(int node, long key) {
            int i;
            if (in[node] == round && position[node] >= 0) {
                i = position[node];
                if (keys[i] <= key) {
                    return;
                }
            } else {
                in[node] = round;
                i = size++;
            }
            siftUp(i, node, key);
        }

        int pop() {
            int top = nodes[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                siftDown(0, nodes[size], keys[size]);
            }
            return top;
        }

        private void siftUp(int i, int node, long key) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                put(i, nodes[parent], keys[parent]);
                i = parent;
            }
            put(i, node, key);
        }

        private void siftDown(int i, int node, long key) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                put(i, nodes[child], keys[child]);
                i = child;
            }
            put(i, node, key);
        }

        private void put(int i, int node, long key) {
            nodes[i] = node;
            keys[i] = key;
            position[node] = i;
        }
    }
}
