package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.domain.UnitDifficulty;

/**
 * Places waiting units the way a placement officer would by hand: nobody already placed moves, the
 * hardest unit first (most urgent, then largest group, then fewest options), each into the placement
 * that breaks no rule and adds the fewest soft points at that moment. It is the "current practice"
 * baseline the engine is measured against, a construction phase kept for comparison
 * ({@code solver-config/alternatives/greedy-construction.xml}), and, through {@link #decideFrom}, the rounding
 * of the engine's flow construction ({@link FlowConstruction}).
 */
public class GreedyPlacement implements PhaseCommand<PlacementSolution> {

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider = context.getSolutionMetaModel()
                .genuineEntity(PlacementUnit.class)
                .basicVariable("provider", Provider.class);
        decide(context.getWorkingSolution(), true).forEach((unit, place) -> {
            if (!context.isPhaseTerminated()) {
                context.execute(Moves.change(provider, unit, place));
            }
        });
    }

    /** How far down each unit's cheapest-first candidates the repair looks for a place to free. */
    static final int REPAIR_CANDIDATES = 200;

    /**
     * The decisions for the solution as it stands: for each unit that goes somewhere new, where. Waiting units
     * only, as a placement officer would do it; with {@code repair}, a unit left without a place may then take
     * the place of a resident who can go elsewhere (as the solver's construction, never for the baseline).
     */
    public static Map<PlacementUnit, Provider> decide(PlacementSolution solution, boolean repair) {
        State state = new State(solution, new CaseloadMemo(solution), false);
        Map<PlacementUnit, Provider> decisions = new LinkedHashMap<>();
        List<PlacementUnit> waiting = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getProvider() == null && !unit.isPinned()) {
                waiting.add(unit);
            }
        }
        waiting.sort(new UnitDifficulty().reversed());
        List<PlacementUnit> left = new ArrayList<>();
        for (PlacementUnit unit : waiting) {
            if (!state.placeWhereRoom(unit, decisions)) {
                left.add(unit);
            }
        }
        if (repair) {
            for (PlacementUnit unit : left) {
                state.freePlaceFor(unit, decisions);
            }
        }
        return decisions;
    }

    /**
     * Every movable unit's place, starting from the pinned units alone: each (hardest first) takes its preferred
     * provider where that breaks no rule, the others then the place where they cost least counting the residents
     * moved on to make room ({@link State#placeWithEviction}), and a unit still
     * left without one may take the place of a resident who can go elsewhere. Units absent from the answer
     * stay unplaced. Used to turn a relaxed optimum ({@link PlacementFlow}) into a plan.
     */
    public static Map<PlacementUnit, Provider> decideFrom(
            PlacementSolution solution, Map<PlacementUnit, Provider> preferred) {
        return decideFrom(solution, preferred, Set.of());
    }

    /**
     * The same, with the units in {@code first} taking their preferred providers before any other unit (a flow
     * routed around them, held there, has already made room for them).
     */
    static Map<PlacementUnit, Provider> decideFrom(
            PlacementSolution solution, Map<PlacementUnit, Provider> preferred, Set<PlacementUnit> first) {
        return decideFrom(solution, preferred, first, () -> false);
    }

    /**
     * The same, hurried once {@code hurry} says so (the time limit, less a reserve for the rounding, has passed): each
     * unit not yet placed then takes the cheapest place with room as it stands, nobody moved on for it. Moving residents on costs milliseconds a unit
     * (on a region stopped at its limit, a second or more for the hundred-odd units its flow did not route) and would
     * take the solve that long past its limit; a unit left without a place still has one freed for it.
     */
    static Map<PlacementUnit, Provider> decideFrom(
            PlacementSolution solution,
            Map<PlacementUnit, Provider> preferred,
            Set<PlacementUnit> first,
            BooleanSupplier hurry) {
        return decideFrom(solution, new CaseloadMemo(solution), preferred, first, hurry);
    }

    /** The same, with what an earlier rounding of the caseload worked out ({@code memo}) kept. */
    static Map<PlacementUnit, Provider> decideFrom(
            PlacementSolution solution,
            CaseloadMemo memo,
            Map<PlacementUnit, Provider> preferred,
            Set<PlacementUnit> first,
            BooleanSupplier hurry) {
        State state = new State(solution, memo, true);
        Map<PlacementUnit, Provider> decisions = new LinkedHashMap<>();
        List<PlacementUnit> deferred = new ArrayList<>();
        for (PlacementUnit unit : memo.hardestFirst(first)) {
            Provider wanted = preferred.get(unit);
            if (wanted != null && state.fitsWithin(unit, wanted)) {
                state.place(unit, wanted);
                decisions.put(unit, wanted);
            } else {
                deferred.add(unit);
            }
        }
        List<PlacementUnit> left = new ArrayList<>();
        for (PlacementUnit unit : deferred) {
            boolean placed = hurry.getAsBoolean()
                    ? state.placeWhereRoom(unit, decisions)
                    : state.placeWithEviction(unit, decisions);
            if (!placed) {
                left.add(unit);
            }
        }
        for (PlacementUnit unit : left) {
            state.freePlaceFor(unit, decisions);
        }
        return decisions;
    }

    /** The current-practice baseline, applied directly (outside a solver): nobody already placed moves. */
    public static void apply(PlacementSolution solution) {
        decide(solution, false).forEach(PlacementUnit::setProvider);
    }

    /** Who is where, kept up to date as units are placed and moved. */
    private static final class State {
        /** The units at each provider, by its index (an array: the rounding asks for them millions of times). */
        private List<PlacementUnit>[] unitsAt;

        private final Map<String, Map<Provider, Integer>> apartGroupProviders = new HashMap<>();
        private final Map<PlacementUnit, Provider> position = new IdentityHashMap<>();
        /** The units hardest first and each unit's soft points at its candidates. */
        private final CaseloadMemo memo;

        private final PlacementSolution solution;

        /** Everyone where the solution has them, or with {@code pinnedOnly} the pinned units alone. */
        @SuppressWarnings("unchecked")
        State(PlacementSolution solution, CaseloadMemo memo, boolean pinnedOnly) {
            this.solution = solution;
            this.memo = memo;
            this.unitsAt = new List[solution.getProviders().size()];
            for (PlacementUnit unit : solution.getUnits()) {
                if (unit.getProvider() != null && (unit.isPinned() || !pinnedOnly)) {
                    place(unit, unit.getProvider());
                }
            }
        }

        /** The units at the provider (none: an empty list). */
        private List<PlacementUnit> unitsAt(Provider provider) {
            int index = provider.getIndex();
            List<PlacementUnit> there = index < unitsAt.length ? unitsAt[index] : null;
            return there == null ? List.of() : there;
        }

        void place(PlacementUnit unit, Provider provider) {
            int index = provider.getIndex();
            if (index >= unitsAt.length) {
                unitsAt = Arrays.copyOf(unitsAt, index + 1);
            }
            if (unitsAt[index] == null) {
                unitsAt[index] = new ArrayList<>();
            }
            unitsAt[index].add(unit);
            position.put(unit, provider);
            if (unit.getApartGroup() != null) {
                apartGroupProviders
                        .computeIfAbsent(unit.getApartGroup(), g -> new HashMap<>())
                        .merge(provider, 1, Integer::sum);
            }
        }

        void remove(PlacementUnit unit) {
            Provider provider = position.remove(unit);
            unitsAt[provider.getIndex()].remove(unit);
            if (unit.getApartGroup() != null) {
                apartGroupProviders
                        .get(unit.getApartGroup())
                        .computeIfPresent(provider, (p, n) -> n == 1 ? null : n - 1);
            }
        }

        /**
         * Frees a place for a unit left without one: the first of its cheapest candidates where the movable
         * residents, moved on one by one to other rule-abiding places, make room for the unit.
         */
        void freePlaceFor(PlacementUnit unit, Map<PlacementUnit, Provider> decisions) {
            List<Provider> candidates = unit.getCandidates();
            for (Provider provider : candidates.subList(0, Math.min(REPAIR_CANDIDATES, candidates.size()))) {
                Map<PlacementUnit, Provider> moved = evictFor(unit, provider);
                if (moved != null) {
                    place(unit, provider);
                    decisions.putAll(moved);
                    decisions.put(unit, provider);
                    return;
                }
            }
        }

        /** Places the unit at the rule-abiding place with the fewest soft points now; false (nothing changed) if none. */
        boolean placeWhereRoom(PlacementUnit unit, Map<PlacementUnit, Provider> decisions) {
            Provider best = cheapestPlace(unit, null);
            if (best == null) {
                return false;
            }
            place(unit, best);
            decisions.put(unit, best);
            return true;
        }

        /**
         * Places the unit where it costs least, counting what moving residents on to make room costs: a place with
         * room, or one of its cheapest candidates whose residents, cheapest to move first, go on to their own
         * cheapest places until the unit fits. False (nothing changed) when there is no such place.
         */
        boolean placeWithEviction(PlacementUnit unit, Map<PlacementUnit, Provider> decisions) {
            Provider bestAt = cheapestPlace(unit, null);
            if (bestAt == null && hasRuleAmongMembers(unit)) {
                return false;
            }
            long bestCost = bestAt == null ? Long.MAX_VALUE : unit.staticSoftPoints(bestAt) + apartPoints(unit, bestAt);
            List<Provider> candidates = unit.getCandidates();
            CaseloadMemo.CandidatePoints points = candidatePoints(unit);
            for (int k = 0; k < Math.min(REPAIR_CANDIDATES, candidates.size()); k++) {
                Provider provider = candidates.get(k);
                long own = points.at(k);
                if (own >= bestCost) {
                    break;
                }
                if (fits(unit, provider, null)) {
                    continue;
                }
                Map<PlacementUnit, Provider> moved = evictFor(unit, provider);
                if (moved == null) {
                    continue;
                }
                long cost = own;
                for (Map.Entry<PlacementUnit, Provider> e : moved.entrySet()) {
                    cost += e.getKey().staticSoftPoints(e.getValue())
                            - e.getKey().staticSoftPoints(provider);
                }
                undo(moved, provider);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestAt = provider;
                }
            }
            if (bestAt == null) {
                return false;
            }
            if (!fits(unit, bestAt, null)) {
                decisions.putAll(evictFor(unit, bestAt));
            }
            place(unit, bestAt);
            decisions.put(unit, bestAt);
            return true;
        }

        /**
         * Moves residents of the provider on, cheapest to move first, until the unit fits there; returns who went
         * where, or null (nothing changed) when the unit cannot fit that way.
         */
        private Map<PlacementUnit, Provider> evictFor(PlacementUnit unit, Provider provider) {
            List<PlacementUnit> residents = new ArrayList<>();
            Map<PlacementUnit, Long> extra = new HashMap<>();
            for (PlacementUnit resident : unitsAt(provider)) {
                Provider onward = resident.isPinned() ? null : cheapestPlace(resident, provider);
                if (onward != null) {
                    residents.add(resident);
                    extra.put(resident, resident.staticSoftPoints(onward) - resident.staticSoftPoints(provider));
                }
            }
            residents.sort(Comparator.comparingLong(extra::get));
            Map<PlacementUnit, Provider> moved = new LinkedHashMap<>();
            for (PlacementUnit resident : residents) {
                if (fits(unit, provider, null)) {
                    break;
                }
                remove(resident);
                Provider onward = cheapestPlace(resident, provider);
                if (onward == null) {
                    place(resident, provider);
                    continue;
                }
                place(resident, onward);
                moved.put(resident, onward);
            }
            if (fits(unit, provider, null)) {
                return moved;
            }
            undo(moved, provider);
            return null;
        }

        /** Brings the moved residents back to the provider. */
        private void undo(Map<PlacementUnit, Provider> moved, Provider provider) {
            moved.keySet().forEach(resident -> {
                remove(resident);
                place(resident, provider);
            });
        }

        /** The rule-abiding place with the fewest soft points now (other than {@code not}), or null. Candidates come cheapest first. */
        Provider cheapestPlace(PlacementUnit unit, Provider not) {
            if (hasRuleAmongMembers(unit)) {
                return null;
            }
            Provider best = null;
            long bestPoints = Long.MAX_VALUE;
            List<Provider> candidates = unit.getCandidates();
            CaseloadMemo.CandidatePoints known = candidatePoints(unit);
            for (int k = 0; k < candidates.size(); k++) {
                Provider provider = candidates.get(k);
                long points = known.at(k);
                if (points >= bestPoints) {
                    break;
                }
                if (provider == not || !fits(unit, provider, null)) {
                    continue;
                }
                points += apartPoints(unit, provider);
                if (points < bestPoints) {
                    best = provider;
                    bestPoints = points;
                }
            }
            return best;
        }

        /** Whether the unit can join the provider breaking no rule (its own rules among its members included). */
        boolean fitsWithin(PlacementUnit unit, Provider provider) {
            return !hasRuleAmongMembers(unit) && fits(unit, provider, null);
        }

        /** Whether the unit's own members break H10 or H11 together: then it can go nowhere. */
        private static boolean hasRuleAmongMembers(PlacementUnit unit) {
            return PlacementRules.pairsWithin(unit.getMembers(), HardRule.H10) > 0
                    || PlacementRules.pairsWithin(unit.getMembers(), HardRule.H11) > 0;
        }

        /** Whether the unit can join the provider breaking no rule, with {@code leaving} (if any) gone from there. */
        private boolean fits(PlacementUnit unit, Provider provider, PlacementUnit leaving) {
            if (!unit.isEligible(provider)) {
                return false;
            }
            List<PlacementUnit> residents = unitsAt(provider);
            // Capacity first, counting alone: the rounding asks mostly about full places, and the rules below need
            // the children gathered into lists.
            int childrenThere = 0;
            for (PlacementUnit resident : residents) {
                if (resident != leaving && resident != unit) {
                    childrenThere += resident.size();
                }
            }
            if (PlacementRules.capacityPoints(provider, childrenThere + unit.size()) > 0) {
                return false;
            }
            List<Child> there = new ArrayList<>();
            for (PlacementUnit resident : residents) {
                if (resident != leaving && resident != unit) {
                    there.addAll(resident.getMembers());
                }
            }
            List<Child> all = new ArrayList<>(there);
            all.addAll(unit.getMembers());
            boolean oneGroup = all.getFirst().getSiblingGroup() != null
                    && all.stream().allMatch(c -> c.isSiblingOf(all.getFirst()));
            return PlacementRules.capacityPoints(provider, all.size()) == 0
                    && PlacementRules.fosteringLimitPoints(provider, all.size(), oneGroup) == 0
                    && PlacementRules.mayShare(unit.getMembers(), there);
        }

        private CaseloadMemo.CandidatePoints candidatePoints(PlacementUnit unit) {
            return memo.pointsOf(unit);
        }

        private long apartPoints(PlacementUnit unit, Provider provider) {
            if (unit.getApartGroup() == null) {
                return 0;
            }
            Map<Provider, Integer> used = apartGroupProviders.getOrDefault(unit.getApartGroup(), Map.of());
            // The providers the unit's siblings use, not counting the unit's own place if it is there alone.
            Provider own = position.get(unit);
            boolean aloneAtOwn = own != null && used.getOrDefault(own, 0) == 1;
            int others = used.size() - (aloneAtOwn ? 1 : 0);
            boolean joins = used.containsKey(provider) && !(provider == own && aloneAtOwn);
            if (others == 0 || joins) {
                return 0;
            }
            return SoftTerms.siblingsApartPoints(others + 1, solution.getWeights())
                    - SoftTerms.siblingsApartPoints(others, solution.getWeights());
        }
    }
}
