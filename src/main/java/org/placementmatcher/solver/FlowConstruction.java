package org.placementmatcher.solver;

import java.util.HashMap;
import java.util.Map;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;

import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Construction from the relaxed optimum: the whole caseload solved as a minimum-cost flow
 * ({@link PlacementFlow}: medium first, then soft, with the move weight keeping children where they are
 * unless moving pays), then rounded to a plan that breaks no rule ({@link GreedyPlacement#decideFrom}:
 * each unit at the provider taking most of its children, where the rules on who shares a placement allow;
 * the rest where they cost least counting the residents moved on), and the single children then routed again,
 * exactly, around the groups as placed. Local search then only has what the flow cannot see to fix: sibling
 * groups split by the flow, the fostering limit, H10/H11 and siblingsApart.
 */
public class FlowConstruction implements PhaseCommand<PlacementSolution> {

    /** One child, with no sibling placed apart and no rule on who may share its placement. */
    private static boolean isPlainSingle(PlacementUnit unit) {
        return unit.size() == 1 && unit.getApartGroup() == null && !unit.isAnyRiskToYounger() && !unit.isAnySolePlacement();
    }

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlacementSolution solution = context.getWorkingSolution();
        PlacementFlow flow = new PlacementFlow(solution, true, Map.of());
        if (!flow.solve(context::isPhaseTerminated).complete()) {
            // Stopped by the time limit: a half-routed flow says nothing useful; the caseload stays as it came.
            return;
        }
        Map<PlacementUnit, Provider> decisions = GreedyPlacement.decideFrom(solution, flow.mostFlow());
        // With the groups and the children the flow cannot see whole (apart siblings, H10/H11) held where rounding put
        // them, the plain single children are a pure transportation problem: the flow routes them exactly.
        Map<PlacementUnit, Provider> held = new HashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned() && !isPlainSingle(unit)) {
                held.put(unit, decisions.get(unit));
            }
        }
        if (!context.isPhaseTerminated()) {
            PlacementFlow singles = new PlacementFlow(solution, false, held);
            if (singles.solve(context::isPhaseTerminated).complete()) {
                Map<PlacementUnit, Provider> preferred = new HashMap<>(held);
                preferred.putAll(singles.mostFlow());
                decisions = GreedyPlacement.decideFrom(solution, preferred);
            }
        }
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> provider = context.getSolutionMetaModel()
                .genuineEntity(PlacementUnit.class).basicVariable("provider", Provider.class);
        for (PlacementUnit unit : solution.getUnits()) {
            if (context.isPhaseTerminated()) {
                return;
            }
            Provider place = decisions.get(unit);
            if (!unit.isPinned() && place != unit.getProvider()) {
                context.execute(Moves.change(provider, unit, place));
            }
        }
    }
}
