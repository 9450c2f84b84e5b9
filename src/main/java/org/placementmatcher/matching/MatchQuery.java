package org.placementmatcher.matching;

import static org.placementmatcher.matching.Contribution.HARD_RULES;
import static org.placementmatcher.matching.Contribution.SOFT_TERMS;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.matching.Caseload.Site;

/**
 * One query's children and the caseload around them: what the children contribute to the score where they are
 * today and at any one site, worked out locally from the shared rule definitions. Only the children at those
 * sites and the children's own sibling group can change, so nothing else is looked at.
 */
final class MatchQuery {

    private static final HardRule[] PER_CHILD_RULES =
            Arrays.stream(HARD_RULES).filter(HardRule::isPerChildAtProvider).toArray(HardRule[]::new);
    private static final SoftTerm[] PER_CHILD_TERMS =
            Arrays.stream(SOFT_TERMS).filter(SoftTerm::isPerChildAtProvider).toArray(SoftTerm[]::new);

    /** The soft points of an option that breaks a hard rule: never read, so one array serves them all. */
    private static final long[] NOT_SCORED = new long[SOFT_TERMS.length];

    private final Caseload caseload;
    private final List<Child> named;
    /** The children as asked about (the same, or as emergencies). */
    private final List<Child> asked;

    private final Set<String> namedIds = new HashSet<>();
    /** Where the named children are today: the only sites whose children today include named ones. */
    private final List<Site> sitesToday = new ArrayList<>();
    /** The providers of the placed siblings outside the query, for a placeTogether=false group. */
    private final Set<Provider> siblingsElsewhere;

    private final boolean anyAskedRiskToYounger;
    private final boolean anyAskedRequiresSole;
    private final ScoringWeights weights;

    MatchQuery(Caseload caseload, List<Child> named, List<Child> asked) {
        this.caseload = caseload;
        this.named = named;
        this.asked = asked;
        this.weights = caseload.today().getWeights();
        for (Child child : named) {
            namedIds.add(child.getId());
            Site site = caseload.siteOf(caseload.positionOf(child));
            if (site != null && !sitesToday.contains(site)) {
                sitesToday.add(site);
            }
        }
        anyAskedRiskToYounger = asked.stream().anyMatch(Child::isRiskToYoungerChildren);
        anyAskedRequiresSole = asked.stream().anyMatch(Child::isRequiresSolePlacement);
        Child first = asked.getFirst();
        siblingsElsewhere = first.getSiblingGroup() != null && !first.isPlaceTogether()
                ? siblingsPlacedElsewhere(first.getSiblingGroup())
                : Set.of();
    }

    /** The children as asked about (the same as named, or as emergencies). */
    List<Child> asked() {
        return asked;
    }

    ScoringWeights weights() {
        return weights;
    }

    /** An emergency query raises the urgency of children who wait today; the score today reflects it. */
    HardMediumSoftScore urgencyChangeToday() {
        long change = 0;
        for (int i = 0; i < named.size(); i++) {
            if (caseload.positionOf(named.get(i)) == null) {
                change -= asked.get(i).getUrgency().unplacedWeight()
                        - named.get(i).getUrgency().unplacedWeight();
            }
        }
        return HardMediumSoftScore.ofMedium(change);
    }

    Contribution contributionToday() {
        List<Site> positions = new ArrayList<>(named.size());
        for (Child child : named) {
            positions.add(caseload.siteOf(caseload.positionOf(child)));
        }
        List<Site> used = new ArrayList<>(1);
        positions.stream().filter(site -> site != null && !used.contains(site)).forEach(used::add);
        return contribution(positions, used, false);
    }

    Contribution contributionAt(Site site) {
        return contribution(Collections.nCopies(asked.size(), site), List.of(site), true);
    }

