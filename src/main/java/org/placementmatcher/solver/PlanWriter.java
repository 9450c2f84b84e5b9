package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ServicePostcodes;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;

/** Writes a scored solution as the contract's {@link PlacementPlan}: assignments in input order and the KPIs. */
public final class PlanWriter {

    private PlanWriter() {}

    public static PlacementPlan toPlan(PlacementSolution solution) {
        return toPlan(solution, null);
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
        HardMediumSoftScore score = solution.getScore();
        Map<Child, Provider> placement = providerByChild(solution);
        List<Assignment> assignments = new ArrayList<>(solution.getChildren().size());
        int placed = 0;
        int outOfArea = 0;
        int far = 0;
        int dfeCounted = 0;
        int dfeFar = 0;
        PostcodeDirectory postcodes = ServicePostcodes.directory();
        int moves = 0;
        BigDecimal weeklyCost = BigDecimal.ZERO;
        Map<String, Set<Provider>> providersByGroup = new HashMap<>();
        for (Child child : solution.getChildren()) {
            Provider provider = placement.get(child);
            boolean moved = isMoved(child, provider);
            assignments.add(new Assignment(child.getId(), provider == null ? null : provider.getId(), moved));
            if (provider == null) {
                continue;
            }
            placed++;
            outOfArea += provider.isInHomeAuthority() ? 0 : 1;
            far += child.milesTo(provider) > SoftTerms.FAR_MILES ? 1 : 0;
            Optional<Double> dfeMiles = child.getDistancePostcode() == null || provider.getPostcode() == null
                    ? Optional.empty()
                    : postcodes.dfeMiles(child.getDistancePostcode(), provider.getPostcode());
            if (dfeMiles.isPresent()) {
                dfeCounted++;
                dfeFar += dfeMiles.get() > SoftTerms.FAR_MILES ? 1 : 0;
            }
            moves += moved ? 1 : 0;
            weeklyCost = weeklyCost.add(BigDecimal.valueOf(provider.getWeeklyCost()));
            if (child.getSiblingGroup() != null) {
                providersByGroup
                        .computeIfAbsent(child.getSiblingGroup(), g -> new HashSet<>())
                        .add(provider);
            }
        }
        int split = (int) providersByGroup.values().stream()
                .filter(providers -> providers.size() > 1)
                .count();
        int children = solution.getChildren().size();
        Kpis kpis = new Kpis(
                children,
                placed,
                children - placed,
                percent(outOfArea, placed),
                percent(far, placed),
                moves,
                split,
                weeklyCost.doubleValue(),
                dfeCounted == 0 ? null : percent(dfeFar, dfeCounted));
        BestBound.Gap gap = bound == null || score == null ? null : BestBound.Gap.of(score, bound);
        return new PlacementPlan(
                solution.getName(),
                score == null ? null : ScoreText.format(score),
                score != null && score.isFeasible(),
                assignments,
                kpis,
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

    private static double percent(int count, int of) {
        if (of == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(count * 100L)
                .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
