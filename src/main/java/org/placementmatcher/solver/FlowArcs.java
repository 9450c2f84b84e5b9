package org.placementmatcher.solver;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.PointsCeiling;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerms;

/**
 * The arcs a {@link FlowNetwork} is built with, and their costs: each unit's and each apart group's to the providers
 * {@link FlowOffers} offers it, cheapest first; the unplaced arcs, whose urgency outweighs any soft total; and the
 * scale every cost is in. Worked out once, in the network's constructor, and apart from it because none of it is on
 * the searches' paths; the arcs pricing adds later are {@link OmittedArcPricing}'s.
 */
final class FlowArcs {

    /** The largest scale: the least common multiple of 1..10, so the usual group sizes divide it. */
    static final long MAX_SCALE = 2520;

    private FlowArcs() {}

    /**
     * Sets each unit node's supply, size and arcs; returns the soft range of the units: the most points each could
     * pay, summed. The points at the providers offered are {@code memo}'s where there is one.
     */
    static long unitArcs(FlowNetwork network, PlacementSolution solution, int limit, CaseloadMemo memo) {
        long softRange = 0;
        PointsCeiling ceiling = null;
        for (int u = 0; u < network.realUnits; u++) {
            PlacementUnit unit = network.units.get(u);
            network.supply[u] = unit.size();
            network.size[u] = unit.size();
            int[] stop = new int[1];
            List<Provider> offered =
                    FlowOffers.offered(unit, network.capacity, network.held, network.offerOneMore, limit, stop);
            network.pricedFrom[u] = stop[0];
            long[] points;
            // Without a memo the points are worked out afresh: one kept for every unit of a national network (its
            // points down to each unit's 200th provider and more) would hold hundreds of megabytes for one use.
            if (memo != null) {
                points = memo.pointsAt(unit, offered, stop[0]);
            } else {
                points = new long[offered.size()];
                for (int a = 0; a < offered.size(); a++) {
                    points[a] = unit.staticSoftPoints(offered.get(a));
                }
            }
            long beyondPoints = FlowOffers.beyondPoints(unit, network.beyond >= 0);
            long most = setArcs(network, u, offered, points, network.scale / unit.size(), beyondPoints);
            // The range counts the providers not offered too (the dearest with room comes last), so that pricing may
            // add their arcs and medium still comes first, and a limited flow weighs urgency as the whole network's
            // does.
            List<Provider> candidates = unit.getCandidates();
            if (network.forConstruction && unit.omittedPointsAtLeast() != Long.MAX_VALUE) {
                // Pricing widens a short list the flow leaves unplaced (OmittedArcPricing): any provider may yet be
                // offered. (A bound's flow never widens: its arc beyond the list counts in setArcs.)
                if (ceiling == null) {
                    ceiling = new PointsCeiling(network.providers, solution.getWeights());
                }
                most = Math.max(most, ceiling.of(unit));
            }
            for (int i = candidates.size() - 1; i >= stop[0]; i--) {
                if (network.capacity[candidates.get(i).getIndex()] + network.offerOneMore >= unit.size()) {
                    most = Math.max(most, unit.staticSoftPoints(candidates.get(i)));
                    break;
                }
            }
            softRange = Math.addExact(softRange, most);
        }
        return softRange;
    }

    /**
     * Sets each apart group node's members, supply, size and arcs (to the providers with room for the whole group),
     * its members' arcs from it costing each a share of the group's siblingsApart penalty; returns {@code softRange}
     * with the groups' penalties added.
     */
    static long apartGroupArcs(
            FlowNetwork network,
            Collection<List<Integer>> apartGroups,
            ScoringWeights weights,
            int limit,
            long softRange) {
        int g = network.realUnits;
        for (List<Integer> members : apartGroups) {
            int n = members.size();
            network.groupMembers[g - network.realUnits] =
                    members.stream().mapToInt(Integer::intValue).toArray();
            long penalty = SoftTerms.siblingsApartPoints(n, weights);
            network.memberArcCost[g - network.realUnits] = Math.multiplyExact(penalty, network.scale / n);
            softRange = Math.addExact(softRange, penalty);
            for (int m : members) {
                network.supply[m] = 0;
                network.groupOf[m] = g;
            }
            network.supply[g] = n;
            network.size[g] = n;
            int[] stop = new int[1];
            List<Provider> together = FlowOffers.together(
                    members.stream().map(network.units::get).toList(), network.capacity, network.held, limit, stop);
            network.pricedFrom[g] = stop[0];
            long[] points = new long[together.size()];
            for (int a = 0; a < together.size(); a++) {
                for (int m : members) {
                    points[a] += network.units.get(m).staticSoftPoints(together.get(a));
                }
            }
            setArcs(network, g, together, points, network.scale / n, FlowOffers.NONE);
            g++;
        }
        return softRange;
    }

