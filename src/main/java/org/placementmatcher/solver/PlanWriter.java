package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Writes a scored solution as the contract's {@link PlacementPlan}: assignments in input order, the KPIs, and the
 * KPIs of each responsible authority's children (section 8), by authority code ({@link PlanFigures}).
 */
public final class PlanWriter {

    private PlanWriter() {}

    public static PlacementPlan toPlan(PlacementSolution solution) {
        return toPlan(solution, PlanFigures.of(solution));
    }

    /** A plan and its proof ({@link PlacementSolver#solveAndBound}). */
    public static PlacementPlan toPlan(PlacementSolver.Proven proven) {
        return toPlan(proven.best(), proven.bound());
    }

    /**
     * The plan with its proof where {@code bound} is given: the bound as score text, and the gap to it (docs/contract.md,
     * "Extensions").
     */
    public static PlacementPlan toPlan(PlacementSolution solution, HardMediumSoftScore bound) {
        return toPlan(solution, bound, PlanFigures.of(solution));
    }

    /** The plan of a solution whose figures are at hand (kept with the plan for KPIs over some of its children). */
    public static PlacementPlan toPlan(PlacementSolution solution, PlanFigures figures) {
        return toPlan(solution, null, figures);
    }

    private static PlacementPlan toPlan(PlacementSolution solution, HardMediumSoftScore bound, PlanFigures figures) {
        HardMediumSoftScore score = solution.getScore();
        Map<Child, Provider> placement = providerByChild(solution);
        List<Assignment> assignments = new ArrayList<>(solution.getChildren().size());
        for (Child child : solution.getChildren()) {
            Provider provider = placement.get(child);
            assignments.add(new Assignment(
                    child.getId(), provider == null ? null : provider.getId(), isMoved(child, provider)));
        }
        BestBound.Gap gap = bound == null || score == null ? null : BestBound.Gap.of(score, bound);
        return new PlacementPlan(
                solution.getName(),
                score == null ? null : ScoreText.format(score),
                score != null && score.isFeasible(),
                assignments,
                figures.kpis(),
                figures.kpisByAuthority(),
                gap == null ? null : ScoreText.format(bound),
                gap == null ? null : gap.percent(),
                gap == null || gap.hard() != 0 ? null : gap.medium());
    }

    /** Moved: had a current placement and is now placed elsewhere. */
    public static boolean isMoved(Child child, Provider provider) {
        return child.getCurrentPlacement() != null && provider != null && provider != child.getCurrentPlacement();
    }

    public static Map<Child, Provider> providerByChild(PlacementSolution solution) {
        Map<Child, Provider> placement = new HashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            for (Child child : unit.getMembers()) {
                placement.put(child, unit.getProvider());
            }
        }
        return placement;
    }
}
