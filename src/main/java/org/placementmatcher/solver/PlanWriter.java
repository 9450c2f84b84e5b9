package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ServicePostcodes;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementArea;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;

/**
 * Writes a scored solution as the contract's {@link PlacementPlan}: assignments in input order, the KPIs, and the
 * KPIs of each responsible authority's children (section 8), by authority code.
 */
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
        PostcodeDirectory postcodes = ServicePostcodes.directory();
        KpiTally all = new KpiTally();
        Map<String, KpiTally> byAuthority = new TreeMap<>();
        for (Child child : solution.getChildren()) {
            Provider provider = placement.get(child);
            boolean moved = isMoved(child, provider);
            assignments.add(new Assignment(child.getId(), provider == null ? null : provider.getId(), moved));
            Optional<Double> dfeMiles =
                    provider == null || child.getDistancePostcode() == null || provider.getPostcode() == null
                            ? Optional.empty()
                            : postcodes.dfeMiles(child.getDistancePostcode(), provider.getPostcode());
            all.add(child, provider, moved, dfeMiles);
            byAuthority
                    .computeIfAbsent(child.getResponsibleAuthority(), a -> new KpiTally())
                    .add(child, provider, moved, dfeMiles);
        }
        Map<String, Kpis> kpisByAuthority = new LinkedHashMap<>();
        byAuthority.forEach((authority, tally) -> kpisByAuthority.put(authority, tally.kpis()));
        BestBound.Gap gap = bound == null || score == null ? null : BestBound.Gap.of(score, bound);
        return new PlacementPlan(
                solution.getName(),
                score == null ? null : ScoreText.format(score),
                score != null && score.isFeasible(),
                assignments,
                all.kpis(),
                kpisByAuthority,
                gap == null ? null : ScoreText.format(bound),
                gap == null ? null : gap.percent(),
                gap == null || gap.hard() != 0 ? null : gap.medium());
    }

    /**
     * The KPIs of docs/contract.md section 4 over some of the plan's children: all of them for {@code kpis}, the
     * children of one responsible authority for an entry of {@code kpisByAuthority} (section 8), where a sibling
     * group counts as split when that authority's placed members of it are at more than one provider.
     */
    private static final class KpiTally {
        private int children;
        private int placed;
        private int outOfArea;
        private int far;
        private int dfeCounted;
        private int dfeFar;
        private int moves;
        private BigDecimal weeklyCost = BigDecimal.ZERO;
        private final Map<String, Set<Provider>> providersByGroup = new HashMap<>();

        void add(Child child, Provider provider, boolean moved, Optional<Double> dfeMiles) {
            children++;
            if (provider == null) {
                return;
            }
            placed++;
            outOfArea += PlacementArea.isOutOfArea(child, provider) ? 1 : 0;
            far += child.milesTo(provider) > SoftTerms.FAR_MILES ? 1 : 0;
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

        Kpis kpis() {
            int split = (int) providersByGroup.values().stream()
                    .filter(providers -> providers.size() > 1)
                    .count();
            return new Kpis(
                    children,
                    placed,
                    children - placed,
                    percent(outOfArea, placed),
                    percent(far, placed),
                    moves,
                    split,
                    weeklyCost.doubleValue(),
                    dfeCounted == 0 ? null : percent(dfeFar, dfeCounted));
        }
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
