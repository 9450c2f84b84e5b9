package org.placementmatcher.matching;

import static org.placementmatcher.matching.Contribution.HARD_RULES;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.matching.Caseload.Site;
import org.placementmatcher.matching.MatchResult.Approval;
import org.placementmatcher.matching.MatchResult.Exclusion;
import org.placementmatcher.matching.MatchResult.Option;
import org.placementmatcher.matching.MatchResult.SoftPoints;
import org.placementmatcher.solver.ScoreText;

/**
 * Turns a query's contributions into the entries of its answer: each option with its soft points and approval, each
 * excluded provider with its rule codes, and both with their reasons in plain words. Kept apart from the scoring in
 * {@link MatchQuery} so that the wording can change without touching the arithmetic that ranks the options.
 */
final class MatchExplainer {

    private final MatchQuery query;

    MatchExplainer(MatchQuery query) {
        this.query = query;
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
        Approval approval = Approval.of(query.asked(), provider);
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

    /** The site ruled out by the hard rules {@code there} breaks. */
    Exclusion exclusion(Site site, Contribution there) {
        List<HardRule> violated = there.violatedRules();
        Provider provider = site.provider();
        return new Exclusion(provider.getId(), provider.getType(), codes(violated), exclusionReasons(site, violated));
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
        for (Child child : query.asked()) {
            double miles = child.milesTo(provider);
            reasons.add(String.format(
                    Locale.ROOT,
                    "%s: %.1f miles from %s%s",
                    child.getId(),
                    miles,
                    "school or home",
                    miles > SoftTerms.FAR_MILES ? " (over 20 miles)" : ""));
            if (SoftTerms.points(SoftTerm.LANGUAGE, child, provider, query.weights()) > 0) {
                reasons.add(child.getId() + ": no shared language");
            }
            if (SoftTerms.points(SoftTerm.RELIGION, child, provider, query.weights()) > 0) {
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
            reasons.add("placed away from siblings in group "
                    + query.asked().getFirst().getSiblingGroup());
        }
        return reasons;
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

    private List<String> exclusionReasons(Site site, List<HardRule> violated) {
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
                query.others(site).size() + " of " + provider.getPlaces() + " places taken, "
                        + query.asked().size() + " more needed";
            case H2 ->
                "approved for ages " + provider.getAgeMin() + "-" + provider.getAgeMax() + offending(rule, provider);
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

    /** The ids of the asked children the rule keeps from the provider, in brackets. */
    private String offending(HardRule rule, Provider provider) {
        StringBuilder ids = new StringBuilder(" (");
        for (Child child : query.asked()) {
            if (PlacementRules.childAtProviderPoints(rule, child, provider) > 0) {
                ids.append(ids.length() > 2 ? ", " : "").append(child.getId());
            }
        }
        return ids.append(')').toString();
    }
}
