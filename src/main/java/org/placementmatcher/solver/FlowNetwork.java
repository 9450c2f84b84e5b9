package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The network {@link PlacementFlow} solves, and the flow on it: the nodes (units, apart groups, providers, the sink),
 * each unit's arcs cheapest first (to the providers {@link FlowOffers} offers it), the providers' places less pinned
 * children's, the cost scale; the flow's arrays, with their bookkeeping (who is resident where, rows shared with
 * copies); and the flow read back: its totals, and where it sends each unit. Built here from the caseload (the arcs
 * and their costs by {@link FlowArcs}); changed only by the searches and the steps built on them (pricing omitted
 * arcs, settling split groups).
 * <p>
 * A superclass of {@link PlacementFlow} rather than a field of it so that the shortest-path searches read these
 * arrays as their own fields: no indirection in their hot loops, on networks of millions of arcs. Package-private
 * fields, for the same reason, to {@link OmittedArcPricing}, {@link SplitGroupSettling} and {@link PlaceGains}.
 */
abstract sealed class FlowNetwork permits PlacementFlow {

    final List<PlacementUnit> units;
    final List<Provider> providers;
    /** Units are nodes [0, realUnits); apart groups (when modelled) follow them up to unitCount; then providers; then the sink. */
    final int realUnits;

    final int unitCount;
    final int sink;
    final long scale;
    final long pinnedSoftPoints;
    /** The caseload's units, pinned ones included, for the time its rounding needs (FlowConstruction's reserve). */
    final int caseloadUnits;
    /** Urgency weight of the movable units no provider is eligible for: unplaced in every plan. */
    final long noPlaceWeight;

    final boolean lexicographic;
    /** Soft points an urgency point left unplaced costs the flow (a unit's unplaced arc: its weight times this). */
    final long unplacedPointsPerWeight;
    /** A flow to build a plan from: with the fostering limit, apart groups or held units it is no bound. */
    final boolean forConstruction;
    /** Per provider: a foster carer already at the fostering limit, where one more place would take nobody. */
    final boolean[] atFosteringLimit;
    /**
     * 1 when units are offered providers that would have room for them with one more place
     * ({@link PlacementFlow#forPlaceValues}).
     */
    final int offerOneMore;

    /** Children a node sends out (a unit its size, an apart group its members; a member of one nothing). */
    final int[] supply;
    /** Children a node stands for: the most any of its arcs carries. */
    final int[] size;

    final int[][] arcTo;
    final long[][] arcCost;
    final int[][] arcFlow;
    final long[] unplacedCost;
    final int[] unplacedFlow;
    /** Per apart group node (index - realUnits): its member unit nodes; the arc to each costs its share of the penalty. */
    final int[][] groupMembers;

    final long[] memberArcCost;
    /** Per unit node: its apart group node (or -1), and the flow it receives from it (0 or 1). */
    final int[] groupOf;

    final int[] memberFlow;
    final int[] capacity;
    final int[] load;
    /** Per provider: the nodes with flow there, and the index of that arc in the node's arrays. */
    final int[][] residentUnit;

    final int[][] residentArc;
    final int[] residentCount;

    final long[] potential;

    /**
     * Copies ({@link PlacementFlow#copy}) share the rows of arc flows and residents with the flow they came from until
     * they change one: a region has millions of arcs, and a trial changes few of them.
     */
    final boolean[] ownFlowRow;

    final boolean[] ownResidentRow;

    /** Per unit node: the one arc it is held to ({@link SplitGroupSettling#hold}), {@link #APART}, or {@link #FREE}. */
    final int[] heldArc;
    /** Per provider: the children of the units held there. */
    final int[] heldLoad;
    /** {@link #heldArc} codes: not held; an apart group held to send every member on its own. */
    static final int FREE = -1;

    static final int APART = -2;

    /**
     * Per unit node: the first of its candidates (an apart group: of its first member's) not offered, from which
     * {@link OmittedArcPricing#priceOmittedArcs} looks for arcs worth adding; the number of candidates when every one
     * was offered.
     */
    final int[] pricedFrom;

