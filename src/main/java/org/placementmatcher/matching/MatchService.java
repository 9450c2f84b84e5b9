package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
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

        record Feasible(Provider provider, Contribution there, HardMediumSoftScore difference) {}
        List<Feasible> feasible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Provider provider : caseload.providers()) {
            Contribution there = query.contributionAt(provider);
            List<HardRule> violated = there.violatedRules();
            if (!violated.isEmpty()) {
                excluded.add(new Exclusion(
                        provider.getId(),
                        provider.getType(),
                        violated.stream().map(HardRule::code).toList(),
                        query.exclusionReasons(provider, violated)));
            } else {
                feasible.add(new Feasible(provider, there, there.score().subtract(today.score())));
            }
        }
        feasible.sort(Comparator.comparing(Feasible::difference)
                .reversed()
                .thenComparing(f -> f.provider().getId()));
        List<Option> ranked = new ArrayList<>();
        for (Feasible f : feasible.subList(0, Math.min(limit, feasible.size()))) {
            ranked.add(query.option(
                    ranked.size() + 1, f.provider(), f.there(), scoreToday.add(f.difference()), f.difference()));
        }
        return new MatchResult(
                named.stream().map(Child::getId).toList(),
                emergency,
                ScoreText.format(scoreToday),
                feasible.size(),
                ranked,
                excluded);
    }

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
                errors.add(new ProblemError("$.childIds[" + i + "]", "unknown child id '" + id + "'"));
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

        List<HardRule> violatedRules() {
            List<HardRule> violated = new ArrayList<>(2);
            for (HardRule rule : HardRule.values()) {
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

    /** One query's children and the caseload around them. */
    private static final class Query {

        private final Caseload caseload;
        private final List<Child> named;
        /** The children as asked about (the same, or as emergencies). */
        private final List<Child> asked;

        private final Set<String> namedIds = new HashSet<>();
        private final ScoringWeights weights;

        Query(Caseload caseload, List<Child> named, List<Child> asked) {
            this.caseload = caseload;
            this.named = named;
            this.asked = asked;
            this.weights = caseload.today().getWeights();
            named.forEach(c -> namedIds.add(c.getId()));
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
            Map<Child, Provider> positions = new LinkedHashMap<>();
            for (int i = 0; i < named.size(); i++) {
                positions.put(asked.get(i), caseload.positionOf(named.get(i)));
            }
            return contribution(positions);
        }

        Contribution contributionAt(Provider provider) {
            Map<Child, Provider> positions = new LinkedHashMap<>();
            asked.forEach(c -> positions.put(c, provider));
            return contribution(positions);
        }

        private Contribution contribution(Map<Child, Provider> positions) {
            int[] hard = new int[HARD_RULES.length];
            long[] soft = new long[SOFT_TERMS.length];
            long medium = 0;
            double maxMiles = 0;
            Map<Provider, List<Child>> byProvider = new LinkedHashMap<>();
            for (Map.Entry<Child, Provider> entry : positions.entrySet()) {
                Child child = entry.getKey();
                Provider provider = entry.getValue();
                if (provider == null) {
                    medium -= child.getUrgency().unplacedWeight();
                    continue;
                }
                byProvider
                        .computeIfAbsent(provider, p -> new ArrayList<>(asked.size()))
                        .add(child);
                double miles = child.milesTo(provider);
                maxMiles = Math.max(maxMiles, miles);
                for (HardRule rule : HARD_RULES) {
                    if (rule.isPerChildAtProvider()) {
                        hard[rule.ordinal()] += PlacementRules.childAtProviderPoints(rule, child, provider);
                    }
                }
                for (SoftTerm term : SOFT_TERMS) {
                    if (term.isPerChildAtProvider()) {
                        soft[term.ordinal()] += SoftTerms.points(term, child, provider, weights, miles);
                    }
                }
            }
            byProvider.forEach((provider, children) -> addProviderRules(hard, provider, children));
            Child first = asked.getFirst();
            if (first.getSiblingGroup() != null && first.isPlaceTogether()) {
                hard[HardRule.H3.ordinal()] +=
                        PlacementRules.siblingsTogetherPoints(new ArrayList<>(positions.values()));
            } else if (first.getSiblingGroup() != null) {
                soft[SoftTerm.SIBLINGS_APART.ordinal()] +=
                        siblingsApartChange(first.getSiblingGroup(), positions.values());
            }
            return new Contribution(hard, medium, soft, maxMiles);
        }

        /** H1, H14, H10, H11 at one provider: the points with these children there minus the points without them. */
        private void addProviderRules(int[] hard, Provider provider, List<Child> children) {
            List<Child> others = others(provider);
            List<Child> all = new ArrayList<>(others);
            all.addAll(children);
            hard[HardRule.H1.ordinal()] += PlacementRules.capacityPoints(provider, all.size())
                    - PlacementRules.capacityPoints(provider, others.size());
            hard[HardRule.H14.ordinal()] +=
                    PlacementRules.fosteringLimitPoints(provider, all.size(), oneSiblingGroup(all))
                            - PlacementRules.fosteringLimitPoints(provider, others.size(), oneSiblingGroup(others));
            hard[HardRule.H10.ordinal()] += PlacementRules.riskToYoungerPoints(children, others)
                    + PlacementRules.pairsWithin(children, HardRule.H10);
            hard[HardRule.H11.ordinal()] += PlacementRules.solePlacementPoints(children, others)
                    + PlacementRules.pairsWithin(children, HardRule.H11);
        }

        /** The children at the provider today, other than the named ones. */
        private List<Child> others(Provider provider) {
            List<Child> there = caseload.childrenAt(provider);
            if (there.isEmpty()) {
                return there;
            }
            List<Child> others = new ArrayList<>(there.size());
            for (Child child : there) {
                if (!namedIds.contains(child.getId())) {
                    others.add(child);
                }
            }
            return others;
        }

        private static boolean oneSiblingGroup(List<Child> children) {
            return !children.isEmpty()
                    && children.getFirst().getSiblingGroup() != null
                    && children.stream().allMatch(c -> c.isSiblingOf(children.getFirst()));
        }

        /** siblingsApart of the child's placeTogether=false group with the child at these positions, minus without it. */
        private long siblingsApartChange(String group, java.util.Collection<Provider> positions) {
            Set<Provider> without = new HashSet<>();
            for (Child sibling : caseload.siblingGroup(group)) {
                Provider at = caseload.positionOf(sibling);
                if (!namedIds.contains(sibling.getId()) && at != null) {
                    without.add(at);
                }
            }
            Set<Provider> with = new HashSet<>(without);
            positions.stream().filter(p -> p != null).forEach(with::add);
            return SoftTerms.siblingsApartPoints(with.size(), weights)
                    - SoftTerms.siblingsApartPoints(without.size(), weights);
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

        List<String> exclusionReasons(Provider provider, List<HardRule> violated) {
            List<String> reasons = new ArrayList<>(violated.size());
            for (HardRule rule : violated) {
                reasons.add(rule.constraintName() + ": " + explain(rule, provider));
            }
            return reasons;
        }

        private String explain(HardRule rule, Provider provider) {
            int here = others(provider).size();
            return switch (rule) {
                case H1 -> here + " of " + provider.getPlaces() + " places taken, " + asked.size() + " more needed";
                case H2 ->
                    "approved for ages " + provider.getAgeMin() + "-" + provider.getAgeMax()
                            + offending(rule, provider);
                case H3 -> "the sibling group would be split";
                case H4 -> "does not meet every need" + offending(rule, provider);
                case H5 -> "accepts only " + provider.getAcceptsGenders() + offending(rule, provider);
                case H6 -> "supported lodgings take 16-17 year olds only" + offending(rule, provider);
                case H7 ->
                    "a connected person carer takes only the children it is approved for" + offending(rule, provider);
                case H8 -> "available from " + provider.getAvailableFrom() + offending(rule, provider);
                case H9 -> "not approved for same-day emergency placements";
                case H10 -> "would share with a younger child while a child there is a risk to younger children";
                case H11 -> "would share with a child who needs a sole placement, or this child needs one";
                case H12 -> "inside an excluded area" + offending(rule, provider);
                case H13 -> "the current placement is ending" + offending(rule, provider);
                case H14 -> "more than 3 foster children who are not all one sibling group, without exemption";
                case H15 -> registrationReason(provider);
            };
        }

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
            List<String> ids = asked.stream()
                    .filter(c -> PlacementRules.childAtProviderPoints(rule, c, provider) > 0)
                    .map(Child::getId)
                    .toList();
            return " (" + String.join(", ", ids) + ")";
        }
    }
}
