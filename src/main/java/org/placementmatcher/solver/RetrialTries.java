package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Who a try of the {@link ApartGroupRetrial retrial} holds where the plan has them, and who it lets go: the units the
 * flow cannot route ({@link #holdable}) but those placed nearest the group, and the single children but those placed
 * nearest the try ({@link Reach}); and where else the group is tried together ({@link #gatherPlaces}).
 */
final class RetrialTries {

    private RetrialTries() {}

    /**
     * How many units near a try are let go with it: of the units otherwise held, the {@code neighbours} placed nearest
     * the group (with their own apart siblings), and the {@code singles} single children placed nearest the try's
     * place; everyone else is held.
     *
     * @param neighbours groups exchanging places: on county the optimum has two brothers and a pair of siblings swap
     *     places while five sibling groups each move to the place of the next; tried alone, no group can move, every
     *     place it would go to being held by another (solver-config/BENCHMARKS.md, "Apart groups tried again with their
     *     neighbours")
     * @param singles single children (under no rule the flow cannot route) routed again with the group, the unplaced
     *     ones always: on a region a try is then about 55 ms instead of a whole flow's 30 s, so the retrial runs there
     *     too (about 175 tries at 60 s), which brought the plan at 60 s from 0.34 % above the best bound to 0.30-0.31 %
     *     (solver-config/BENCHMARKS.md, "Apart groups tried again in a small flow")
     */
    record Reach(int neighbours, int singles) {

        /** The first round's reach. */
        static final Reach FIRST = new Reach(16, 300);

        /**
         * Twice as far, for the round after one that improved nothing: on county-1200 the chains that remain there
         * (an apart pair gathered into a sibling group's place, which moves into another's, and so on) are longer than
         * the first reach lets go (solver-config/BENCHMARKS.md, "The retrial reaches further").
         */
        Reach wider() {
            return new Reach(2 * neighbours, 2 * singles);
        }

        /**
         * The most neighbours a round lets go: on county-1200 rounds letting go 128 to 512 found nothing, at 3.5-5 s
         * each, where the time was better spent on the sibling groups' tries (solver-config/BENCHMARKS.md, "The
         * retrial reaches further").
         */
        static final int MOST_NEIGHBOURS = 64;

        /**
         * The next round's reach on a caseload of {@code units} units: this one again after a round that {@code
         * improved} the plan, else {@link #wider}; null (no more rounds) where this reach lets go {@link
         * #MOST_NEIGHBOURS} already, or every unit (so that a wider reach would try the same).
         */
        Reach afterRound(boolean improved, int units) {
            if (improved) {
                return this;
            }
            boolean letsGoAll = neighbours >= units && singles >= units;
            return letsGoAll || neighbours >= MOST_NEIGHBOURS ? null : wider();
        }
    }

    /**
     * How many places the whole group is also tried together at, besides being let go with its neighbours: where the
     * place the group would share is held by others, the flow alone does not see the exchange (on county, two brothers
     * and a sibling pair of two trading places, 3 points from the optimum).
     */
    static final int GATHER_PLACES = 3;

    /** How far down the first member's cheapest providers {@link #gatherPlaces} looks. */
    static final int GATHER_SEARCH = 48;

    /**
     * The group's cheapest places for all its members together: every member eligible, places enough for them all,
     * and not where they all are already; at most {@link #GATHER_PLACES}, cheapest first for its first member.
     */
    static List<Provider> gatherPlaces(List<PlacementUnit> members) {
        int children = members.stream().mapToInt(PlacementUnit::size).sum();
        List<Provider> candidates = members.getFirst().getCandidates();
        List<Provider> places = new ArrayList<>(GATHER_PLACES);
        for (Provider place : candidates.subList(0, Math.min(GATHER_SEARCH, candidates.size()))) {
            boolean allThere = members.stream().allMatch(member -> member.getProvider() == place);
            boolean allMay = members.stream().allMatch(member -> member.isEligible(place));
            if (!allThere && allMay && place.getPlaces() >= children) {
                places.add(place);
                if (places.size() == GATHER_PLACES) {
                    break;
                }
            }
        }
        return places;
    }

    /**
     * The units held while the group is tried together at {@code place}: the group there, the units the flow cannot
     * route ({@link #holdable}) where the plan has them except those at that place, which go where the flow sends them,
     * and the single children placed beyond the {@link Reach#singles} nearest that place.
     */
    static Map<PlacementUnit, Provider> heldGathered(
            PlacementSolution solution, List<PlacementUnit> members, Provider place, Reach reach) {
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        List<PlacementUnit> holdable = holdable(solution, members);
        for (PlacementUnit unit : holdable) {
            if (unit.getProvider() != place) {
                held.put(unit, unit.getProvider());
            }
        }
        holdFarSingles(solution, members, holdable, place, reach.singles(), held);
        members.forEach(member -> held.put(member, place));
        return held;
    }

    /**
     * Holds in {@code held}, where they are, the placed single children (neither a member nor holdable) beyond the
     * {@code released} placed nearest {@code at}.
     */
    private static void holdFarSingles(
            PlacementSolution solution,
            List<PlacementUnit> members,
            List<PlacementUnit> holdable,
            Provider at,
            int released,
            Map<PlacementUnit, Provider> held) {
        Set<PlacementUnit> notSingle = Collections.newSetFromMap(new IdentityHashMap<>());
        notSingle.addAll(members);
        notSingle.addAll(holdable);
        List<PlacementUnit> singles = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned() && unit.getProvider() != null && !notSingle.contains(unit)) {
                singles.add(unit);
            }
        }
        List<PlacementUnit> far = nearestFirst(singles, at);
        for (PlacementUnit unit : far.subList(Math.min(released, far.size()), far.size())) {
            held.put(unit, unit.getProvider());
        }
    }

    /**
     * The units, those placed nearest {@code at} first (by their providers; unplaced ones last); as they are where
     * {@code at} is null. Each distance is worked out once.
     */
    private static List<PlacementUnit> nearestFirst(List<PlacementUnit> units, Provider at) {
        if (at == null) {
            return units;
        }
        double[] miles = new double[units.size()];
        Integer[] order = new Integer[units.size()];
        for (int k = 0; k < units.size(); k++) {
            Provider p = units.get(k).getProvider();
            miles[k] = p == null ? Double.MAX_VALUE : Geo.miles(at.getLat(), at.getLon(), p.getLat(), p.getLon());
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> miles[k]));
        List<PlacementUnit> sorted = new ArrayList<>(units.size());
        for (Integer k : order) {
            sorted.add(units.get(k));
        }
        return sorted;
    }

    /**
     * The movable units the flow cannot route as they are, the group's members apart: apart siblings, children under
     * H10 or H11, sibling groups of several children. The others, single children under no such rule, it places as
     * well as they can be around the held units, where a try lets them go ({@link Reach#singles}).
     */
    static List<PlacementUnit> holdable(PlacementSolution solution, List<PlacementUnit> members) {
        List<PlacementUnit> holdable = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            boolean inAnApartGroup = unit.getApartGroup() != null;
            boolean underSharingRule = unit.isAnyRiskToYounger() || unit.isAnySolePlacement();
            if (!unit.isPinned()
                    && !members.contains(unit)
                    && (inAnApartGroup || underSharingRule || unit.size() > 1)) {
                holdable.add(unit);
            }
        }
        return holdable;
    }

    /**
     * The units held where the plan has them while the group is tried again: the {@link #holdable} ones but the
     * {@link Reach#neighbours} placed nearest the group, with their apart siblings, and the single children placed
     * beyond the {@link Reach#singles} nearest it. The group is where its first placed member is, or where its first
     * member's cheapest candidate is when none is placed.
     */
    static Map<PlacementUnit, Provider> held(PlacementSolution solution, List<PlacementUnit> members, Reach reach) {
        Provider at = members.stream()
                .map(PlacementUnit::getProvider)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() ->
                        members.getFirst().getCandidates().stream().findFirst().orElse(null));
        List<PlacementUnit> holdable = nearestFirst(holdable(solution, members), at);
        Set<String> releasedGroups = new HashSet<>();
        for (PlacementUnit unit : holdable.subList(0, Math.min(reach.neighbours(), holdable.size()))) {
            if (unit.getApartGroup() != null) {
                releasedGroups.add(unit.getApartGroup());
            }
        }
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        for (int k = 0; k < holdable.size(); k++) {
            PlacementUnit unit = holdable.get(k);
            boolean released = k < reach.neighbours()
                    || unit.getApartGroup() != null && releasedGroups.contains(unit.getApartGroup());
            if (!released) {
                held.put(unit, unit.getProvider());
            }
        }
        holdFarSingles(solution, members, holdable, at, reach.singles(), held);
        return held;
    }
}
