package org.placementmatcher.solver;

import static org.placementmatcher.solver.FlowNetwork.FREE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The pricing of the arcs a {@link PlacementFlow} was not offered ({@link PlacementFlow#solvePriced}, column
 * generation): between solves, the units' candidates left out are priced at the flow's potentials, the arcs that would
 * lower its cost added, saturated, and the children so sent twice routed back with the flow's own searches. Apart
 * from the flow because it is a step on it, not part of its searches; it keeps what pricing has learnt from round to
 * round (the candidates' points, the arcs and rounds added), which a flow not priced never needs.
 */
final class OmittedArcPricing {

    /** The most arcs pricing adds to a unit at a time ({@link #priceOmittedArcs}). */
    private static final int PRICED_ARCS_PER_UNIT = 4;
    /**
     * The same where the library solves each round again ({@link #reroute}): a round then costs the same however many
     * arcs it adds, so fewer rounds are quicker (national took 13 rounds at 4 arcs a unit).
     */
    private static final int PRICED_ARCS_PER_UNIT_FOR_LIBRARY = 16;

    private static final long SECOND = 1_000_000_000L;
    /** What a round of pricing that was stopped part-way returns instead of the arcs it added. */
    private static final int STOPPED = -1;

    /**
     * Per unit node, from {@link FlowNetwork#pricedFrom} on: the soft points of its candidates as pricing works them
     * out (a round of pricing would otherwise work out the same millions again), {@link #UNKNOWN} until then.
     */
    private long[][] omittedPoints;

    /**
     * Per unit node, the candidate lists of its members as pricing last read them. A list widened since (a unit left
     * unplaced while it kept only its cheapest few providers: {@link PlacementUnit#omittedPointsAtLeast()}) is not the
     * one the node's offers and {@link #omittedPoints} were taken from (a short list ends with the current placement,
     * which a whole one has elsewhere), so its scan starts over.
     */
    private Object[][] listsRead;

    private static final long UNKNOWN = Long.MIN_VALUE;
    /** Arcs added by pricing so far, and the rounds that added any. */
    private int arcsPriced;

    private int pricingRounds;

    /** Set once re-routing a round by the searches has taken longer than the library's solve: later rounds skip it. */
    private boolean searchesSlower;

    /** The flow priced: its network and its searches. */
    private final PlacementFlow network;

    OmittedArcPricing(PlacementFlow network) {
        this.network = network;
    }

    /** The flow priced out, from its first solve on: see {@link PlacementFlow#solvePriced}. */
    FlowRelaxation solvePriced(BooleanSupplier stop) {
        omittedPoints = new long[network.unitCount][];
        listsRead = new Object[network.unitCount][];
        for (int u = 0; u < network.unitCount; u++) {
            listsRead[u] = listsOf(members(u));
        }
        FlowRelaxation totals = network.solve(stop);
        while (totals.complete()) {
            if (network.solvedByLibrary && network.forConstruction && !LibraryFlowSolve.applies(network)) {
                // No time left for the library to solve a round: the flow as it stands, optimal for the arcs it has,
                // is the construction's start, rather than one left part-way re-routed at the limit.
                break;
            }
            int[] excess = new int[network.capacity.length];
            int added = priceOmittedArcs(excess, stop);
            if (added == STOPPED) {
                return network.relaxation(false);
            }
            if (added == 0) {
                break;
            }
            arcsPriced += added;
            pricingRounds++;
            totals = reroute(excess, stop);
        }
        return totals;
    }

    /**
     * The children the added arcs send twice routed back by the flow's searches; or, where the library solved the
     * flow ({@link LibraryFlowSolve}) and the searches take longer than its solve did (or would leave it no time to
     * solve again before the limit), the flow solved again by it. On national a round's re-routing by the searches
     * took about 120 s, the library's solve 19 s.
     */
    private FlowRelaxation reroute(int[] excess, BooleanSupplier stop) {
        boolean libraryMayResolve = network.solvedByLibrary && LibraryFlowSolve.applies(network);
        if (libraryMayResolve && (searchesSlower || network.alwaysSolveAgain)) {
            return network.solveAgainByLibrary(stop);
        }
        if (!libraryMayResolve || FlowConstruction.LIMIT_ENDS.get() == null) {
            // Without a time limit (a reproducible solve) which way a round goes must not depend on the clock.
            return network.relaxation(routeExcesses(excess, stop));
        }
        // The searches get as long as the library's solve took, and give up in time (a second early) for it to solve
        // again.
        long now = System.nanoTime();
        long searchesFor = Math.min(network.libraryNanos, LibraryFlowSolve.latestStart(network) - now - SECOND);
        boolean routed = routeExcesses(excess, () -> stop.getAsBoolean() || System.nanoTime() - now > searchesFor);
        if (!routed && !stop.getAsBoolean()) {
            searchesSlower = true;
            if (LibraryFlowSolve.applies(network)) {
                return network.solveAgainByLibrary(stop);
            }
            routed = routeExcesses(excess, stop); // no time left for the library: the searches go on
        }
        return network.relaxation(routed);
    }

    /**
     * Rounds of {@link #solvePriced} that added arcs, and how many they added ({@link PlacementFlow#pricingRounds}).
     */
    int pricingRounds() {
        return pricingRounds;
    }

    int arcsPriced() {
        return arcsPriced;
    }

    /**
     * Adds, saturated, each unit's (at most {@link #PRICED_ARCS_PER_UNIT}) most negative arcs left out, by reduced
     * cost: a unit's candidates come cheapest first, so its scan stops where even the highest provider potential
     * leaves the reduced cost at zero or more. Returns how many; {@code excess} gets the children each provider now
     * receives beyond what it passes on. {@link #STOPPED} when {@code stop} said so part-way (a round on a region takes
     * half a second, on the national dataset far longer): the arcs added so far are then left with their excess, as an
     * interrupted {@link #routeExcesses} leaves them, for the rounding to sort out.
     */
    private int priceOmittedArcs(int[] excess, BooleanSupplier stop) {
        long maxPotential = Long.MIN_VALUE;
        for (int p = network.unitCount; p < network.sink; p++) {
            maxPotential = Math.max(maxPotential, network.potential[p]);
        }
        network.maxProviderPotential = maxPotential;
        int[] offeredTo = new int[network.capacity.length];
        int added = 0;
        for (int u = 0; u < network.unitCount; u++) {
            if (stop.getAsBoolean()) {
                return STOPPED;
            }
            List<PlacementUnit> members = members(u);
            if (network.heldArc[u] != FREE) {
                continue;
            }
            long perChild = network.scale / network.size[u];
            long pu = network.potential[u];
            // The guarantee of a very large problem's short lists: a unit the construction's flow leaves unplaced is
            // offered every provider it is eligible for, so nobody is unplaced for want of candidates. (A bound's flow
            // has an arc beyond each short list instead: FlowOffers.beyondPoints.)
            if (network.forConstruction && network.unplacedFlow[u] > 0) {
                members.forEach(PlacementUnit::widenToAllCandidates);
                startOverIfWidened(u, members);
            }
            List<Provider> candidates = members.getFirst().getCandidates();
            if (network.pricedFrom[u] >= candidates.size()) {
                continue;
            }
            // The cheapest arc left out costs at least this (costs are never below zero; a unit's grow down its list).
            long floor = u < network.realUnits
                    ? members.getFirst().staticSoftPoints(candidates.get(network.pricedFrom[u])) * perChild
                    : 0;
            if (floor + pu - maxPotential >= 0) {
                continue;
            }
            for (int p : network.arcTo[u]) {
                offeredTo[p] = u + 1;
            }
            List<long[]> negative = new ArrayList<>();
            for (int i = network.pricedFrom[u]; i < candidates.size() && floor + pu - maxPotential < 0; i++) {
                Provider p = candidates.get(i);
                int q = p.getIndex();
                if (offeredTo[q] == u + 1
                        || network.capacity[q] + network.offerOneMore < network.size[u]
                        || floor + pu - network.potential[network.unitCount + q] >= 0
                        || u >= network.realUnits && !members.stream().allMatch(m -> m.isEligible(p))
                        || members.stream().anyMatch(m -> network.held.barsAny(m.getMembers(), p))) {
                    continue;
                }
                if (omittedPoints[u] == null) {
                    // A list widened since is started over (startOverIfWidened), so this fits the list as it is.
                    omittedPoints[u] = new long[candidates.size() - network.pricedFrom[u]];
                    Arrays.fill(omittedPoints[u], UNKNOWN);
                }
                long points = omittedPoints[u][i - network.pricedFrom[u]];
                if (points == UNKNOWN) {
                    points = members.stream()
                            .mapToLong(m -> m.staticSoftPoints(p))
                            .sum();
                    omittedPoints[u][i - network.pricedFrom[u]] = points;
                }
                long cost = points * perChild;
                if (u < network.realUnits) {
                    floor = cost;
                }
                long reduced = cost + pu - network.potential[network.unitCount + q];
                if (reduced < 0) {
                    negative.add(new long[] {reduced, cost, i});
                }
            }
            // Only the arcs that gain most: each added arc is saturated and its children routed back where the flow no
            // longer wants them, and most of a unit's arcs below zero at the first prices are not wanted after.
            negative.sort(Comparator.comparingLong(n -> n[0]));
            List<Provider> adding = new ArrayList<>();
            List<Long> costs = new ArrayList<>();
            int most = searchesSlower || network.alwaysSolveAgain
                    ? PRICED_ARCS_PER_UNIT_FOR_LIBRARY
                    : PRICED_ARCS_PER_UNIT;
            for (long[] arc : negative.subList(0, Math.min(most, negative.size()))) {
                adding.add(candidates.get((int) arc[2]));
                costs.add(arc[1]);
            }
            if (!adding.isEmpty()) {
                addSaturatedArcs(u, adding, costs, excess);
                added += adding.size();
            }
        }
        return added;
    }

    /**
     * Where a member's list was widened since the node was last priced: its scan starts from the first candidate (the
     * arcs it has are skipped as offered already) and the points known are forgotten.
     */
    private void startOverIfWidened(int u, List<PlacementUnit> members) {
        Object[] lists = listsOf(members);
        Object[] read = listsRead[u];
        listsRead[u] = lists;
        for (int m = 0; m < lists.length; m++) {
            if (read[m] != lists[m]) {
                network.pricedFrom[u] = 0;
                omittedPoints[u] = null;
                return;
            }
        }
    }

    /** The unit node's unit, or an apart group node's members. */
    private List<PlacementUnit> members(int u) {
        return u < network.realUnits
                ? List.of(network.units.get(u))
                : Arrays.stream(network.groupMembers[u - network.realUnits])
                        .mapToObj(network.units::get)
                        .toList();
    }

    private static Object[] listsOf(List<PlacementUnit> members) {
        Object[] lists = new Object[members.size()];
        for (int m = 0; m < lists.length; m++) {
            lists[m] = members.get(m).getCandidates();
        }
        return lists;
    }

    /**
     * Merges the arcs into the node's (cheapest first, so searches can cut them short) with all the node's children on
     * each: the node then sends them twice ({@link PlacementFlow#deficit}), and each provider receives them beyond its
     * share.
     */
    private void addSaturatedArcs(int node, List<Provider> adding, List<Long> costs, int[] excess) {
        int old = network.arcTo[node].length;
        int n = old + adding.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingLong(k -> k < old ? network.arcCost[node][k] : costs.get(k - old)));
        int[] to = new int[n];
        long[] cost = new long[n];
        int[] flow = new int[n];
        for (int k = 0; k < n; k++) {
            int from = order[k];
            if (from < old) {
                to[k] = network.arcTo[node][from];
                cost[k] = network.arcCost[node][from];
                flow[k] = network.arcFlow[node][from];
            } else {
                to[k] = adding.get(from - old).getIndex();
                cost[k] = costs.get(from - old);
                flow[k] = network.size[node];
                excess[to[k]] += network.size[node];
                network.deficit[node] += network.size[node];
            }
        }
        network.arcTo[node] = to;
        network.arcCost[node] = cost;
        network.arcFlow[node] = flow;
        network.ownFlowRow[node] = true;
        for (int k = 0; k < n; k++) {
            if (order[k] >= old) {
                network.addResident(to[k], node, k);
            } else if (flow[k] > 0) {
                // A unit has one arc to a provider: its resident entry there now points at the arc's new place.
                int p = to[k];
                network.ownResidents(p);
                for (int r = 0; r < network.residentCount[p]; r++) {
                    if (network.residentUnit[p][r] == node) {
                        network.residentArc[p][r] = k;
                    }
                }
            }
        }
    }

    /** Routes each provider's excess to the nodes sending children twice, along the cheapest paths; false if stopped. */
    private boolean routeExcesses(int[] excess, BooleanSupplier stop) {
        network.toDeficits = true;
        try {
            for (int p = 0; p < excess.length; p++) {
                while (excess[p] > 0) {
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    excess[p] -= network.augment(network.unitCount + p, excess[p]);
                }
            }
            return true;
        } finally {
            network.toDeficits = false;
        }
    }
}
