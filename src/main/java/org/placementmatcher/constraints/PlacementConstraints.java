package org.placementmatcher.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import java.util.function.Predicate;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;

/**
 * The contract's score as constraint streams. Every rule and term is defined once in the domain
 * ({@link PlacementRules}, {@link SoftTerms}); the streams only decide which units to look at together.
 * Soft matches carry the term's points with the weight already applied (the contract rounds after
 * weighting), so each soft constraint weighs ONE_SOFT, or nothing when the input's weight is 0.
 */
public class PlacementConstraints implements ConstraintProvider {

    public static final String UNPLACED = "unplaced";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            capacity(factory),
            ageRange(factory),
            siblingsTogether(factory),
            needsMet(factory),
            gender(factory),
            supportedLodgingsAge(factory),
            connectedPerson(factory),
            availability(factory),
            emergency(factory),
            riskToYounger(factory),
            solePlacement(factory),
            excludedArea(factory),
            mustMove(factory),
            fosteringLimit(factory),
            registration(factory),
            unplaced(factory),
            cost(factory),
            outOfArea(factory),
            distance(factory),
            over20Miles(factory),
            move(factory),
            siblingsApart(factory),
            language(factory),
            religion(factory)
        };
    }

    // ---- hard: rules on who else is at the provider ----

    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(PlacementUnit.class)
                .groupBy(PlacementUnit::getProvider, sum(PlacementUnit::size))
                .filter((provider, children) -> PlacementRules.capacityPoints(provider, children.intValue()) > 0)
                .penalize(
                        HardMediumSoftScore.ONE_HARD,
                        (provider, children) -> PlacementRules.capacityPoints(provider, children.intValue()))
                .asConstraint(HardRule.H1.constraintName());
    }

    Constraint siblingsTogether(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlacementUnit.class)
                .filter(unit -> unit.getTogetherGroup() != null)
                .groupBy(PlacementUnit::getTogetherGroup, toList())
                .filter((group, units) -> PlacementRules.siblingsTogetherPoints(units) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (group, units) -> PlacementRules.siblingsTogetherPoints(units))
                .asConstraint(HardRule.H3.constraintName());
    }

    Constraint riskToYounger(ConstraintFactory factory) {
        return unitsSharingAProviderWith(factory, PlacementUnit::isAnyRiskToYounger)
                .filter((a, b) -> riskToYoungerPoints(a, b) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlacementConstraints::riskToYoungerPoints)
                .asConstraint(HardRule.H10.constraintName());
    }

    Constraint solePlacement(ConstraintFactory factory) {
        return unitsSharingAProviderWith(factory, PlacementUnit::isAnySolePlacement)
                .filter((a, b) -> solePlacementPoints(a, b) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlacementConstraints::solePlacementPoints)
                .asConstraint(HardRule.H11.constraintName());
    }

    Constraint fosteringLimit(ConstraintFactory factory) {
        return factory.forEach(PlacementUnit.class)
                .filter(unit -> PlacementRules.fosteringLimitApplies(unit.getProvider()))
                .groupBy(
                        PlacementUnit::getProvider,
                        sum(PlacementUnit::size),
                        countDistinct(PlacementUnit::getSiblingKey))
                .filter((provider, children, groups) -> fosteringLimitPoints(provider, children, groups) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlacementConstraints::fosteringLimitPoints)
                .asConstraint(HardRule.H14.constraintName());
    }

    /**
     * Each pair of units at one provider of which at least one is flagged, once, and each flagged unit with itself
     * (its members also share the provider). Only the few flagged units start a join, so a move of any other unit
     * looks up just the flagged ones at its provider; a pair of two flagged units is taken in id order only.
     */
    private static BiConstraintStream<PlacementUnit, PlacementUnit> unitsSharingAProviderWith(
            ConstraintFactory factory, Predicate<PlacementUnit> flagged) {
        return factory.forEach(PlacementUnit.class)
                .filter(flagged)
                .join(
                        factory.forEach(PlacementUnit.class),
                        Joiners.equal(PlacementUnit::getProvider),
                        Joiners.filtering((a, b) ->
                                a == b || !flagged.test(b) || a.getId().compareTo(b.getId()) < 0));
    }

    private static int riskToYoungerPoints(PlacementUnit a, PlacementUnit b) {
        return a == b
                ? PlacementRules.pairsWithin(a.getMembers(), HardRule.H10)
                : PlacementRules.riskToYoungerPoints(a.getMembers(), b.getMembers());
    }

    private static int solePlacementPoints(PlacementUnit a, PlacementUnit b) {
        return a == b
                ? PlacementRules.pairsWithin(a.getMembers(), HardRule.H11)
                : PlacementRules.solePlacementPoints(a.getMembers(), b.getMembers());
    }

    private static int fosteringLimitPoints(
            org.placementmatcher.domain.Provider provider, Long children, Long siblingKeys) {
        // A unit holds one child or one sibling group, so one distinct key among more than 3 children means one group.
        return PlacementRules.fosteringLimitPoints(provider, children.intValue(), siblingKeys == 1);
    }

    // ---- hard: rules on one child at one provider ----

    Constraint ageRange(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H2);
    }

    Constraint needsMet(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H4);
    }

    Constraint gender(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H5);
    }

    Constraint supportedLodgingsAge(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H6);
    }

    Constraint connectedPerson(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H7);
    }

    Constraint availability(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H8);
    }

    Constraint emergency(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H9);
    }

    Constraint excludedArea(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H12);
    }

    Constraint mustMove(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H13);
    }

    Constraint registration(ConstraintFactory factory) {
        return perChildRule(factory, HardRule.H15);
    }

    private static Constraint perChildRule(ConstraintFactory factory, HardRule rule) {
        return factory.forEach(PlacementUnit.class)
                .filter(unit -> !unit.isEligible(unit.getProvider()) && unit.hardPoints(rule) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, unit -> unit.hardPoints(rule))
                .asConstraint(rule.constraintName());
    }

    // ---- medium ----

    Constraint unplaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlacementUnit.class)
                .filter(unit -> unit.getProvider() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, PlacementUnit::getUnplacedWeight)
                .asConstraint(UNPLACED);
    }

    // ---- soft ----

    Constraint cost(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.COST);
    }

    Constraint outOfArea(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.OUT_OF_AREA);
    }

    Constraint distance(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.DISTANCE);
    }

    Constraint over20Miles(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.OVER_20_MILES);
    }

    Constraint move(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.MOVE);
    }

    Constraint language(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.LANGUAGE);
    }

    Constraint religion(ConstraintFactory factory) {
        return perChildTerm(factory, SoftTerm.RELIGION);
    }

    Constraint siblingsApart(ConstraintFactory factory) {
        return factory.forEach(PlacementUnit.class)
                .filter(unit -> unit.getApartGroup() != null)
                .groupBy(PlacementUnit::getApartGroup, countDistinct(PlacementUnit::getProvider))
                .filter((group, providers) -> providers > 1)
                .join(ScoringWeights.class)
                .penalize(
                        HardMediumSoftScore.ONE_SOFT,
                        (group, providers, weights) -> SoftTerms.siblingsApartPoints(providers.intValue(), weights))
                .asConstraint(SoftTerm.SIBLINGS_APART.key());
    }

    private static Constraint perChildTerm(ConstraintFactory factory, SoftTerm term) {
        return factory.forEach(PlacementUnit.class)
                .filter(unit -> unit.softPoints(term) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, unit -> unit.softPoints(term))
                .asConstraint(term.key());
    }
}
