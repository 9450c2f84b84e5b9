package org.placementmatcher.domain;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the solver places: a sibling group that must stay together (placeTogether), or one child.
 * The planning variable is the provider; null means unplaced. Everything that does not change while
 * solving is worked out once here: which providers pass every per-child rule for every member
 * (the unit's value range), and the keys the group rules need.
 */
@PlanningEntity(comparatorClass = UnitDifficulty.class)
public class PlacementUnit {

    public static final String VALUE_RANGE = "unitProviders";

    @PlanningId
    private String id;

    private List<Child> members;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = VALUE_RANGE)
    private Provider provider;

    /** Every provider of the problem, to work out the value range from (eligible ones, cheapest first). */
    private List<Provider> providers;

    private List<Provider> candidates;
    private BitSet eligible;
    /** Set instead of {@link #candidates} and {@link #eligible} for a problem too large for whole lists. */
    private volatile LimitedCandidates limited;

    /** The solver's view of {@link #getCandidates} (made again when they are replaced). */
    private ProviderSet providerRange;

    private ScoringWeights weights;
    /** The placeTogether sibling group of the members, or null. */
    private String togetherGroup;
    /** The placeTogether=false sibling group of the (single) member, or null. */
    private String apartGroup;
    /** The members' common siblingGroup, or a key of this unit alone (for the fostering limit). */
    private String siblingKey;

    private int unplacedWeight;
    /** The last provider's soft points, by term (see {@link #softPoints}), and the one's before. */
    private SoftPointsAt softPointsAt;

    private SoftPointsAt softPointsAtBefore;
    private boolean anyRiskToYounger;
    private boolean anySolePlacement;

    /** For the solver's cloning only. */
    public PlacementUnit() {}

    /**
     * @param providers every provider of the problem, indexed by {@link Provider#getIndex()}
     */
    public PlacementUnit(String id, List<Child> members, List<Provider> providers, ScoringWeights weights) {
        this.id = id;
        this.members = List.copyOf(members);
        this.weights = weights;
        this.pinned = members.stream().allMatch(Child::isPinned);
        Child first = members.getFirst();
        String common = members.stream().allMatch(c -> Objects.equals(c.getSiblingGroup(), first.getSiblingGroup()))
                ? first.getSiblingGroup()
                : null;
        this.siblingKey = common != null ? common : "unit:" + id;
        this.togetherGroup = common != null && first.isPlaceTogether() ? common : null;
        this.apartGroup = common != null && !first.isPlaceTogether() ? common : null;
        this.unplacedWeight =
                members.stream().mapToInt(c -> c.getUrgency().unplacedWeight()).sum();
        this.anyRiskToYounger = members.stream().anyMatch(Child::isRiskToYoungerChildren);
        this.anySolePlacement = members.stream().anyMatch(Child::isRequiresSolePlacement);
        this.providers = providers;
    }

    /**
     * Works out, once, which providers pass every per-child rule for every member: the unit's value range.
     * Done lazily because a match query needs it for one unit only, while a solve needs it for all.
     */
    private void computeEligibility() {
        Whole whole = wholeList();
        this.eligible = whole.mask();
        if (candidates == null) {
            this.candidates = whole.cheapestFirst();
        }
    }

    /** Every eligible provider, cheapest first (and a pinned unit's ineligible current placement last), and a mask. */
    private record Whole(List<Provider> cheapestFirst, BitSet mask) {}

    private Whole wholeList() {
        int n = providers.size();
        BitSet mask = new BitSet(n);
        // The eligible providers' positions in the list and their soft points, in list order: primitive arrays, as
        // a region has thousands of eligible providers for each of thousands of units.
        int[] positions = new int[n];
        long[] soft = new long[n];
        int count = 0;
        boolean indexedByPosition = true;
        for (int i = 0; i < n; i++) {
            Provider p = providers.get(i);
            indexedByPosition &= p.getIndex() == i;
            if (passesRules(p)) {
                mask.set(p.getIndex());
                positions[count] = i;
                soft[count] = staticSoftPoints(p);
                count++;
            }
        }
        // Cheapest first (the unit's own soft points there, which never change while solving; ties by index): the
        // construction heuristic and the moves try the likeliest places first.
        List<Provider> eligibleProviders = cheapestFirst(positions, soft, count, indexedByPosition);
        // A pinned unit must keep its current placement even where a rule now fails (e.g. a child aged out):
        // the plan then shows the violation instead of hiding it.
        Provider current = sharedCurrentPlacement();
        if (pinned && current != null && !mask.get(current.getIndex())) {
            eligibleProviders.add(current);
        }
        return new Whole(eligibleProviders, mask);
    }

    /**
     * H1 for the unit alone (fewer places than members: never, whoever else is there) and every per-child rule: whether
     * the unit is eligible there by the rules, whether or not a limited list ({@link #limitCandidates}) holds it.
     */
    public boolean passesRules(Provider p) {
        // The whole list's mask holds this very answer for the problem's own providers, worked out once: the flow asks
        // it of every foster carer for each unit of a large sibling group, for each try of a retrial. A limited unit
        // has no such mask, and a provider from elsewhere (a scenario's) is checked afresh.
        BitSet mask = eligible;
        int index = p.getIndex();
        if (mask != null
                && limited == null
                && providers != null
                && index >= 0
                && index < providers.size()
                && providers.get(index) == p) {
            return mask.get(index);
        }
        return PlacementRules.capacityPoints(p, members.size()) == 0 && everyMemberEligible(p);
    }

    private boolean everyMemberEligible(Provider p) {
        for (Child child : members) {
            if (!PlacementRules.isEligible(child, p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The providers at the first {@code count} positions, by soft points then index. Where each provider's index
     * is its position and the points leave room for it, points and position are packed into one long and sorted
     * as primitives; otherwise (never for a mapped problem) they are sorted by comparator.
     */
    private List<Provider> cheapestFirst(int[] positions, long[] soft, int count, boolean indexedByPosition) {
        int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, providers.size() - 1));
        long maxPoints = Long.MAX_VALUE >>> indexBits;
        boolean packable = indexedByPosition;
        for (int k = 0; k < count && packable; k++) {
            packable = soft[k] >= 0 && soft[k] <= maxPoints;
        }
        List<Provider> sorted = new ArrayList<>(count + 1);
        if (packable) {
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[k] = soft[k] << indexBits | positions[k];
            }
            java.util.Arrays.sort(keys);
            long positionMask = (1L << indexBits) - 1;
            for (long key : keys) {
                sorted.add(providers.get((int) (key & positionMask)));
            }
            return sorted;
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(
                order,
                java.util.Comparator.comparingLong((Integer k) -> soft[k])
                        .thenComparingInt(k -> providers.get(positions[k]).getIndex()));
        for (Integer k : order) {
            sorted.add(providers.get(positions[k]));
        }
        return sorted;
    }

    /** The members' per-child soft points at the provider: every soft term but siblingsApart, which depends on the others. */
    public long staticSoftPoints(Provider p) {
        long points = 0;
        for (Child child : members) {
            points += SoftTerms.totalPoints(child, p, weights);
        }
        return points;
    }

    /**
     * Lets the unit take any provider, for scoring a plan as it stands (today's placements, or a
     * plan a person wrote) where a unit may sit where a rule fails: the solver checks every
     * assignment against the value range. Solving keeps the eligible providers only.
     */
    public void allowAnyProvider() {
        this.limited = null;
        this.candidates = providers;
    }

    /**
     * Limits the unit to some of its eligible providers, for a problem too large to list them all (see
     * {@link CandidateSearch}): the solver can place it only there, so {@link #isEligible} then answers "in the list".
     * The members' shared current placement is added (last) when it is eligible and not listed, so nobody is moved
     * for want of it, or when the unit is pinned, as for the whole list.
     *
     * @param eligibleCheapestFirst eligible providers only, cheapest first (ties by index), each once
     * @param omittedPointsAtLeast the least static soft points any eligible provider left out may have;
     *     {@link Long#MAX_VALUE} when none is left out
     */
    public void limitCandidates(List<Provider> eligibleCheapestFirst, long omittedPointsAtLeast) {
        List<Provider> list = new ArrayList<>(eligibleCheapestFirst.size() + 1);
        list.addAll(eligibleCheapestFirst);
        int[] sorted = indicesSorted(list);
        int ineligibleKept = -1;
        Provider current = sharedCurrentPlacement();
        if (current != null && java.util.Arrays.binarySearch(sorted, current.getIndex()) < 0) {
            boolean eligibleThere = passesRules(current);
            if (eligibleThere || pinned) {
                list.add(current);
                sorted = indicesSorted(list);
                ineligibleKept = eligibleThere ? -1 : current.getIndex();
            }
        }
        this.limited = new LimitedCandidates(List.copyOf(list), sorted, ineligibleKept, omittedPointsAtLeast);
    }

    /**
     * Makes a limited unit's list whole again: every eligible provider, cheapest first, as an unlimited unit has (a
     * unit the solver would leave unplaced may go anywhere it is eligible). Safe while other threads read the unit:
     * the new list replaces the old in one write. Nothing to do for a unit never limited.
     */
    public void widenToAllCandidates() {
        if (limited == null || limited.omittedPointsAtLeast() == Long.MAX_VALUE) {
            return;
        }
        Whole whole = wholeList();
        Provider current = sharedCurrentPlacement();
        int ineligibleKept =
                pinned && current != null && !whole.mask().get(current.getIndex()) ? current.getIndex() : -1;
        List<Provider> list = List.copyOf(whole.cheapestFirst());
        this.limited = new LimitedCandidates(list, indicesSorted(list), ineligibleKept, Long.MAX_VALUE);
    }

    /**
     * The least static soft points ({@link #staticSoftPoints}) of any eligible provider missing from the unit's
     * candidates; {@link Long#MAX_VALUE} when none is missing (every unit not limited).
     */
    public long omittedPointsAtLeast() {
        LimitedCandidates l = limited;
        return l == null ? Long.MAX_VALUE : l.omittedPointsAtLeast();
    }

    /** Whether the unit's candidates are every provider it is eligible for (or any, after allowAnyProvider). */
    public boolean hasAllCandidates() {
        return omittedPointsAtLeast() == Long.MAX_VALUE;
    }

    private static int[] indicesSorted(List<Provider> list) {
        int[] sorted = new int[list.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = list.get(i).getIndex();
        }
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /**
     * A limited unit's candidates: the list, its providers' indices sorted (a few kilobytes where a bit per provider
     * of a national problem takes seven), a pinned unit's ineligible current placement (-1: none) and the floor on
     * the points of those left out. Immutable, so solution clones and threads may share it.
     */
    private record LimitedCandidates(
            List<Provider> list, int[] sortedIndices, int ineligibleKept, long omittedPointsAtLeast) {
        boolean contains(Provider p) {
            return java.util.Arrays.binarySearch(sortedIndices, p.getIndex()) >= 0;
        }

        boolean isEligible(Provider p) {
            return p.getIndex() != ineligibleKept && contains(p);
        }
    }

    /** The members' current placement when they all share one, else null. */
    public Provider sharedCurrentPlacement() {
        Provider current = members.getFirst().getCurrentPlacement();
        for (Child c : members) {
            if (c.getCurrentPlacement() != current) {
                return null;
            }
        }
        return current;
    }

    /** The providers the unit may go to, cheapest first: every eligible one (or any, after {@link #allowAnyProvider}). */
    public List<Provider> getCandidates() {
        LimitedCandidates l = limited;
        if (l != null) {
            return l.list();
        }
        if (candidates == null) {
            computeEligibility();
        }
        return candidates;
    }

    /** The same providers as the solver's value range, in the same order ({@link ProviderSet} says why a set). */
    @ValueRangeProvider(id = VALUE_RANGE)
    public Set<Provider> getProviderRange() {
        List<Provider> current = getCandidates();
        ProviderSet range = providerRange;
        if (range == null || !range.isOf(current)) {
            LimitedCandidates l = limited;
            range = l != null && l.list() == current
                    ? new ProviderSet(current, l.sortedIndices())
                    : new ProviderSet(current);
            providerRange = range;
        }
        return range;
    }

    /**
     * True when the provider passes every per-child rule for every member and has places enough for them all; for a
     * limited unit ({@link #limitCandidates}), when it is moreover among the unit's candidates.
     */
    public boolean isEligible(Provider p) {
        LimitedCandidates l = limited;
        if (l != null) {
            return l.isEligible(p);
        }
        if (eligible == null) {
            computeEligibility();
        }
        return eligible.get(p.getIndex());
    }

    /** Points of a per-child hard rule at the assigned provider (0 when unplaced). */
    public int hardPoints(HardRule rule) {
        if (provider == null || isEligible(provider)) {
            return 0;
        }
        return PlacementRules.childAtProviderPoints(rule, members, provider);
    }

    /** Points of a per-child soft term at the assigned provider (0 when unplaced). */
    public long softPoints(SoftTerm term) {
        if (provider == null) {
            return 0;
        }
        SoftPointsAt cached = softPointsAt;
        if (cached == null || !cached.isFor(provider, weights)) {
            // A move tried and undone brings the unit back where it was: the last two places are kept.
            SoftPointsAt before = softPointsAtBefore;
            softPointsAtBefore = cached;
            cached = before != null && before.isFor(provider, weights) ? before : SoftPointsAt.of(this, provider);
            softPointsAt = cached;
        }
        return cached.points()[term.ordinal()];
    }

    /**
     * The unit's per-child soft points at one provider, by term: every soft constraint asks for its term
     * when the unit moves, and this works the distance and the cost out once for all of them. Immutable,
     * so solution clones may share it.
     *
     * <p>Keyed by everything the points depend on that is not fixed for the unit's lifetime: the provider
     * and the weights (by identity: both are immutable). The members, their current placements and the
     * providers' own facts are immutable, so they need no key.
     */
    private record SoftPointsAt(Provider provider, ScoringWeights weights, long[] points) {
        boolean isFor(Provider at, ScoringWeights with) {
            return provider == at && weights == with;
        }

        static SoftPointsAt of(PlacementUnit unit, Provider provider) {
            long[] points = new long[SoftTerm.values().length];
            for (Child child : unit.members) {
                double miles = child.milesTo(provider);
                for (SoftTerm term : SoftTerm.values()) {
                    if (term.isPerChildAtProvider()) {
                        points[term.ordinal()] += SoftTerms.points(term, child, provider, unit.weights, miles);
                    }
                }
            }
            return new SoftPointsAt(provider, unit.weights, points);
        }
    }

    public int size() {
        return members.size();
    }

    public String getId() {
        return id;
    }

    public List<Child> getMembers() {
        return members;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Provider getProvider() {
        return provider;
    }

    public void setProvider(Provider provider) {
        this.provider = provider;
    }

    public ScoringWeights getWeights() {
        return weights;
    }

    public String getTogetherGroup() {
        return togetherGroup;
    }

    public String getApartGroup() {
        return apartGroup;
    }

    public String getSiblingKey() {
        return siblingKey;
    }

    public int getUnplacedWeight() {
        return unplacedWeight;
    }

    public boolean isAnyRiskToYounger() {
        return anyRiskToYounger;
    }

    public boolean isAnySolePlacement() {
        return anySolePlacement;
    }

    @Override
    public String toString() {
        return id + "->" + provider;
    }
}
