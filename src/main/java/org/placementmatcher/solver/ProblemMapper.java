package org.placementmatcher.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ExcludedArea;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.domain.CandidateSearch;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.Circle;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerm;

/**
 * Builds the solver's object graph from a validated contract problem: defaults applied, ages and
 * distances' origins worked out once, children grouped into placement units, and every unit started
 * at its current placement (when it may stay there) so that re-optimisation starts from today.
 */
public final class ProblemMapper {

    private ProblemMapper() {}

    /**
     * The problem ready to solve: every unit's eligible providers worked out, and every unit that may
     * stay where it is starting at its current placement.
     */
    public static PlacementSolution toSolution(PlacementProblem problem) {
        return toSolution(problem, CandidateUniverse.configuredAbove(), CandidateUniverse::configured);
    }

    /**
     * The same, with the gate above which units are limited to their cheapest eligible providers, and that limit
     * (read only when the gate is passed), as {@link CandidateUniverse} configures them.
     */
    public static PlacementSolution toSolution(PlacementProblem problem, long universeAbove, IntSupplier universe) {
        PlacementSolution solution = map(problem);
        List<PlacementUnit> units = solution.getUnits();
        // Each unit's eligibility reads only immutable facts and writes only the unit: worked out on every core,
        // since for a region it checks millions of unit-provider pairs.
        if (CandidateUniverse.applies(units.size(), solution.getProviders().size(), universeAbove)) {
            int k = universe.getAsInt();
            CandidateSearch search = new CandidateSearch(solution.getProviders(), solution.getWeights());
            units.parallelStream().forEach(unit -> {
                CandidateSearch.Result found = search.cheapest(unit, k);
                unit.limitCandidates(found.cheapestFirst(), found.omittedPointsAtLeast());
            });
        } else {
            units.parallelStream().forEach(PlacementUnit::getCandidates);
        }
        for (PlacementUnit unit : solution.getUnits()) {
            Provider current = unit.getProvider();
            unit.setProvider(current != null && (unit.isPinned() || unit.isEligible(current)) ? current : null);
        }
        return solution;
    }

    /**
     * The caseload as it is today: every unit at its members' current placement (even where a rule now
     * fails), waiting children unplaced. Cheap: no unit's eligible providers are worked out yet, and any
     * unit may be put at any provider, so any plan can be scored.
     */
    public static PlacementSolution asToday(PlacementProblem problem) {
        PlacementSolution solution = map(problem);
        solution.getUnits().forEach(PlacementUnit::allowAnyProvider);
        return solution;
    }

    private static PlacementSolution map(PlacementProblem problem) {
        LocalDate referenceDate = problem.referenceDate();
        ScoringWeights weights = ScoringWeights.withOverrides(problem.weights());
        List<Provider> providers = new ArrayList<>(problem.providers().size());
        Map<String, Provider> providersById = new HashMap<>();
        for (ProviderInput p : problem.providers()) {
            Provider provider = toProvider(
                    p, providers.size(), problem.homeAuthority(), referenceDate, problem.minimumOfstedJudgement());
            providers.add(provider);
            providersById.put(provider.getId(), provider);
        }
        List<Child> children = new ArrayList<>(problem.children().size());
        Map<String, Set<String>> adjoining = new HashMap<>();
        for (ChildInput c : problem.children()) {
            children.add(toChild(
                    c,
                    referenceDate,
                    providersById,
                    problem.homeAuthority(),
                    authority -> adjoining.computeIfAbsent(authority, problem::adjoiningTo)));
        }
        List<PlacementUnit> units = toUnits(children, providers, weights);
        return new PlacementSolution(
                problem.name(),
                referenceDate,
                problem.homeAuthority(),
                weights,
                providers,
                children,
                units,
                weightOverrides(weights));
    }

    /**
     * A placeTogether sibling group travels as one unit; every other child is a unit of its own.
     * A pinned group whose members live apart stays as it is: one pinned unit per member.
     */
    static List<PlacementUnit> toUnits(List<Child> children, List<Provider> providers, ScoringWeights weights) {
        Map<String, List<Child>> together = new LinkedHashMap<>();
        List<List<Child>> memberLists = new ArrayList<>();
        for (Child child : children) {
            if (child.getSiblingGroup() != null && child.isPlaceTogether()) {
                List<Child> group = together.get(child.getSiblingGroup());
                if (group == null) {
                    group = new ArrayList<>();
                    together.put(child.getSiblingGroup(), group);
                    memberLists.add(group);
                }
                group.add(child);
            } else {
                memberLists.add(List.of(child));
            }
        }
        List<PlacementUnit> units = new ArrayList<>();
        for (List<Child> members : memberLists) {
            boolean pinnedApart = members.size() > 1
                    && members.getFirst().isPinned()
                    && members.stream()
                                    .map(Child::getCurrentPlacement)
                                    .distinct()
                                    .count()
                            > 1;
            if (pinnedApart) {
                for (Child member : members) {
                    PlacementUnit unit = new PlacementUnit(
                            unitId(List.of(member)) + "@" + member.getId(), List.of(member), providers, weights);
                    unit.setProvider(member.getCurrentPlacement());
                    units.add(unit);
                }
            } else {
                PlacementUnit unit = new PlacementUnit(unitId(members), members, providers, weights);
                unit.setProvider(unit.sharedCurrentPlacement());
                units.add(unit);
            }
        }
        return units;
    }

