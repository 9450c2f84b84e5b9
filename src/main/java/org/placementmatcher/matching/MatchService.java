package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.matching.Caseload.Site;
import org.placementmatcher.matching.MatchResult.Approval;
import org.placementmatcher.matching.MatchResult.Exclusion;
import org.placementmatcher.matching.MatchResult.Option;
import org.placementmatcher.matching.MatchResult.SoftPoints;
import org.placementmatcher.solver.ScoreText;

/**
 * Match proposals and same-day emergency queries. Everyone else stays where they are today; the
 * named children (one child, or a whole placeTogether sibling group) are tried at every provider.
 * The score difference of each option is worked out locally, from the shared rule definitions, as
 * what the children contribute at the option minus what they contribute where they are today:
 * only the children at those two providers and the children's own sibling group can change.
 */
public final class MatchService {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    private static final HardRule[] HARD_RULES = HardRule.values();
    private static final SoftTerm[] SOFT_TERMS = SoftTerm.values();
    private static final HardRule[] PER_CHILD_RULES =
            Arrays.stream(HARD_RULES).filter(HardRule::isPerChildAtProvider).toArray(HardRule[]::new);
    private static final SoftTerm[] PER_CHILD_TERMS =
            Arrays.stream(SOFT_TERMS).filter(SoftTerm::isPerChildAtProvider).toArray(SoftTerm[]::new);

    private MatchService() {}

