package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * A caseload loaded for match queries: everyone where they are today, indexed by provider and by
 * sibling group, with today's score. Built once; each query then only looks at the children it
 * names and at who lives at each provider, so answers come in milliseconds even for a region.
 * Read-only after construction, so concurrent queries may share it.
 */
public final class Caseload {

    /**
     * A provider with what a query needs of it that does not depend on the children asked about: who lives
     * there today, whether they are all one sibling group (H14's exception), whether any of them is a risk to
     * younger children (H10) or needs a sole placement (H11), and the cost points of one child there.
     */
    record Site(
            Provider provider,
            List<Child> children,
            boolean oneSiblingGroup,
            boolean anyRiskToYounger,
            boolean anyRequiresSole,
            long costPoints) {}

    private final PlacementSolution today;
    private final HardMediumSoftScore score;
    private final Map<String, Child> childrenById = new HashMap<>();
    private final Map<Child, PlacementUnit> unitByChild = new HashMap<>();
    private final Map<String, List<Child>> siblingGroups = new HashMap<>();
    /** One per provider, in the order of {@link #providers()}: queries walk this array, not a map. */
    private final List<Site> sites;

    private final Map<Provider, Site> siteByProvider = new IdentityHashMap<>();

    private Caseload(PlacementSolution today) {
        this.today = today;
        Map<Provider, List<Child>> childrenByProvider = new IdentityHashMap<>();
        for (PlacementUnit unit : today.getUnits()) {
            for (Child child : unit.getMembers()) {
                unitByChild.put(child, unit);
                if (unit.getProvider() != null) {
                    childrenByProvider
                            .computeIfAbsent(unit.getProvider(), p -> new ArrayList<>())
                            .add(child);
                }
            }
        }
        for (Child child : today.getChildren()) {
            childrenById.put(child.getId(), child);
            if (child.getSiblingGroup() != null) {
                siblingGroups
                        .computeIfAbsent(child.getSiblingGroup(), g -> new ArrayList<>())
                        .add(child);
            }
        }
        Child anyChild =
                today.getChildren().isEmpty() ? null : today.getChildren().getFirst();
        List<Site> built = new ArrayList<>(today.getProviders().size());
        for (Provider provider : today.getProviders()) {
            List<Child> there = List.copyOf(childrenByProvider.getOrDefault(provider, List.of()));
            Site site = new Site(
                    provider,
                    there,
                    oneSiblingGroup(there),
                    there.stream().anyMatch(Child::isRiskToYoungerChildren),
                    there.stream().anyMatch(Child::isRequiresSolePlacement),
                    // The cost term reads the provider's weekly cost alone, so one child's points hold for any.
                    anyChild == null
                            ? 0
                            : SoftTerms.points(SoftTerm.COST, anyChild, provider, today.getWeights(), Double.NaN));
            built.add(site);
            siteByProvider.put(provider, site);
        }
        this.sites = List.copyOf(built);
        this.score = HardMediumSoftScore.parseScore(ScoreBreakdown.of(today).score());
    }

    public static Caseload of(PlacementProblem problem) {
        return new Caseload(ProblemMapper.asToday(problem));
    }

    /** Every child of the list has the same (named) sibling group; false for no children. */
    static boolean oneSiblingGroup(List<Child> children) {
        if (children.isEmpty() || children.getFirst().getSiblingGroup() == null) {
            return false;
        }
        Child first = children.getFirst();
        for (Child child : children) {
            if (!child.isSiblingOf(first)) {
                return false;
            }
        }
        return true;
    }

    public PlacementSolution today() {
        return today;
    }

    /** Today's score, everyone where they are. */
    public HardMediumSoftScore score() {
        return score;
    }

    public Child child(String id) {
        return childrenById.get(id);
    }

    public PlacementUnit unitOf(Child child) {
        return unitByChild.get(child);
    }

    /** Where the child is today (null when waiting). */
    public Provider positionOf(Child child) {
        return unitByChild.get(child).getProvider();
    }

    /** Children at the provider today. */
    public List<Child> childrenAt(Provider provider) {
        Site site = siteByProvider.get(provider);
        return site == null ? List.of() : site.children();
    }

    public List<Child> siblingGroup(String group) {
        return siblingGroups.getOrDefault(group, List.of());
    }

    public List<Provider> providers() {
        return today.getProviders();
    }

    /** Every provider as a site, in the order of {@link #providers()}. */
    List<Site> sites() {
        return sites;
    }

    /** The provider's site; null for a provider not in this caseload. */
    Site siteOf(Provider provider) {
        return provider == null ? null : siteByProvider.get(provider);
    }
}
