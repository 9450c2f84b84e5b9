package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;

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
 * that breaks no rule and adds the fewest soft points at that moment. It is both the solver's
 * construction phase (fast even for a region: each unit's options are sorted cheapest first) and
 * the "current practice" baseline the engine is measured against.
 */
public class GreedyPlacement implements PhaseCommand<PlacementSolution> {

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider = context.getSolutionMetaModel()
                .genuineEntity(PlacementUnit.class).basicVariable("provider", Provider.class);
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
        State state = new State(solution);
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
            Provider best = state.cheapestPlace(unit, null);
            if (best != null) {
                state.place(unit, best);
                decisions.put(unit, best);
            } else {
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

    /** The current-practice baseline, applied directly (outside a solver): nobody already placed moves. */
    public static void apply(PlacementSolution solution) {
        decide(solution, false).forEach(PlacementUnit::setProvider);
    }

    /** Who is where, kept up to date as units are placed and moved. */
    private static final class State {
        private final Map<Provider, List<PlacementUnit>> unitsAt = new HashMap<>();
        private final Map<String, Map<Provider, Integer>> apartGroupProviders = new HashMap<>();
        private final Map<PlacementUnit, Provider> position = new HashMap<>();
        private final PlacementSolution solution;

        State(PlacementSolution solution) {
            this.solution = solution;
            for (PlacementUnit unit : solution.getUnits()) {
                if (unit.getProvider() != null) {
                    place(unit, unit.getProvider());
                }
            }
        }

        void place(PlacementUnit unit, Provider provider) {
            unitsAt.computeIfAbsent(provider, p -> new ArrayList<>()).add(unit);
            position.put(unit, provider);
            if (unit.getApartGroup() != null) {
                apartGroupProviders.computeIfAbsent(unit.getApartGroup(), g -> new HashMap<>()).merge(provider, 1, Integer::sum);
            }
        }

        void remove(PlacementUnit unit) {
            Provider provider = position.remove(unit);
            unitsAt.get(provider).remove(unit);
            if (unit.getApartGroup() != null) {
                apartGroupProviders.get(unit.getApartGroup()).computeIfPresent(provider, (p, n) -> n == 1 ? null : n - 1);
            }
        }

        /**
         * Frees a place for a unit left without one: the first of its cheapest candidates where the movable
         * residents, moved on one by one to other rule-abiding places, make room for the unit.
         */
        void freePlaceFor(PlacementUnit unit, Map<PlacementUnit, Provider> decisions) {
            List<Provider> candidates = unit.getCandidates();
            for (Provider provider : candidates.subList(0, Math.min(REPAIR_CANDIDATES, candidates.size()))) {
                Map<PlacementUnit, Provider> moved = new LinkedHashMap<>();
                for (PlacementUnit resident : List.copyOf(unitsAt.getOrDefault(provider, List.of()))) {
                    if (fits(unit, provider, null)) {
                        break;
                    }
                    if (resident.isPinned()) {
                        continue;
                    }
                    remove(resident);
                    Provider onward = cheapestPlace(resident, provider);
                    if (onward == null) {
                        place(resident, provider);
                        break;
                    }
                    place(resident, onward);
                    moved.put(resident, onward);
                }
                if (fits(unit, provider, null)) {
                    place(unit, provider);
                    decisions.putAll(moved);
                    decisions.put(unit, provider);
                    return;
                }
                moved.keySet().forEach(resident -> {
                    remove(resident);
                    place(resident, provider);
                });
            }
        }

        /** The rule-abiding place with the fewest soft points now (other than {@code not}), or null. Candidates come cheapest first. */
        Provider cheapestPlace(PlacementUnit unit, Provider not) {
            if (PlacementRules.pairsWithin(unit.getMembers(), HardRule.H10) > 0
                    || PlacementRules.pairsWithin(unit.getMembers(), HardRule.H11) > 0) {
                return null;
            }
            Provider best = null;
            long bestPoints = Long.MAX_VALUE;
            for (Provider provider : unit.getCandidates()) {
                long points = unit.staticSoftPoints(provider);
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

        /** Whether the unit can join the provider breaking no rule, with {@code leaving} (if any) gone from there. */
        private boolean fits(PlacementUnit unit, Provider provider, PlacementUnit leaving) {
            if (!unit.isEligible(provider)) {
                return false;
            }
            List<Child> there = new ArrayList<>();
            for (PlacementUnit resident : unitsAt.getOrDefault(provider, List.of())) {
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
                    && PlacementRules.riskToYoungerPoints(unit.getMembers(), there) == 0
                    && PlacementRules.solePlacementPoints(unit.getMembers(), there) == 0;
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
