package org.placementmatcher.web;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchResult.Approval;
import org.placementmatcher.matching.MatchResult.Exclusion;
import org.placementmatcher.matching.MatchResult.Option;
import org.placementmatcher.security.ApprovalPolicy;

/**
 * A {@link MatchResult} in words for the find-a-placement and emergency pages: each option with its reasons,
 * weekly cost, miles (from school or from home, saying which), the approval it needs and the difference it makes
 * in £-equivalent per week; the excluded providers grouped by the hard rule that excludes them, counted, each
 * group capped at {@value #GROUP_ROWS} rows so a region never renders thousands; the map of all of it.
 */
@TemplateData
public record MatchView(
        List<ChildLine> children,
        boolean emergency,
        int feasibleCount,
        int excludedCount,
        String currentScore,
        List<OptionLine> options,
        List<ExclusionGroup> exclusionGroups,
        PlacementMap map) {

    /** Rows shown of one exclusion group; the rest are counted ("and N more"). */
    static final int GROUP_ROWS = 20;

    /** One child asked about: reference, age, what it needs, where distances are measured from. */
    @TemplateData
    public record ChildLine(String id, int age, String gender, String urgency, String needs, String measuredFrom) {}

    /** One ranked option, in words. */
    @TemplateData
    public record OptionLine(
            int rank,
            String providerId,
            String providerType,
            String localAuthority,
            String weeklyCost,
            String miles,
            String approval,
            String approvalRole,
            boolean approvalNeeded,
            String difference,
            List<String> reasons,
            String score,
            String scoreDifference) {}

    /** The providers one hard rule excludes: the rule in words, how many, the first rows. */
    @TemplateData
    public record ExclusionGroup(
            String code, String title, int count, List<ExclusionLine> rows, int more, List<String> unmetNeeds) {}

    /** One excluded provider under one rule, with why. */
    @TemplateData
    public record ExclusionLine(String providerId, String providerType, String localAuthority, String why) {}

    /** Builds the view; {@code inputs} are the asked children as recorded (home and school), by id. */
    static MatchView of(MatchResult result, Caseload caseload, List<ChildInput> inputs) {
        Map<String, Provider> providers = new HashMap<>();
        caseload.providers().forEach(p -> providers.put(p.getId(), p));
        List<Child> asked = result.childIds().stream().map(caseload::child).toList();
        Map<String, ChildInput> inputById = new HashMap<>();
        inputs.forEach(c -> inputById.put(c.id(), c));

        List<ChildLine> children = new ArrayList<>();
        for (Child child : asked) {
            ChildInput input = inputById.get(child.getId());
            children.add(new ChildLine(
                    child.getId(),
                    child.getAge(),
                    Words.gender(child.getGender()),
                    Words.urgencyCode(
                            result.emergency()
                                    ? "EMERGENCY"
                                    : child.getUrgency().name()),
                    child.getNeeds().isEmpty() ? "none recorded" : String.join(", ", Words.codes(child.getNeeds())),
                    input != null && input.school() != null ? "school" : "home"));
        }
        List<OptionLine> options = new ArrayList<>();
        for (Option option : result.options()) {
            options.add(option(option, providers.get(option.providerId()), asked, inputById));
        }
        List<ExclusionGroup> groups = exclusionGroups(result.excluded(), providers, asked);
        PlacementMap map = PlacementMap.of(inputs, result.options(), providers, caseload.providers());
        return new MatchView(
                children,
                result.emergency(),
                result.feasibleCount(),
                result.excluded().size(),
                result.currentScore(),
                options,
                groups,
                map);
    }

    private static OptionLine option(
            Option option, Provider provider, List<Child> asked, Map<String, ChildInput> inputs) {
        List<String> reasons = new ArrayList<>();
        reasons.add(
                switch (option.approval()) {
                    case NONE -> "in county (" + option.localAuthority() + ")";
                    case NOMINATED_OFFICER ->
                        "out of area, in an adjoining authority (" + option.localAuthority() + ")";
                    case DIRECTOR -> "out of area, at a distance (" + option.localAuthority() + ")";
                });
        List<String> miles = new ArrayList<>();
        for (Child child : asked) {
            ChildInput input = inputs.get(child.getId());
            double distance = child.milesTo(provider);
            String from = input != null && input.school() != null ? "school" : "home";
            String text = Words.miles(distance) + " from " + from
                    + (distance > SoftTerms.FAR_MILES ? " (over 20 miles)" : "");
            miles.add(asked.size() > 1 ? child.getId() + ": " + text : text);
            reasons.add(asked.size() > 1 ? child.getId() + " " + text : text);
            String language = sharedLanguage(child, provider);
            if (language != null) {
                reasons.add("speaks " + language);
            } else if (!child.getLanguages().isEmpty()) {
                reasons.add("no shared language");
            }
            if (child.getReligion() != null && provider.getReligion() != null) {
                reasons.add(
                        child.getReligion().equalsIgnoreCase(provider.getReligion())
                                ? "same religion (" + provider.getReligion() + ")"
                                : "religion differs");
            }
            if (child.getCurrentPlacement() == provider) {
                reasons.add("stays at the current placement");
            } else if (SoftTerms.isMove(child, provider)) {
                reasons.add("a move from the current placement "
                        + child.getCurrentPlacement().getId());
            }
        }
        if (asked.size() > 1 && asked.getFirst().isPlaceTogether()) {
            reasons.add("keeps the siblings together");
        } else if (option.softPoints().siblingsApart() > 0) {
            reasons.add("away from the child's siblings");
        }
        if (!provider.getCapabilities().isEmpty()) {
            reasons.add("meets " + String.join(", ", Words.codes(provider.getCapabilities())));
        }
        String cost = Words.pounds(provider.getWeeklyCost()) + " a week"
                + (asked.size() > 1
                        ? " per child (" + Words.pounds(provider.getWeeklyCost() * asked.size()) + " in all)"
                        : "");
        long softDifference =
                HardMediumSoftScore.parseScore(option.scoreDifference()).softScore();
        String difference = softDifference == 0
                ? "no change in £-equivalent per week"
                : (softDifference < 0 ? "costs " : "saves ") + Words.pounds((double) Math.abs(softDifference))
                        + " £-equivalent per week";
        return new OptionLine(
                option.rank(),
                option.providerId(),
                Words.providerType(option.providerType()),
                option.localAuthority(),
                cost,
                String.join("; ", miles),
                approvalWords(option.approval()),
                Words.code(
                        ApprovalPolicy.needed(true, List.of(option.approval())).name()),
                option.approval() != Approval.NONE,
                difference,
                reasons,
                option.score(),
                option.scoreDifference());
    }

    static String approvalWords(Approval approval) {
        return switch (approval) {
            case NONE -> "None";
            case NOMINATED_OFFICER -> "Nominated officer";
            case DIRECTOR -> "Director";
        };
    }

    /** A language the child and the provider share, by its English name (e.g. "Polish"), or null. */
    private static String sharedLanguage(Child child, Provider provider) {
        for (String language : child.getLanguages()) {
            if (provider.getLanguages().contains(language)) {
                return Words.language(language);
            }
        }
        return null;
    }

    private static List<ExclusionGroup> exclusionGroups(
            List<Exclusion> excluded, Map<String, Provider> providers, List<Child> asked) {
        Map<HardRule, List<Exclusion>> byRule = new TreeMap<>();
        for (Exclusion exclusion : excluded) {
            for (String code : exclusion.codes()) {
                byRule.computeIfAbsent(HardRule.valueOf(code), r -> new ArrayList<>())
                        .add(exclusion);
            }
        }
        List<ExclusionGroup> groups = new ArrayList<>();
        byRule.forEach((rule, list) -> {
            List<ExclusionLine> rows = new ArrayList<>();
            Map<String, Integer> unmet = new LinkedHashMap<>();
            for (Exclusion exclusion : list) {
                Provider provider = providers.get(exclusion.providerId());
                String why = reasonFor(rule, exclusion);
                if (rule == HardRule.H4) {
                    List<String> missing = unmetNeeds(provider, asked);
                    missing.forEach(need -> unmet.merge(need, 1, Integer::sum));
                    why = "does not meet "
                            + String.join(
                                    ", ", missing.stream().map(Words::code).toList());
                }
                if (rows.size() < GROUP_ROWS) {
                    rows.add(new ExclusionLine(
                            exclusion.providerId(),
                            Words.providerType(exclusion.providerType()),
                            provider.getLocalAuthority(),
                            why));
                }
            }
            List<String> unmetNeeds = new ArrayList<>();
            unmet.forEach((need, count) -> unmetNeeds.add(
                    Words.code(need) + ": not met by " + count + (count == 1 ? " provider" : " providers")));
            groups.add(new ExclusionGroup(
                    rule.code(), RuleWords.exclusion(rule), list.size(), rows, list.size() - rows.size(), unmetNeeds));
        });
        return groups;
    }

    /** The API's reason for this rule ("H4 needsMet: ..."), without its code. */
    private static String reasonFor(HardRule rule, Exclusion exclusion) {
        String prefix = rule.constraintName() + ": ";
        for (String reason : exclusion.reasons()) {
            if (reason.startsWith(prefix)) {
                return reason.substring(prefix.length());
            }
        }
        return RuleWords.exclusion(rule);
    }

    /** The needs of the asked children the provider cannot meet, each with the children who have it. */
    private static List<String> unmetNeeds(Provider provider, List<Child> asked) {
        Map<String, List<String>> byNeed = new TreeMap<>();
        for (Child child : asked) {
            for (String need : child.getNeeds()) {
                if (!provider.getCapabilities().contains(need)) {
                    byNeed.computeIfAbsent(need, n -> new ArrayList<>()).add(child.getId());
                }
            }
        }
        List<String> needs = new ArrayList<>();
        byNeed.forEach((need, ids) -> needs.add(asked.size() > 1 ? need + " (" + String.join(", ", ids) + ")" : need));
        return needs;
    }
}