    /**
     * @param emergency treat the children as same-day emergencies (EMERGENCY, needed today), so only
     *        emergency-approved providers with a place free today pass the hard rules
     */
    public static MatchResult match(Caseload caseload, List<String> childIds, int limit, boolean emergency) {
        List<Child> named = resolve(caseload, childIds, limit);
        List<Child> asked = emergency
                ? named.stream()
                        .map(c -> c.asEmergency(caseload.today().getReferenceDate()))
                        .toList()
                : named;
        Query query = new Query(caseload, named, asked);
        Contribution today = query.contributionToday();
        HardMediumSoftScore scoreToday = caseload.score().add(query.urgencyChangeToday());

        // Only the best `limit` options are ranked: keep them in a heap whose head is the worst kept.
        PriorityQueue<Feasible> best = new PriorityQueue<>(limit + 1, RANKING.reversed());
        int feasibleCount = 0;
        List<Exclusion> excluded = new ArrayList<>();
        for (Site site : caseload.sites()) {
            Contribution there = query.contributionAt(site);
            if (there.violatesHardRules()) {
                List<HardRule> violated = there.violatedRules();
                Provider provider = site.provider();
                excluded.add(new Exclusion(
                        provider.getId(), provider.getType(), codes(violated), query.exclusionReasons(site, violated)));
            } else {
                feasibleCount++;
                best.add(new Feasible(site.provider(), there, there.score().subtract(today.score())));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Feasible> top = new ArrayList<>(best);
        top.sort(RANKING);
        List<Option> ranked = new ArrayList<>();
        for (Feasible f : top) {
            ranked.add(query.option(
                    ranked.size() + 1, f.provider(), f.there(), scoreToday.add(f.difference()), f.difference()));
        }
        return new MatchResult(
                named.stream().map(Child::getId).toList(),
                emergency,
                ScoreText.format(scoreToday),
                feasibleCount,
                ranked,
                excluded);
    }

    /** The rules' codes; a list per rule kept for the usual single one, as most exclusions break one rule. */
    private static List<String> codes(List<HardRule> violated) {
        if (violated.size() == 1) {
            return SINGLE_CODES.get(violated.getFirst().ordinal());
        }
        List<String> codes = new ArrayList<>(violated.size());
        violated.forEach(rule -> codes.add(rule.code()));
        return List.copyOf(codes);
    }

    private static final List<List<String>> SINGLE_CODES =
            Arrays.stream(HARD_RULES).map(rule -> List.of(rule.code())).toList();

    /** The soft points of an option that breaks a hard rule: never read, so one array serves them all. */
    private static final long[] NOT_SCORED = new long[SOFT_TERMS.length];

    private record Feasible(Provider provider, Contribution there, HardMediumSoftScore difference) {}

    /** Best first: the largest score difference, then by provider id. */
    private static final Comparator<Feasible> RANKING = Comparator.comparing(Feasible::difference)
            .reversed()
            .thenComparing(f -> f.provider().getId());

    /** The named children, checked: known, no repeats, and together one child or one whole placeTogether group. */
    private static List<Child> resolve(Caseload caseload, List<String> childIds, int limit) {
        List<ProblemError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new ProblemError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (childIds == null || childIds.isEmpty()) {
            errors.add(new ProblemError(
                    "$.childIds", "name one child, or every child of one placeTogether sibling group"));
            throw new InvalidProblemException(errors);
        }
        List<Child> named = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < childIds.size(); i++) {
            String id = childIds.get(i);
            Child child = id == null ? null : caseload.child(id);
            if (child == null) {
                errors.add(new ProblemError("$.childIds[" + i + "]", TextRules.unknownChildId(id)));
            } else if (!seen.add(id)) {
                errors.add(new ProblemError("$.childIds[" + i + "]", "child id '" + id + "' is named twice"));
            } else {
                named.add(child);
            }
        }
        if (errors.isEmpty()) {
            Child first = named.getFirst();
            Set<Child> unitMembers = travelsWith(caseload, first);
            if (!unitMembers.equals(new LinkedHashSet<>(named))) {
                String expected =
                        String.join(", ", unitMembers.stream().map(Child::getId).toList());
                errors.add(new ProblemError(
                        "$.childIds",
                        unitMembers.size() > 1
                                ? "child '" + first.getId() + "' must be placed with its sibling group '"
                                        + first.getSiblingGroup() + "': name exactly " + expected
                                : "name one child, or every child of one placeTogether sibling group; '" + first.getId()
                                        + "' is placed on its own"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        return named;
    }

    /** The children a query naming the child must name: the child and its placeTogether sibling group. */
    public static Set<Child> travelsWith(Caseload caseload, Child child) {
        Set<Child> unitMembers = new LinkedHashSet<>(caseload.unitOf(child).getMembers());
        if (child.getSiblingGroup() != null && child.isPlaceTogether()) {
            unitMembers.addAll(caseload.siblingGroup(child.getSiblingGroup()));
        }
        return unitMembers;
    }

    /**
     * What the named children add to the score at one position: hard points per rule (indexed by
     * {@link HardRule#ordinal()}), medium, and soft points per term (by {@link SoftTerm#ordinal()}).
     * An option that breaks a hard rule is only ever explained, never scored, so its soft points and miles are
     * left at zero.
     */
    record Contribution(int[] hard, long medium, long[] soft, double maxMiles) {

        HardMediumSoftScore score() {
            long hardTotal = 0;
            for (int points : hard) {
                hardTotal += points;
            }
            long softTotal = 0;
            for (long points : soft) {
                softTotal += points;
            }
            return HardMediumSoftScore.of(-hardTotal, medium, -softTotal);
        }

        boolean violatesHardRules() {
            return anyPositive(hard);
        }

        List<HardRule> violatedRules() {
            List<HardRule> violated = new ArrayList<>(2);
            for (HardRule rule : HARD_RULES) {
                if (hard[rule.ordinal()] > 0) {
                    violated.add(rule);
                }
            }
            return violated;
        }

        long soft(SoftTerm term) {
            return soft[term.ordinal()];
        }
    }

    private static boolean anyPositive(int[] points) {
        for (int p : points) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }

    /** One query's children and the caseload around them. */
    private static final class Query {

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

        Query(Caseload caseload, List<Child> named, List<Child> asked) {
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
            positions.stream()
                    .filter(site -> site != null && !used.contains(site))
                    .forEach(used::add);
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
            if (onlyIfFeasible && anyPositive(hard)) {
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
            hard[HardRule.H1.ordinal()] += PlacementRules.capacityPoints(provider, all)
                    - PlacementRules.capacityPoints(provider, others.size());
            boolean othersOneGroup =
                    others == site.children() ? site.oneSiblingGroup() : Caseload.oneSiblingGroup(others);
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
        private List<Child> others(Site site) {
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

        Option option(
                int rank,
                Provider provider,
                Contribution there,
                HardMediumSoftScore score,
                HardMediumSoftScore difference) {
            SoftPoints points = new SoftPoints(
                    there.soft(SoftTerm.COST),
                    there.soft(SoftTerm.OUT_OF_AREA),
                    there.soft(SoftTerm.DISTANCE),
                    there.soft(SoftTerm.OVER_20_MILES),
                    there.soft(SoftTerm.LANGUAGE),
                    there.soft(SoftTerm.RELIGION),
                    there.soft(SoftTerm.MOVE),
                    there.soft(SoftTerm.SIBLINGS_APART));
            Approval approval = Approval.of(asked, provider);
            return new Option(
                    rank,
                    provider.getId(),
                    provider.getType(),
                    provider.getLocalAuthority(),
                    ScoreText.format(score),
                    ScoreText.format(difference),
                    approval,
                    Math.round(there.maxMiles() * 10) / 10.0,
                    points,
                    optionReasons(provider, there, approval));
        }

        private List<String> optionReasons(Provider provider, Contribution there, Approval approval) {
            List<String> reasons = new ArrayList<>();
            reasons.add(
                    switch (approval) {
                        case NONE -> "in area";
                        case NOMINATED_OFFICER ->
                            "out of area (" + provider.getLocalAuthority() + ", adjoining): nominated officer approval";
                        case DIRECTOR ->
                            "out of area (" + provider.getLocalAuthority() + ", not adjoining): Director approval";
                    });
            reasons.add(String.format(Locale.ROOT, "£%.2f a week per child", provider.getWeeklyCost()));
            for (Child child : asked) {
                double miles = child.milesTo(provider);
                reasons.add(String.format(
                        Locale.ROOT,
                        "%s: %.1f miles from %s%s",
                        child.getId(),
                        miles,
                        "school or home",
                        miles > SoftTerms.FAR_MILES ? " (over 20 miles)" : ""));
                if (SoftTerms.points(SoftTerm.LANGUAGE, child, provider, weights) > 0) {
                    reasons.add(child.getId() + ": no shared language");
                }
                if (SoftTerms.points(SoftTerm.RELIGION, child, provider, weights) > 0) {
                    reasons.add(child.getId() + ": religion differs");
                }
                if (child.getCurrentPlacement() == provider) {
                    reasons.add(child.getId() + ": stays at the current placement");
                } else if (SoftTerms.isMove(child, provider)) {
                    reasons.add(child.getId() + ": a move from the current placement "
                            + child.getCurrentPlacement().getId());
                }
            }
            if (there.soft(SoftTerm.SIBLINGS_APART) > 0) {
                reasons.add(
                        "placed away from siblings in group " + asked.getFirst().getSiblingGroup());
            }
            return reasons;
        }

        List<String> exclusionReasons(Site site, List<HardRule> violated) {
            List<String> reasons = new ArrayList<>(violated.size());
            for (HardRule rule : violated) {
                String fixed = FIXED_REASONS.get(rule.ordinal());
                reasons.add(fixed != null ? fixed : rule.constraintName() + ": " + explain(rule, site));
            }
            return reasons;
        }

        private String explain(HardRule rule, Site site) {
            Provider provider = site.provider();
            return switch (rule) {
                case H1 ->
                    others(site).size() + " of " + provider.getPlaces() + " places taken, " + asked.size()
                            + " more needed";
                case H2 ->
                    "approved for ages " + provider.getAgeMin() + "-" + provider.getAgeMax()
                            + offending(rule, provider);
                case H3, H9, H10, H11, H14 -> fixedReason(rule);
                case H4 -> "does not meet every need" + offending(rule, provider);
                case H5 -> "accepts only " + provider.getAcceptsGenders() + offending(rule, provider);
                case H6 -> "supported lodgings take 16-17 year olds only" + offending(rule, provider);
                case H7 ->
                    "a connected person carer takes only the children it is approved for" + offending(rule, provider);
                case H8 -> "available from " + provider.getAvailableFrom() + offending(rule, provider);
                case H12 -> "inside an excluded area" + offending(rule, provider);
                case H13 -> "the current placement is ending" + offending(rule, provider);
                case H15 -> registrationReason(provider);
            };
        }

        /** The reason of a rule that reads the same at every provider, for every query; null for the others. */
        private static String fixedReason(HardRule rule) {
            return switch (rule) {
                case H3 -> "the sibling group would be split";
                case H9 -> "not approved for same-day emergency placements";
                case H10 -> "would share with a younger child while a child there is a risk to younger children";
                case H11 -> "would share with a child who needs a sole placement, or this child needs one";
                case H14 -> "more than 3 foster children who are not all one sibling group, without exemption";
                default -> null;
            };
        }

        /** Each fixed reason with its rule's name, made once. */
        private static final List<String> FIXED_REASONS = Arrays.stream(HARD_RULES)
                .map(rule -> fixedReason(rule) == null ? null : rule.constraintName() + ": " + fixedReason(rule))
                .toList();

        /** H15 in plain words: which bar closes the provider to new children. */
        private static String registrationReason(Provider provider) {
            return switch (PlacementRules.registrationBar(provider)) {
                case NOT_REGISTERED -> "not registered with Ofsted on the reference date: takes no new child";
                case BELOW_MINIMUM_JUDGEMENT ->
                    "judged " + words(provider.getOfstedJudgement()) + " by Ofsted, below the council's minimum of "
                            + words(provider.getMinimumJudgement()) + " for new placements";
            };
        }

        private static String words(OfstedJudgement judgement) {
            return judgement.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        private String offending(HardRule rule, Provider provider) {
            StringBuilder ids = new StringBuilder(" (");
            for (Child child : asked) {
                if (PlacementRules.childAtProviderPoints(rule, child, provider) > 0) {
                    ids.append(ids.length() > 2 ? ", " : "").append(child.getId());
                }
            }
            return ids.append(')').toString();
        }
    }
}