    /**
     * What {@link #unplacedArcs} set: the soft points each urgency point left unplaced costs, and whether the flow is
     * lexicographic, medium exactly first: every group size divides the scale, and the costs need no cap.
     */
    record UnplacedArcs(long pointsPerWeight, boolean lexicographic) {}

    /** Sets each unit's unplaced arc's cost: one urgency point costs more than any soft total where it can. */
    static UnplacedArcs unplacedArcs(FlowNetwork network, long softRange) {
        long scale = network.scale;
        int children = 0;
        for (int u = 0; u < network.realUnits; u++) {
            children += network.units.get(u).size();
        }
        // One urgency point must outweigh any soft total, even split into 1/scale parts: big = scale * range + 1.
        // Capped where the weights are so large that costs would overflow (then medium is only very nearly first).
        long cap = Long.MAX_VALUE / 8 / Math.max(1, scale) / 10 / Math.max(1, children);
        BigInteger wanted = BigInteger.valueOf(scale)
                .multiply(BigInteger.valueOf(softRange))
                .add(BigInteger.ONE);
        boolean exactScale = network.units.stream().allMatch(u -> scale % u.size() == 0)
                && Arrays.stream(network.groupMembers).allMatch(members -> scale % members.length == 0);
        boolean lexicographic = exactScale && wanted.compareTo(BigInteger.valueOf(cap)) <= 0;
        long big = lexicographic ? wanted.longValueExact() : cap;
        for (int u = 0; u < network.realUnits; u++) {
            PlacementUnit unit = network.units.get(u);
            network.unplacedCost[u] = big * (unit.getUnplacedWeight() * (scale / unit.size()));
        }
        return new UnplacedArcs(big, lexicographic);
    }

    /**
     * The node's arcs to the providers, cheapest first, and to {@link FlowNetwork#beyond} at {@code beyondPoints} unless
     * that is {@link FlowOffers#NONE} (after the providers at as many points); returns the most points of any.
     */
    private static long setArcs(
            FlowNetwork network, int node, List<Provider> offered, long[] points, long perChild, long beyondPoints) {
        // Cheapest first (the candidates already are, but for a current placement added at the end).
        FlowOffers.sortByPoints(offered, points);
        boolean toBeyond = beyondPoints != FlowOffers.NONE;
        int n = offered.size() + (toBeyond ? 1 : 0);
        network.arcTo[node] = new int[n];
        network.arcCost[node] = new long[n];
        network.arcFlow[node] = new int[n];
        long most = 0;
        int a = 0;
        for (int i = 0; i < offered.size(); i++, a++) {
            if (toBeyond && beyondPoints < points[i]) {
                setArc(network, node, a++, network.beyond, beyondPoints, perChild);
                toBeyond = false;
            }
            setArc(network, node, a, offered.get(i).getIndex(), points[i], perChild);
            most = Math.max(most, points[i]);
        }
        if (toBeyond) {
            setArc(network, node, a, network.beyond, beyondPoints, perChild);
        }
        return beyondPoints == FlowOffers.NONE ? most : Math.max(most, beyondPoints);
    }

    private static void setArc(FlowNetwork network, int node, int a, int to, long points, long perChild) {
        network.arcTo[node][a] = to;
        network.arcCost[node][a] = Math.multiplyExact(points, perChild);
    }

    /**
     * The least common multiple, unless it passes {@link #MAX_SCALE}: then {@code a}, and a group whose size does not
     * divide the scale has its points' shares rounded down (the flow is then no bound). Groups of every size from 1 to
     * 45 would otherwise overflow a long, and large scales would overflow the arc costs.
     */
    static long lcm(long a, long b) {
        long lcm = a / gcd(a, b) * b;
        return lcm > MAX_SCALE ? a : lcm;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
