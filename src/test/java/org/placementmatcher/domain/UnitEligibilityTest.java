package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The unit's eligibility and cheapest-first candidates, worked out the fast way (rules cheapest first, each
 * provider's cost points and each end's latitude worked out once, a primitive sort), equal the straightforward
 * computation: every per-child rule in the contract's order, the haversine from degrees, the cost term in decimals
 * for every pair, and a sort by comparator. Every unit of the sample problems and of a generated one with other
 * weights: the candidates in the same order, eligibility at every provider, and the soft points at every candidate.
 */
class UnitEligibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"small.json", "county.json", "region.json", "generated"})
    void fastEligibilityEqualsTheStraightforwardOne(String sample) throws Exception {
        PlacementProblem problem = sample.equals("generated")
                ? withWeights(
                        SampleDataGenerator.generate(SampleSize.COUNTY, 99),
                        Map.of("cost", 3L, "distancePerMile", 7L, "outOfArea", 0L, "language", 41L))
                : ProblemReader.read(Files.readString(Path.of("sample-data", sample)));
        PlacementSolution solution = ProblemMapper.toSolution(problem);
        List<Provider> providers = solution.getProviders();
        long pairs = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            List<Provider> expected = new ArrayList<>();
            for (Provider p : providers) {
                boolean eligible = p.getPlaces() >= unit.size()
                        && unit.getMembers().stream().allMatch(c -> passesEveryPerChildRule(c, p));
                assertThat(unit.isEligible(p)).as(unit.getId() + " at " + p).isEqualTo(eligible);
                assertThat(unit.passesRules(p))
                        .as(unit.getId() + " by the rules at " + p)
                        .isEqualTo(eligible);
                if (eligible) {
                    expected.add(p);
                }
            }
            expected.sort(Comparator.comparingLong((Provider p) -> straightforwardSoftPoints(unit, p))
                    .thenComparingInt(Provider::getIndex));
            Provider current = unit.sharedCurrentPlacement();
            if (unit.isPinned() && current != null && !expected.contains(current)) {
                expected.add(current);
            }
            assertThat(unit.getCandidates()).as(unit.getId()).containsExactlyElementsOf(expected);
            for (Provider p : unit.getCandidates()) {
                assertThat(unit.staticSoftPoints(p))
                        .as(unit.getId() + " at " + p)
                        .isEqualTo(straightforwardSoftPoints(unit, p));
            }
            pairs += expected.size();
        }
        assertThat(pairs).isGreaterThan(1000);
    }

    /**
     * A provider that is not the problem's own, though it has the index of one (a scenario's), is checked by the rules
     * afresh, not by the mask the unit keeps for the problem's providers.
     */
    @Test
    void aProviderFromElsewhereIsCheckedByTheRulesNotByTheUnitsMask() throws Exception {
        PlacementSolution solution =
                ProblemMapper.toSolution(ProblemReader.read(Files.readString(Path.of("sample-data", "county.json"))));
        Provider own = solution.getProviders().getFirst();
        PlacementUnit unit = solution.getUnits().stream()
                .filter(u -> u.isEligible(own))
                .findFirst()
                .orElseThrow();
        Provider noPlaces = provider(
                "elsewhere",
                own.getIndex(),
                own.getType(),
                own.getLocalAuthority(),
                own.getLat(),
                own.getLon(),
                0,
                400);

        assertThat(unit.passesRules(own)).isTrue();
        assertThat(unit.passesRules(noPlaces)).isFalse();
    }

    /** The cost points each provider keeps follow the weight asked for, and round half up as in decimals. */
    @Test
    void costPointsRoundHalfUpAtWhateverWeightIsAskedFor() {
        for (double cost : new double[] {812.5, 0.5, 1234.567, 99.99, 2.4999999}) {
            Provider provider = provider("p", 0, ProviderType.IN_HOUSE_FOSTER, "E10000003", 52.2, 0.12, 2, cost);
            for (long weight : new long[] {1, 3, 1, 7, 7, 0, 2}) {
                ScoringWeights weights = new ScoringWeights(weight, 0, 0, 0, 0, 0, 0, 0);
                long expected = BigDecimal.valueOf(weight)
                        .multiply(BigDecimal.valueOf(cost))
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
                assertThat(SoftTerms.points(SoftTerm.COST, (Child) null, provider, weights))
                        .as(weight + " x " + cost)
                        .isEqualTo(expected);
            }
        }
    }

    /** A provider in the home authority, for children of any age, with none of the optional facts. */
    private static Provider provider(
            String id,
            int index,
            ProviderType type,
            String localAuthority,
            double lat,
            double lon,
            int places,
            double weeklyCost) {
        return new Provider(
                id,
                index,
                type,
                localAuthority,
                true,
                lat,
                lon,
                places,
                0,
                17,
                null,
                Set.of(),
                weeklyCost,
                LocalDate.of(2026, 1, 1),
                true,
                Set.of(),
                false,
                Set.of("en"),
                null,
                true,
                null,
                null);
    }

    private static boolean passesEveryPerChildRule(Child child, Provider provider) {
        for (HardRule rule : HardRule.values()) {
            if (rule.isPerChildAtProvider() && PlacementRules.childAtProviderPoints(rule, child, provider) > 0) {
                return false;
            }
        }
        return true;
    }

    private static long straightforwardSoftPoints(PlacementUnit unit, Provider provider) {
        ScoringWeights weights = unit.getWeights();
        long points = 0;
        for (Child child : unit.getMembers()) {
            double miles = Geo.miles(child.getFromLat(), child.getFromLon(), provider.getLat(), provider.getLon());
            for (SoftTerm term : SoftTerm.values()) {
                if (term == SoftTerm.COST) {
                    points += BigDecimal.valueOf(weights.cost())
                            .multiply(BigDecimal.valueOf(provider.getWeeklyCost()))
                            .setScale(0, RoundingMode.HALF_UP)
                            .longValueExact();
                } else if (term.isPerChildAtProvider()) {
                    points += SoftTerms.points(term, child, provider, weights, miles);
                }
            }
        }
        return points;
    }

    private static PlacementProblem withWeights(PlacementProblem p, Map<String, Long> weights) {
        return new PlacementProblem(
                p.schemaVersion(),
                p.name(),
                p.referenceDate(),
                p.homeAuthority(),
                weights,
                p.providers(),
                p.children(),
                p.adjoiningAuthorities(),
                p.minimumOfstedJudgement());
    }
}
