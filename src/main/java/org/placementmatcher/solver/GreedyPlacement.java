package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        decide(context.getWorkingSolution()).forEach((unit, place) -> {
            if (!context.isPhaseTerminated()) {
                context.execute(Moves.change(provider, unit, place));
            }
        });
    }

    /** The decisions for the solution as it stands: for each waiting unit, where it goes (absent: stays unplaced). */
    public static Map<PlacementUnit, Provider> decide(PlacementSolution solution) {
        State state = new State(solution);
        Map<PlacementUnit, Provider> decisions = new LinkedHashMap<>();
        List<PlacementUnit> waiting = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getProvider() == null && !unit.isPinned()) {
                waiting.add(unit);
            }
        }
        waiting.sort(new UnitDifficulty().reversed());
        for (PlacementUnit unit : waiting) {
            Provider best = state.cheapestPlace(unit);
            if (best != null) {
                state.place(unit, best);
                decisions.put(unit, best);
            }
        }
        return decisions;
    }

    /** Applies {@link #decide} directly (outside a solver). */
    public static void apply(PlacementSolution solution) {
        decide(solution).forEach(PlacementUnit::setProvider);
    }

    /** Who is where, kept up to date as units are placed. */
    private static final class State {
        private final Map<Provider, List<Child>> childrenAt = new HashMap<>();
        private final Map<String, Set<Provider>> apartGroupProviders = new HashMap<>();
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
            childrenAt.computeIfAbsent(provider, p -> new ArrayList<>()).addAll(unit.getMembers());
            if (unit.getApartGroup() != null) {
                apartGroupProviders.computeIfAbsent(unit.getApartGroup(), g -> new HashSet<>()).add(provider);
            }
        }

        /** The rule-abiding place with the fewest soft points now, or null. Candidates come cheapest first. */
        Provider cheapestPlace(PlacementUnit unit) {
            if (PlacementRules.pairsWithin(unit.getMembers(), HardRule.H10) > 0) {
                return null;
            }
            Provider best = null;
            long bestPoints = Long.MAX_VALUE;
            for (Provider provider : unit.getCandidates()) {
                long points = unit.staticSoftPoints(provider);
                if (points >= bestPoints) {
                    break;
                }
                if (!fits(unit, provider)) {
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

        private boolean fits(PlacementUnit unit, Provider provider) {
            if (!unit.isEligible(provider)) {
                return false;
            }
            List<Child> there = childrenAt.getOrDefault(provider, List.of());
            List<Child> all = new ArrayList<>(there);
            all.addAll(unit.getMembers());
            boolean oneGroup = all.getFirst().getSiblingGroup() != null
                    && all.stream().allMatch(c -> c.isSiblingOf(all.getFirst()));
            return PlacementRules.capacityPoints(provider, all.size()) == 0
                    && PlacementRules.fosteringLimitPoints(provider, all.size(), oneGroup) == 0
                    && PlacementRules.riskToYoungerPoints(unit.getMembers(), there) == 0
                    && PlacementRules.solePlacementPoints(unit.getMembers(), there) == 0
                    && PlacementRules.pairsWithin(unit.getMembers(), HardRule.H11) == 0;
        }

        private long apartPoints(PlacementUnit unit, Provider provider) {
            if (unit.getApartGroup() == null) {
                return 0;
            }
            Set<Provider> used = apartGroupProviders.getOrDefault(unit.getApartGroup(), Set.of());
            if (used.isEmpty() || used.contains(provider)) {
                return 0;
            }
            return SoftTerms.siblingsApartPoints(used.size() + 1, solution.getWeights())
                    - SoftTerms.siblingsApartPoints(used.size(), solution.getWeights());
        }
    }
}