    /**
     * @param positions the site of each asked child, in order; null for waiting
     * @param used the distinct sites of the positions
     * @param onlyIfFeasible leave the soft points out when a hard rule is broken
     */
    private Contribution contribution(List<Site> positions, List<Site> used, boolean onlyIfFeasible) {
        int[] hard = new int[HARD_RULES.length];
        long medium = 0;
        for (int i = 0; i < asked.size(); i++) {
            Child child = asked.get(i);
            Site site = positions.get(i);
            if (site == null) {
                medium -= child.getUrgency().unplacedWeight();
                continue;
            }
            for (HardRule rule : PER_CHILD_RULES) {
                hard[rule.ordinal()] += PlacementRules.childAtProviderPoints(rule, child, site.provider());
            }
        }
        for (Site site : used) {
            addProviderRules(hard, site, askedAt(site, positions));
        }
        Child first = asked.getFirst();
        boolean placeTogether = first.getSiblingGroup() != null && first.isPlaceTogether();
        if (placeTogether) {
            List<Provider> providers = new ArrayList<>(positions.size());
            positions.forEach(site -> providers.add(site == null ? null : site.provider()));
            hard[HardRule.H3.ordinal()] += PlacementRules.siblingsTogetherPoints(providers);
        }
        if (onlyIfFeasible && Contribution.anyPositive(hard)) {
            return new Contribution(hard, medium, NOT_SCORED, 0);
        }
        long[] soft = new long[SOFT_TERMS.length];
        double maxMiles = 0;
        for (int i = 0; i < asked.size(); i++) {
            Site site = positions.get(i);
            if (site == null) {
                continue;
            }
            Child child = asked.get(i);
            double miles = child.milesTo(site.provider());
            maxMiles = Math.max(maxMiles, miles);
            for (SoftTerm term : PER_CHILD_TERMS) {
                soft[term.ordinal()] += term == SoftTerm.COST
                        ? site.costPoints()
                        : SoftTerms.points(term, child, site.provider(), weights, miles);
            }
        }
        if (first.getSiblingGroup() != null && !placeTogether) {
            soft[SoftTerm.SIBLINGS_APART.ordinal()] += siblingsApartChange(positions);
        }
        return new Contribution(hard, medium, soft, maxMiles);
    }

    private List<Child> askedAt(Site site, List<Site> positions) {
        if (positions.size() == 1) {
            return asked;
        }
        List<Child> there = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            if (positions.get(i) == site) {
                there.add(asked.get(i));
            }
        }
        return there;
    }

    /** H1, H14, H10, H11 at one provider: the points with these children there minus the points without them. */
    private void addProviderRules(int[] hard, Site site, List<Child> children) {
        Provider provider = site.provider();
        List<Child> others = others(site);
        int all = others.size() + children.size();
        hard[HardRule.H1.ordinal()] +=
                PlacementRules.capacityPoints(provider, all) - PlacementRules.capacityPoints(provider, others.size());
        boolean othersOneGroup = others == site.children() ? site.oneSiblingGroup() : Caseload.oneSiblingGroup(others);
        boolean allOneGroup = others.isEmpty()
                ? Caseload.oneSiblingGroup(children)
                : othersOneGroup && children.stream().allMatch(c -> c.isSiblingOf(others.getFirst()));
        hard[HardRule.H14.ordinal()] += PlacementRules.fosteringLimitPoints(provider, all, allOneGroup)
                - PlacementRules.fosteringLimitPoints(provider, others.size(), othersOneGroup);
        // A pair needs a child who is a risk to younger ones (H10) or needs a sole placement (H11).
        if (anyAskedRiskToYounger || site.anyRiskToYounger()) {
            hard[HardRule.H10.ordinal()] += PlacementRules.riskToYoungerPoints(children, others)
                    + PlacementRules.pairsWithin(children, HardRule.H10);
        }
        if (anyAskedRequiresSole || site.anyRequiresSole()) {
            hard[HardRule.H11.ordinal()] += PlacementRules.solePlacementPoints(children, others)
                    + PlacementRules.pairsWithin(children, HardRule.H11);
        }
    }

    /** The children at the provider today, other than the named ones. */
    List<Child> others(Site site) {
        if (!sitesToday.contains(site)) {
            return site.children();
        }
        List<Child> others = new ArrayList<>(site.children().size());
        for (Child child : site.children()) {
            if (!namedIds.contains(child.getId())) {
                others.add(child);
            }
        }
        return others;
    }

    private Set<Provider> siblingsPlacedElsewhere(String group) {
        Set<Provider> elsewhere = new HashSet<>();
        for (Child sibling : caseload.siblingGroup(group)) {
            Provider at = caseload.positionOf(sibling);
            if (!namedIds.contains(sibling.getId()) && at != null) {
                elsewhere.add(at);
            }
        }
        return elsewhere;
    }

    /** siblingsApart of the child's placeTogether=false group with the child at these positions, minus without it. */
    private long siblingsApartChange(List<Site> positions) {
        Set<Provider> with = new HashSet<>(siblingsElsewhere);
        positions.stream().filter(site -> site != null).forEach(site -> with.add(site.provider()));
        return SoftTerms.siblingsApartPoints(with.size(), weights)
                - SoftTerms.siblingsApartPoints(siblingsElsewhere.size(), weights);
    }
}