    private static String unitId(List<Child> members) {
        Child first = members.getFirst();
        return members.size() > 1 || first.getSiblingGroup() != null && first.isPlaceTogether()
                ? "group:" + first.getSiblingGroup()
                : "child:" + first.getId();
    }

    /**
     * Soft matches already carry their weighted points, so each soft constraint weighs one, or zero
     * when the input switches the term off (which also lets the solver skip it).
     */
    static ConstraintWeightOverrides<HardMediumSoftScore> weightOverrides(ScoringWeights weights) {
        Map<String, HardMediumSoftScore> overrides = new LinkedHashMap<>();
        for (SoftTerm term : SoftTerm.values()) {
            overrides.put(term.key(), weights.of(term) > 0 ? HardMediumSoftScore.ONE_SOFT : HardMediumSoftScore.ZERO);
        }
        return ConstraintWeightOverrides.of(overrides);
    }

    /** @param minimumJudgement the problem's {@code minimumOfstedJudgement} (null: none) */
    public static Provider toProvider(
            ProviderInput p,
            int index,
            String homeAuthority,
            LocalDate referenceDate,
            OfstedJudgement minimumJudgement) {
        Provider provider = new Provider(
                p.id(),
                index,
                p.type(),
                p.localAuthority(),
                p.localAuthority().equals(homeAuthority),
                p.location().lat(),
                p.location().lon(),
                p.places(),
                p.ageMin(),
                p.ageMax(),
                p.acceptsGenders() == null ? null : Set.copyOf(p.acceptsGenders()),
                setOf(p.capabilities()),
                p.weeklyCost(),
                p.availableFrom() == null ? referenceDate : p.availableFrom(),
                Boolean.TRUE.equals(p.emergencyApproved()),
                setOf(p.connectedChildren()),
                Boolean.TRUE.equals(p.fosteringLimitExemption()),
                p.languages() == null ? Set.of("en") : Set.copyOf(p.languages()),
                p.religion(),
                p.registeredOrDefault(),
                p.ofstedJudgement(),
                minimumJudgement);
        provider.setPostcode(p.location().postcode());
        return provider;
    }

    /**
     * @param homeAuthority the problem's, the child's responsible authority when it names none (section 8)
     * @param adjoiningTo the codes adjoining an authority, by the problem's {@code adjoiningAuthorities}
     */
    public static Child toChild(
            ChildInput c,
            LocalDate referenceDate,
            Map<String, Provider> providersById,
            String homeAuthority,
            Function<String, Set<String>> adjoiningTo) {
        String responsibleAuthority = c.responsibleAuthorityOr(homeAuthority);
        GeoPoint from = c.school() != null ? c.school() : c.home();
        List<Circle> excluded = c.excludedAreas() == null
                ? List.of()
                : c.excludedAreas().stream().map(ProblemMapper::toCircle).toList();
        Child child = new Child(
                c.id(),
                Period.between(c.dateOfBirth(), referenceDate).getYears(),
                c.gender(),
                c.siblingGroup(),
                c.placeTogetherOrDefault(),
                from.lat(),
                from.lon(),
                setOf(c.needs()),
                c.urgency(),
                c.neededBy() == null ? referenceDate : c.neededBy(),
                c.currentPlacement() == null ? null : providersById.get(c.currentPlacement()),
                c.pinnedOrDefault(),
                Boolean.TRUE.equals(c.needsMove()),
                Boolean.TRUE.equals(c.riskToYoungerChildren()),
                Boolean.TRUE.equals(c.requiresSolePlacement()),
                excluded,
                setOf(c.languages()),
                c.religion(),
                responsibleAuthority,
                adjoiningTo.apply(responsibleAuthority));
        child.setDistancePostcode(from.postcode());
        return child;
    }

    private static Circle toCircle(ExcludedArea area) {
        return new Circle(area.lat(), area.lon(), area.radiusMiles());
    }

    private static Set<String> setOf(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(values));
    }
}
