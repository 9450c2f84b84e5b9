package org.placementmatcher.solver;

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
import java.util.function.Predicate;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ServicePostcodes;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementArea;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;

/**
 * What each child of a solved plan adds to its KPIs (docs/contract.md section 4), kept so the KPIs can be worked out
 * over any of its children: all of them for the plan's {@code kpis}, one responsible authority's for an entry of
 * {@code kpisByAuthority} (section 8), or the children a reader of part of a shared register is shown (an analysis
 * job's plan, {@code sufficiency/JobSight}). Names no one: it is never written out.
 */
public final class PlanFigures {

    /**
     * One child's part: where it is placed (null: unplaced) and what that placement counts in.
     *
     * @param dfeFar over 20 miles the DfE way; null when that distance is not known
     */
    private record ChildFigure(
            String childId,
            String authority,
            String siblingGroup,
            String providerId,
            boolean outOfArea,
            boolean far,
            Boolean dfeFar,
            boolean moved,
            double weeklyCost) {}

    private final List<ChildFigure> children;

    private PlanFigures(List<ChildFigure> children) {
        this.children = children;
    }

    public static PlanFigures of(PlacementSolution solution) {
        Map<Child, Provider> placement = PlanWriter.providerByChild(solution);
        PostcodeDirectory postcodes = ServicePostcodes.directory();
        List<ChildFigure> figures = new ArrayList<>(solution.getChildren().size());
        for (Child child : solution.getChildren()) {
            Provider provider = placement.get(child);
            if (provider == null) {
                figures.add(new ChildFigure(
                        child.getId(),
                        child.getResponsibleAuthority(),
                        child.getSiblingGroup(),
                        null,
                        false,
                        false,
                        null,
                        false,
                        0));
                continue;
            }
            Optional<Double> dfeMiles = child.getDistancePostcode() == null || provider.getPostcode() == null
                    ? Optional.empty()
                    : postcodes.dfeMiles(child.getDistancePostcode(), provider.getPostcode());
            figures.add(new ChildFigure(
                    child.getId(),
                    child.getResponsibleAuthority(),
                    child.getSiblingGroup(),
                    provider.getId(),
                    PlacementArea.isOutOfArea(child, provider),
                    child.milesTo(provider) > SoftTerms.FAR_MILES,
                    dfeMiles.map(miles -> miles > SoftTerms.FAR_MILES).orElse(null),
                    PlanWriter.isMoved(child, provider),
                    provider.getWeeklyCost()));
        }
        return new PlanFigures(List.copyOf(figures));
    }

    /** The KPIs of every child of the plan. */
    public Kpis kpis() {
        return kpis(id -> true);
    }

    /** The KPIs of the plan's children {@code counted} keeps (by child id), as if they were all of it. */
    public Kpis kpis(Predicate<String> counted) {
        KpiTally tally = new KpiTally();
        children.stream().filter(child -> counted.test(child.childId())).forEach(tally::add);
        return tally.kpis();
    }

    /** The KPIs of each responsible authority's children, by authority code in order. */
    public Map<String, Kpis> kpisByAuthority() {
        Map<String, KpiTally> byAuthority = new TreeMap<>();
        children.forEach(child -> byAuthority
                .computeIfAbsent(child.authority(), a -> new KpiTally())
                .add(child));
        Map<String, Kpis> kpis = new LinkedHashMap<>();
        byAuthority.forEach((authority, tally) -> kpis.put(authority, tally.kpis()));
        return kpis;
    }

    /**
     * The KPIs over some of the plan's children, where a sibling group counts as split when its placed members
     * counted are at more than one provider.
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
        private final Map<String, Set<String>> providersByGroup = new HashMap<>();

        void add(ChildFigure child) {
            children++;
            if (child.providerId() == null) {
                return;
            }
            placed++;
            outOfArea += child.outOfArea() ? 1 : 0;
            far += child.far() ? 1 : 0;
            if (child.dfeFar() != null) {
                dfeCounted++;
                dfeFar += child.dfeFar() ? 1 : 0;
            }
            moves += child.moved() ? 1 : 0;
            weeklyCost = weeklyCost.add(BigDecimal.valueOf(child.weeklyCost()));
            if (child.siblingGroup() != null) {
                providersByGroup
                        .computeIfAbsent(child.siblingGroup(), g -> new HashSet<>())
                        .add(child.providerId());
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

    private static double percent(int count, int of) {
        if (of == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(count * 100L)
                .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
