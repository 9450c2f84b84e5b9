package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * What a {@link FlowNetwork} offers each unit: the providers eligible for it with room for all its children beside
 * the pinned ones (foster carers capped at the fostering limit) and no pinned or held child it may not share with
 * ({@link Held}), cheapest first, the first few when the flow is limited ({@link CandidateLimit}); for an apart group,
 * those with room for all its members together. Worked out once, as the network is built; apart from it because they
 * read the caseload's rules, not the network.
 */
final class FlowOffers {

    private FlowOffers() {}

    /**
     * Foster carers without exemption down to the usual limit, where no sibling group larger than that (placed together
     * or apart: H14 counts one sibling group as one) is eligible.
     */
    static boolean[] capAtFosteringLimit(PlacementSolution solution, int[] capacity) {
        Map<String, Integer> siblings = new HashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            siblings.merge(unit.getSiblingKey(), unit.size(), Integer::sum);
        }
        // Only these can be capped: a foster carer with fewer places than the limit keeps them all either way.
        List<Provider> cappable = new ArrayList<>();
        for (Provider p : solution.getProviders()) {
            if (PlacementRules.fosteringLimitApplies(p) && p.getPlaces() >= PlacementRules.USUAL_FOSTERING_LIMIT) {
                cappable.add(p);
            }
        }
        boolean[] largeGroupEligible = new boolean[capacity.length];
        for (PlacementUnit unit : solution.getUnits()) {
            if (siblings.get(unit.getSiblingKey()) > PlacementRules.USUAL_FOSTERING_LIMIT) {
                // By the rules, not the unit's list: a list of its cheapest few (a very large problem) leaves out
                // foster carers such a group could go to, which pricing may still offer it.
                for (Provider p : cappable) {
                    if (unit.passesRules(p)) {
                        largeGroupEligible[p.getIndex()] = true;
                    }
                }
                if (unit.getProvider() != null) {
                    largeGroupEligible[unit.getProvider().getIndex()] = true;
                }
            }
        }
        boolean[] atLimit = new boolean[capacity.length];
        for (Provider p : cappable) {
            if (!largeGroupEligible[p.getIndex()]) {
                atLimit[p.getIndex()] = true;
                capacity[p.getIndex()] = Math.min(capacity[p.getIndex()], PlacementRules.USUAL_FOSTERING_LIMIT);
            }
        }
        return atLimit;
    }

    /**
     * The units held where they are (pinned, or fixed by the caller) at each provider: no unit is offered a provider
     * where sharing it with one of them would break H10 or H11 (as no plan that breaks no rule places it there), by
     * the network's offers and by pricing ({@link OmittedArcPricing}) alike.
     */
    static final class Held {
        private final List<PlacementUnit>[] at;

        @SuppressWarnings("unchecked")
        Held(int providers) {
            at = new List[providers];
        }

        void add(PlacementUnit unit, Provider provider) {
            if (at[provider.getIndex()] == null) {
                at[provider.getIndex()] = new ArrayList<>();
            }
            at[provider.getIndex()].add(unit);
        }

        /** Whether the children would share the provider with a held unit against H10 or H11. */
        boolean barsAny(List<Child> children, Provider provider) {
            List<PlacementUnit> residents = at[provider.getIndex()];
            if (residents == null) {
                return false;
            }
            for (PlacementUnit resident : residents) {
                if (!PlacementRules.mayShare(resident.getMembers(), children)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The unit's eligible providers with room for all its children beside the pinned ones (its candidates come
     * cheapest first) and no held unit it may not share with, the first {@code limit} of them ({@code stop[0]} set to
     * the index of the next, or the number of candidates), with its current one if it is one of them.
     */
    static List<Provider> offered(PlacementUnit unit, int[] capacity, Held held, int oneMore, int limit, int[] stop) {
        List<Provider> offered = new ArrayList<>();
        List<Provider> candidates = unit.getCandidates();
        stop[0] = candidates.size();
        for (int i = 0; i < candidates.size(); i++) {
            Provider p = candidates.get(i);
            if (capacity[p.getIndex()] + oneMore >= unit.size() && !held.barsAny(unit.getMembers(), p)) {
                if (offered.size() == limit) {
                    stop[0] = i;
                    break;
                }
                offered.add(p);
            }
        }
        Provider current = unit.getProvider();
        if (current != null
                && unit.isEligible(current)
                && capacity[current.getIndex()] + oneMore >= unit.size()
                && !held.barsAny(unit.getMembers(), current)
                && !offered.contains(current)) {
            offered.add(current); // staying is always offered
        }
        return offered;
    }

    /**
     * The providers eligible for every member of an apart group with room for them all, cheapest for them first: at
     * most {@code limit}, from the first member's cheapest (the members can always go apart besides).
     */
    static List<Provider> together(List<PlacementUnit> members, int[] capacity, Held held, int limit, int[] stop) {
        List<Provider> all = new ArrayList<>();
        List<Provider> candidates = members.getFirst().getCandidates();
        stop[0] = candidates.size();
        for (int i = 0; i < candidates.size(); i++) {
            Provider p = candidates.get(i);
            if (all.size() == limit) {
                stop[0] = i;
                break;
            }
            if (capacity[p.getIndex()] >= members.size()
                    && members.stream().allMatch(m -> m.isEligible(p) && !held.barsAny(m.getMembers(), p))) {
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

    /** No arc "somewhere beyond the list" ({@link #beyondPoints}). */
    static final long NONE = Long.MAX_VALUE;

    /**
     * The soft points of the unit's arc "somewhere beyond its list" in a bound's flow, or {@link #NONE}:
     * where its candidates are not every eligible provider ({@link PlacementUnit#omittedPointsAtLeast()} T below MAX),
     * the flow would otherwise bound a restricted problem, and could claim better than the true optimum. Every provider
     * left out costs at least T, so one uncapacitated arc at T stands for them all and the flow stays a relaxation. It
     * makes such a unit always placeable in the flow: the medium bound is then optimistic (no plan places more than the
     * flow does), which is still valid. A construction's flow builds a plan from real providers: it has none, and
     * widens the list of a unit it leaves unplaced instead ({@link OmittedArcPricing}).
     *
     * @param beyondArcs whether the flow has such arcs: a bound's flow
     */
    static long beyondPoints(PlacementUnit unit, boolean beyondArcs) {
        return beyondArcs ? unit.omittedPointsAtLeast() : NONE;
    }

    /** Sorts the providers and their points together by points; only the last entry can be out of place. */
    static void sortByPoints(List<Provider> offered, long[] points) {
        for (int i = offered.size() - 1; i > 0 && points[i] < points[i - 1]; i--) {
            long t = points[i];
            points[i] = points[i - 1];
            points[i - 1] = t;
            offered.set(i, offered.set(i - 1, offered.get(i)));
        }
    }
}