    /**
     * The provider index of the node "somewhere beyond the list" ({@link FlowOffers#beyondPoints}) of a bound's flow
     * where some unit's candidates are not every eligible provider, or -1: no provider, uncapacitated.
     */
    final int beyond;

    /** The units held where they are (pinned or fixed), whom no unit is offered a place beside against H10/H11. */
    final FlowOffers.Held held;

    /**
     * The network of the caseload, no flow on it yet: the flags as {@link PlacementFlow}'s constructors set them; the
     * units' points kept in {@code memo} from one network of the caseload to the next, or (null) worked out afresh.
     */
    FlowNetwork(
            PlacementSolution solution,
            boolean modelApartGroups,
            Map<PlacementUnit, Provider> fixedAt,
            boolean forConstruction,
            boolean offerOneMore,
            int limit,
            CaseloadMemo memo) {
        this.providers = solution.getProviders();
        this.caseloadUnits = solution.getUnits().size();
        boolean beyondArcs = !forConstruction;
        this.beyond = beyondArcs
                        && solution.getUnits().stream()
                                .anyMatch(u -> !u.isPinned() && u.omittedPointsAtLeast() != Long.MAX_VALUE)
                ? providers.size()
                : -1;
        int providerCount = providers.size() + (beyond >= 0 ? 1 : 0);
        this.capacity = new int[providerCount];
        for (Provider p : providers) {
            capacity[p.getIndex()] = p.getPlaces();
        }
        if (beyond >= 0) {
            capacity[beyond] = Integer.MAX_VALUE / 2;
        }
        this.atFosteringLimit =
                forConstruction ? FlowOffers.capAtFosteringLimit(solution, capacity) : new boolean[providerCount];
        this.offerOneMore = offerOneMore ? 1 : 0;
        this.held = new FlowOffers.Held(providerCount);
        this.units = new ArrayList<>();
        long pinnedSoft = 0;
        long noPlace = 0;
        long lcm = 1;
        Map<String, List<Integer>> apart = new LinkedHashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned() || fixedAt.containsKey(unit)) {
                Provider at = unit.isPinned() ? unit.getProvider() : fixedAt.get(unit);
                if (at != null) {
                    held.add(unit, at);
                    capacity[at.getIndex()] -= unit.size();
                    pinnedSoft += memo == null ? unit.staticSoftPoints(at) : memo.pointsHeldAt(unit, at);
                } else if (!unit.isPinned()) {
                    noPlace += unit.getUnplacedWeight();
                }
            } else if (!unit.getCandidates().isEmpty() || unit.omittedPointsAtLeast() != Long.MAX_VALUE) {
                if (modelApartGroups && unit.getApartGroup() != null) {
                    apart.computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>())
                            .add(units.size());
                }
                units.add(unit);
                lcm = FlowArcs.lcm(lcm, unit.size());
            } else {
                noPlace += unit.getUnplacedWeight();
            }
        }
        apart.values().removeIf(members -> members.size() < 2);
        for (List<Integer> members : apart.values()) {
            lcm = FlowArcs.lcm(lcm, members.size());
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
        this.forConstruction = forConstruction;

        supply = new int[unitCount];
        size = new int[unitCount];
        arcTo = new int[unitCount][];
        arcCost = new long[unitCount][];
        arcFlow = new int[unitCount][];
        unplacedCost = new long[unitCount];
        unplacedFlow = new int[unitCount];
        groupOf = new int[unitCount];
        memberFlow = new int[unitCount];
        pricedFrom = new int[unitCount];
        Arrays.fill(groupOf, -1);
        groupMembers = new int[apart.size()][];
        memberArcCost = new long[apart.size()];
        long softRange = FlowArcs.unitArcs(this, solution, limit, memo);
        softRange = FlowArcs.apartGroupArcs(this, apart.values(), solution.getWeights(), limit, softRange);
        FlowArcs.UnplacedArcs unplacedArcs = FlowArcs.unplacedArcs(this, softRange);
        this.lexicographic = unplacedArcs.lexicographic();
        this.unplacedPointsPerWeight = unplacedArcs.pointsPerWeight();

        load = new int[providerCount];
        residentUnit = new int[providerCount][];
        residentArc = new int[providerCount][];
        residentCount = new int[providerCount];
        int nodes = sink + 1;
        potential = new long[nodes];
        ownFlowRow = new boolean[unitCount];
        Arrays.fill(ownFlowRow, true);
        ownResidentRow = new boolean[providerCount];
        Arrays.fill(ownResidentRow, true);
        heldArc = new int[unitCount];
        Arrays.fill(heldArc, FREE);
        heldLoad = new int[providerCount];
    }

    /** A copy of the network, sharing all but the flow (whose rows it shares until it changes one). */
    FlowNetwork(FlowNetwork other) {
        units = other.units;
        providers = other.providers;
        caseloadUnits = other.caseloadUnits;
        realUnits = other.realUnits;
        unitCount = other.unitCount;
        sink = other.sink;
        scale = other.scale;
        pinnedSoftPoints = other.pinnedSoftPoints;
        noPlaceWeight = other.noPlaceWeight;
        lexicographic = other.lexicographic;
        unplacedPointsPerWeight = other.unplacedPointsPerWeight;
        forConstruction = other.forConstruction;
        atFosteringLimit = other.atFosteringLimit;
        offerOneMore = other.offerOneMore;
        held = other.held;
        supply = other.supply;
        size = other.size;
        pricedFrom = other.pricedFrom;
        beyond = other.beyond;
        arcTo = other.arcTo;
        arcCost = other.arcCost;
        unplacedCost = other.unplacedCost;
        groupMembers = other.groupMembers;
        memberArcCost = other.memberArcCost;
        groupOf = other.groupOf;
        capacity = other.capacity;
        arcFlow = other.arcFlow.clone();
        ownFlowRow = new boolean[unitCount];
        unplacedFlow = other.unplacedFlow.clone();
        memberFlow = other.memberFlow.clone();
        load = other.load.clone();
        residentUnit = other.residentUnit.clone();
        residentArc = other.residentArc.clone();
        ownResidentRow = new boolean[load.length];
        residentCount = other.residentCount.clone();
        potential = other.potential.clone();
        heldArc = other.heldArc.clone();
        heldLoad = other.heldLoad.clone();
    }

    /** The flow's totals as it stands; {@code complete} false where a solve was stopped before routing everyone. */
    FlowRelaxation relaxation(boolean complete) {
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
        return new FlowRelaxation(unplaced, soft, scale, lexicographic && complete && !forConstruction, complete);
    }

    /**
     * The price per child of a place at each provider that the potentials of the solved flow prove, in two parts: the
     * sink's potential less the provider's, where that is above zero (only a full provider's is), is {@code medium}
     * times the cost of an urgency point left unplaced ({@link #unplacedPointsPerWeight}) plus {@code soft}, both per
     * child in the flow's scaled costs. Where medium comes first the flow's costs are those of a price M per urgency
     * point for every M large enough, and so are its optimal prices: {@link #at} works them out for a smaller M than
     * the flow's, whose sums are far smaller (national: the flow's is 1,126,356,426 points, about 2^30).
     */
    record PlacePrices(long[] medium, long[] soft, long scale, long unplacedPointsPerWeight) {

        /**
         * Each provider's price per child (by {@link Provider#getIndex()}) where an urgency point left unplaced costs
         * {@code perWeight} soft points, in soft points times {@code one}, rounded down, at least zero. Where every
         * arc with room costs at least its potentials' difference (a complete solve) and {@code perWeight} is the
         * flow's, these with {@code perWeight} are optimal multipliers of the flow's capacities: every unit's cheapest
         * option at these prices costs what its flow does.
         */
        long[] at(long perWeight, long one) {
            long[] prices = new long[medium.length];
            for (int p = 0; p < prices.length; p++) {
                // In double: urgency points times the flow's price per urgency point (above 2^30 on national).
                double scaled = (double) medium[p] * perWeight + soft[p];
                prices[p] = scaled <= 0 ? 0 : (long) Math.floor(scaled / scale * one);
            }
            return prices;
        }
    }

    /** The flow's place prices as its potentials prove them ({@link PlacePrices}): once solved completely. */
    PlacePrices placePrices() {
        long[] medium = new long[providers.size()];
        long[] soft = new long[medium.length];
        for (int p = 0; p < medium.length; p++) {
            long difference = potential[sink] - potential[unitCount + p];
            if (difference > 0) {
                medium[p] = Math.round((double) difference / unplacedPointsPerWeight);
                soft[p] = difference - medium[p] * unplacedPointsPerWeight;
            }
        }
        return new PlacePrices(medium, soft, scale, unplacedPointsPerWeight);
    }

    /**
     * The units this flow leaves (partly) unplaced while they have eligible providers beyond those offered, or a list of
     * only their cheapest few ({@link PlacementUnit#omittedPointsAtLeast()}). Pricing ({@link PlacementFlow#solvePriced})
     * offers a unit left unplaced any provider with room, and a construction's flow first widens such a unit's short
     * list to every eligible provider; the units still listed then are those no provider with room could take.
     */
    public List<PlacementUnit> unplacedForWantOfCandidates() {
        List<PlacementUnit> wanting = new ArrayList<>();
        for (int u = 0; u < realUnits; u++) {
            PlacementUnit unit = units.get(u);
            boolean wantsMore =
                    pricedFrom[u] < unit.getCandidates().size() || unit.omittedPointsAtLeast() != Long.MAX_VALUE;
            if (wantsMore && unplacedFlow[u] > 0) {
                wanting.add(unit);
            }
        }
        return wanting;
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

    /** The units held whole at one provider by settling, and where (apart groups not included). */
    Map<PlacementUnit, Provider> heldUnits() {
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        for (int u = 0; u < realUnits; u++) {
            if (heldArc[u] >= 0) {
                held.put(units.get(u), providers.get(arcTo[u][heldArc[u]]));
            }
        }
        return held;
    }

    /** The flow's totals as it stands (complete: after {@link PlacementFlow#solve} has finished). */
    public FlowRelaxation totals() {
        return relaxation(true);
    }

    /** The flow's scale: its totals and {@link PlacementFlow#placeGains()} are in 1/scale parts of a point. */
    public long scale() {
        return scale;
    }

    private Provider mostFlowOf(int node) {
        int best = unplacedFlow[node];
        Provider where = null;
        for (int a = 0; a < arcFlow[node].length; a++) {
            if (arcFlow[node][a] > best && arcTo[node][a] != beyond) {
                best = arcFlow[node][a];
                where = providers.get(arcTo[node][a]);
            }
        }
        return where;
    }

    /** Takes every child's flow back, leaving the network as built (with any arcs added since): a flow with no copies. */
    void clearFlow() {
        for (int u = 0; u < unitCount; u++) {
            Arrays.fill(writableFlow(u), 0);
        }
        Arrays.fill(unplacedFlow, 0);
        Arrays.fill(memberFlow, 0);
        Arrays.fill(load, 0);
        Arrays.fill(residentCount, 0);
    }

    /** The node's arc flows, its own to change (a copy's are shared until then). */
    int[] writableFlow(int node) {
        if (!ownFlowRow[node]) {
            arcFlow[node] = arcFlow[node].clone();
            ownFlowRow[node] = true;
        }
        return arcFlow[node];
    }

    void ownResidents(int p) {
        if (!ownResidentRow[p]) {
            if (residentUnit[p] != null) {
                residentUnit[p] = residentUnit[p].clone();
                residentArc[p] = residentArc[p].clone();
            }
            ownResidentRow[p] = true;
        }
    }

    void addResident(int p, int unit, int arc) {
        ownResidents(p);
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

    void removeResident(int p, int unit, int arc) {
        ownResidents(p);
        for (int r = 0; r < residentCount[p]; r++) {
            if (residentUnit[p][r] == unit && residentArc[p][r] == arc) {
                residentCount[p]--;
                residentUnit[p][r] = residentUnit[p][residentCount[p]];
                residentArc[p][r] = residentArc[p][residentCount[p]];
                return;
            }
        }
    }
}
