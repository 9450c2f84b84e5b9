package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.constraints.PlacementConstraints;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;

/**
 * The score of a plan broken down per constraint, with the children and providers behind every point.
 * Timefold's own score analysis is a commercial feature, so this walks the plan with the same rule
 * definitions the constraint streams call ({@link PlacementRules}, {@link SoftTerms}); the parts add
 * up to the solver's score (a test checks it on many random plans).
 */
public final class ScoreBreakdown {

    /** One reason for points: the children and providers involved and what they cost. */
    public record Match(String score, List<String> childIds, List<String> providerIds) {}

    /** One constraint's total and its matches; {@code code} is H1-H15, {@code unplaced} or a weight key. */
    public record ConstraintTotal(String name, String code, String level, String score, List<Match> matches) {}

    /** The whole breakdown; the totals add up to {@code score}. */
    public record Analysis(String score, List<ConstraintTotal> constraints) {}

    private final Map<String, List<Match>> matchesByName = new LinkedHashMap<>();
    private final Map<String, HardMediumSoftScore> totalsByName = new LinkedHashMap<>();

    private ScoreBreakdown() {
        for (HardRule rule : HardRule.values()) {
            start(rule.constraintName());
        }
        start(PlacementConstraints.UNPLACED);
        for (SoftTerm term : SoftTerm.values()) {
            start(term.key());
        }
    }

    public static Analysis of(PlacementSolution solution) {
        ScoreBreakdown breakdown = new ScoreBreakdown();
        breakdown.walk(solution);
        return breakdown.toAnalysis();
    }

    private void walk(PlacementSolution solution) {
        Map<Provider, List<PlacementUnit>> unitsByProvider = new LinkedHashMap<>();
        Map<String, List<PlacementUnit>> togetherGroups = new LinkedHashMap<>();
        Map<String, Set<Provider>> apartGroups = new LinkedHashMap<>();
        Map<String, List<String>> apartGroupChildren = new LinkedHashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getTogetherGroup() != null) {
                togetherGroups
                        .computeIfAbsent(unit.getTogetherGroup(), g -> new ArrayList<>())
                        .add(unit);
            }
            Provider provider = unit.getProvider();
            if (provider == null) {
                add(
                        PlacementConstraints.UNPLACED,
                        HardMediumSoftScore.ofMedium(-unit.getUnplacedWeight()),
                        childIds(unit.getMembers()),
                        List.of());
                continue;
            }
            unitsByProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(unit);
            if (unit.getApartGroup() != null) {
                apartGroups
                        .computeIfAbsent(unit.getApartGroup(), g -> new LinkedHashSet<>())
                        .add(provider);
                apartGroupChildren
                        .computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>())
                        .addAll(childIds(unit.getMembers()));
            }
            for (Child child : unit.getMembers()) {
                for (HardRule rule : HardRule.values()) {
                    if (rule.isPerChildAtProvider()) {
                        addHard(
                                rule,
                                PlacementRules.childAtProviderPoints(rule, child, provider),
                                List.of(child),
                                provider);
                    }
                }
                for (SoftTerm term : SoftTerm.values()) {
                    if (term.isPerChildAtProvider()) {
                        add(
                                term.key(),
                                HardMediumSoftScore.ofSoft(-SoftTerms.points(term, child, provider, unit.getWeights())),
                                List.of(child.getId()),
                                List.of(provider.getId()));
                    }
                }
            }
        }
        unitsByProvider.forEach(this::atProvider);
        togetherGroups.forEach((group, units) -> {
            List<Child> members =
                    units.stream().flatMap(u -> u.getMembers().stream()).toList();
            List<String> providers = units.stream()
                    .map(PlacementUnit::getProvider)
                    .filter(p -> p != null)
                    .map(Provider::getId)
                    .distinct()
                    .toList();
            add(
                    HardRule.H3.constraintName(),
                    HardMediumSoftScore.ofHard(-PlacementRules.siblingsTogetherPoints(units)),
                    childIds(members),
                    providers);
        });
        apartGroups.forEach((group, providers) -> add(
                SoftTerm.SIBLINGS_APART.key(),
                HardMediumSoftScore.ofSoft(-SoftTerms.siblingsApartPoints(providers.size(), solution.getWeights())),
                apartGroupChildren.get(group),
                providers.stream().map(Provider::getId).toList()));
    }

    private void atProvider(Provider provider, List<PlacementUnit> units) {
        List<Child> children =
                units.stream().flatMap(u -> u.getMembers().stream()).toList();
        addHard(HardRule.H1, PlacementRules.capacityPoints(provider, children.size()), children, provider);
        boolean oneSiblingGroup =
                units.stream().map(PlacementUnit::getSiblingKey).distinct().count() == 1;
        addHard(
                HardRule.H14,
                PlacementRules.fosteringLimitPoints(provider, children.size(), oneSiblingGroup),
                children,
                provider);
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                Child a = children.get(i);
                Child b = children.get(j);
                addHard(HardRule.H10, PlacementRules.isRiskToYoungerPair(a, b) ? 1 : 0, List.of(a, b), provider);
                addHard(HardRule.H11, PlacementRules.isSolePlacementPair(a, b) ? 1 : 0, List.of(a, b), provider);
            }
        }
    }

    private void addHard(HardRule rule, int points, List<Child> children, Provider provider) {
        add(rule.constraintName(), HardMediumSoftScore.ofHard(-points), childIds(children), List.of(provider.getId()));
    }

    private void start(String name) {
        matchesByName.put(name, new ArrayList<>());
        totalsByName.put(name, HardMediumSoftScore.ZERO);
    }

    private void add(String name, HardMediumSoftScore score, List<String> childIds, List<String> providerIds) {
        if (score.equals(HardMediumSoftScore.ZERO)) {
            return;
        }
        matchesByName.get(name).add(new Match(ScoreText.format(score), childIds, providerIds));
        totalsByName.merge(name, score, HardMediumSoftScore::add);
    }

    private Analysis toAnalysis() {
        List<ConstraintTotal> constraints = new ArrayList<>();
        HardMediumSoftScore total = HardMediumSoftScore.ZERO;
        for (HardRule rule : HardRule.values()) {
            constraints.add(total(rule.constraintName(), rule.code(), "hard"));
        }
        constraints.add(total(PlacementConstraints.UNPLACED, PlacementConstraints.UNPLACED, "medium"));
        for (SoftTerm term : SoftTerm.values()) {
            constraints.add(total(term.key(), term.key(), "soft"));
        }
        for (HardMediumSoftScore score : totalsByName.values()) {
            total = total.add(score);
        }
        return new Analysis(ScoreText.format(total), constraints);
    }

    private ConstraintTotal total(String name, String code, String level) {
        return new ConstraintTotal(
                name, code, level, ScoreText.format(totalsByName.get(name)), matchesByName.get(name));
    }

    private static List<String> childIds(List<Child> children) {
        return children.stream().map(Child::getId).toList();
    }
}
