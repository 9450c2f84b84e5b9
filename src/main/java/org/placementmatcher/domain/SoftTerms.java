package org.placementmatcher.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The one definition of every soft term (docs/contract.md section 3), in pounds-per-week equivalents with
 * the weight already applied, because the contract rounds after weighting (cost and distance).
 * Positive numbers: the score is minus their sum.
 */
public final class SoftTerms {

    public static final double FAR_MILES = 20.0;

    private SoftTerms() {}

    /** Points of one per-child term for the child placed at the provider. */
    public static long points(SoftTerm term, Child child, Provider provider, ScoringWeights weights) {
        boolean needsMiles = term == SoftTerm.DISTANCE || term == SoftTerm.OVER_20_MILES;
        return points(term, child, provider, weights, needsMiles ? child.milesTo(provider) : Double.NaN);
    }

    /**
     * The same, with the child's distance to the provider ({@link Child#milesTo}) already worked out,
     * for callers that score every term of one pair and would otherwise compute it twice.
     */
    public static long points(SoftTerm term, Child child, Provider provider, ScoringWeights weights, double miles) {
        long weight = weights.of(term);
        if (weight == 0) {
            return 0;
        }
        return switch (term) {
            case COST -> provider.costPoints(weight);
            case OUT_OF_AREA -> PlacementArea.isOutOfArea(child, provider) ? weight : 0;
            // Miles are irrational anyway: double arithmetic rounds the same as decimal would.
            case DISTANCE -> (long) Math.floor(weight * miles + 0.5);
            case OVER_20_MILES -> miles > FAR_MILES ? weight : 0;
            case MOVE -> isMove(child, provider) ? weight : 0;
            case LANGUAGE -> !child.getLanguages().isEmpty() && !speaksAny(provider, child.getLanguages()) ? weight : 0;
            case RELIGION ->
                child.getReligion() != null
                                && provider.getReligion() != null
                                && !child.getReligion().equals(provider.getReligion())
                        ? weight
                        : 0;
            case SIBLINGS_APART -> throw new IllegalArgumentException("siblingsApart is scored per sibling group");
        };
    }

    /** Points of one per-child term summed over a unit's members. */
    public static long points(SoftTerm term, Collection<Child> children, Provider provider, ScoringWeights weights) {
        long points = 0;
        for (Child child : children) {
            points += points(term, child, provider, weights);
        }
        return points;
    }

    /** All per-child terms of the child at the provider. */
    public static long totalPoints(Child child, Provider provider, ScoringWeights weights) {
        double miles = child.milesTo(provider);
        long points = 0;
        for (SoftTerm term : PER_CHILD_TERMS) {
            points += points(term, child, provider, weights, miles);
        }
        return points;
    }

    /** The terms scored per child at its provider, as an array read once (values() copies on every call). */
    private static final SoftTerm[] PER_CHILD_TERMS = java.util.Arrays.stream(SoftTerm.values())
            .filter(SoftTerm::isPerChildAtProvider)
            .toArray(SoftTerm[]::new);

    /**
     * The cost term's points for a provider at this weekly cost: weight times cost, rounded half up after
     * weighting (decimal arithmetic, so that a cost of x.5 pence rounds as the contract says).
     * {@link Provider} keeps the answer, as it is the same for every child placed there.
     */
    static long costPoints(long weight, double weeklyCost) {
        return roundHalfUp(BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(weeklyCost)));
    }

    private static boolean speaksAny(Provider provider, java.util.Set<String> languages) {
        for (String language : languages) {
            if (provider.getLanguages().contains(language)) {
                return true;
            }
        }
        return false;
    }

    /** siblingsApart for one placeTogether=false sibling group whose placed members use that many providers. */
    public static long siblingsApartPoints(int distinctProviders, ScoringWeights weights) {
        return weights.siblingsApart() * Math.max(0, distinctProviders - 1);
    }

    /** A move: the child has a current placement, is not leaving it anyway, and is placed elsewhere. */
    public static boolean isMove(Child child, Provider provider) {
        return child.getCurrentPlacement() != null && !child.isNeedsMove() && provider != child.getCurrentPlacement();
    }

    private static long roundHalfUp(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
