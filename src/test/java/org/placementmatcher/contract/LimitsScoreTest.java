package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;
import org.placementmatcher.solver.ScoreText;

/**
 * Contract section 10: a problem with every number at its limit scores without overflow, through the engine
 * (mapping, the solver's score, the breakdown, a short solve and a match query).
 */
class LimitsScoreTest {

    private static final int CHILDREN = InputLimits.MAX_PLACES;
    /** The far side of the Earth from the children's homes: the longest distance there is. */
    private static final double MILES = Geo.miles(0, 0, 0, 180);

    @Test
    void theWorstCaseTotalFitsALongWithRoomToSpare() {
        BigInteger perChild = BigInteger.valueOf((long) InputLimits.MAX_WEEKLY_COST * InputLimits.MAX_WEIGHT)
                .add(BigInteger.valueOf(Math.round(MILES * InputLimits.MAX_WEIGHT)))
                .add(BigInteger.valueOf(6 * InputLimits.MAX_WEIGHT));
        BigInteger worst = perChild.multiply(BigInteger.valueOf(InputLimits.MAX_CHILDREN))
                .add(BigInteger.valueOf(
                        InputLimits.MAX_WEIGHT * InputLimits.MAX_CHILDREN)); // siblingsApart, every group

        assertThat(worst).isLessThan(BigInteger.valueOf(Long.MAX_VALUE / 64));
    }

    @Test
    void aProblemWithEveryNumberAtItsLimitScoresWithoutOverflow() {
        PlacementProblem problem = ProblemReader.read(atLimits());
        PlacementSolution solution = ProblemMapper.toSolution(problem);
        Provider first = solution.getProviders().getFirst();
        for (PlacementUnit unit : solution.getUnits()) {
            unit.setProvider(first);
        }

        HardMediumSoftScore score = PlacementSolver.fromClasspathConfig().score(solution);

        long perChild = (long) (InputLimits.MAX_WEEKLY_COST * InputLimits.MAX_WEIGHT) // cost
                + InputLimits.MAX_WEIGHT // outOfArea
                + Math.round(InputLimits.MAX_WEIGHT * MILES) // distancePerMile
                + 4 * InputLimits.MAX_WEIGHT; // over20Miles, move, language, religion
        assertThat(score).isEqualTo(HardMediumSoftScore.of(0, 0, -perChild * CHILDREN));
        assertThat(ScoreBreakdown.of(solution).score()).isEqualTo(ScoreText.format(score));
    }

    @Test
    void aShortSolveAndAMatchAtTheLimitsStaySane() {
        PlacementProblem problem = ProblemReader.read(atLimits());

        PlacementSolution best = PlacementSolver.fromClasspathConfig()
                .solve(ProblemMapper.toSolution(problem), Duration.ofSeconds(2), null);

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).isZero();
        // Every child placed somewhere: each costs at least £10^12 a week weighted; a wrapped long would not.
        assertThat(best.getScore().softScore())
                .isNegative()
                .isLessThanOrEqualTo(-(long) (InputLimits.MAX_WEEKLY_COST * InputLimits.MAX_WEIGHT) * CHILDREN);
        assertThat(ScoreBreakdown.of(best).score()).isEqualTo(ScoreText.format(best.getScore()));

        MatchResult match = MatchService.match(Caseload.of(problem), List.of("C-0"), 5, false);
        assertThat(match.options()).isNotEmpty();
    }

    @Test
    void siblingGroupsOfEverySizeFromOneToFortyFiveSolve() {
        // Their sizes' least common multiple overflows a long: the construction flow used to fail every solve.
        PlacementProblem problem = ProblemReader.read(ProblemFixtures.edit(root -> {
            ArrayNode providers = root.putArray("providers");
            for (int i = 0; i < 50; i++) {
                ObjectNode p = providers
                        .addObject()
                        .put("id", "P-" + i)
                        .put("type", "RESIDENTIAL_HOME")
                        .put("localAuthority", "E1")
                        .put("places", 50)
                        .put("ageMin", 0)
                        .put("ageMax", 25)
                        .put("weeklyCost", 1000);
                p.putObject("location").put("lat", 52).put("lon", 0.1 + i * 0.01);
            }
            ArrayNode children = root.putArray("children");
            for (int size = 1, n = 0; size <= 45; size++) {
                for (int k = 0; k < size; k++) {
                    children.addObject()
                            .put("id", "C-" + n++)
                            .put("dateOfBirth", "2015-01-01")
                            .put("gender", "FEMALE")
                            .put("urgency", "URGENT")
                            .put("siblingGroup", "G" + size)
                            .putObject("home")
                            .put("lat", 52)
                            .put("lon", 0.1);
                }
            }
        }));

        PlacementSolution best = PlacementSolver.fromClasspathConfig()
                .solve(ProblemMapper.toSolution(problem), Duration.ofSeconds(1), null);

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).isZero();
    }

    /**
     * Two residential homes of 1,000 places at £1,000,000 a week, far from every child, in another authority, and
     * 1,000 children, each currently at a third home, speaking another language, of another religion, in sibling
     * pairs placed apart; every weight 1,000,000; an excluded area of 1,000 miles that excludes nothing.
     */
    private static String atLimits() {
        return ProblemFixtures.edit(root -> {
            ObjectNode weights = root.putObject("weights");
            ScoringWeights.KEYS.forEach(key -> weights.put(key, InputLimits.MAX_WEIGHT));
            ArrayNode providers = root.putArray("providers");
            for (String id : List.of("P-0", "P-1", "P-OLD")) {
                ObjectNode p = providers
                        .addObject()
                        .put("id", id)
                        .put("type", "RESIDENTIAL_HOME")
                        .put("localAuthority", "FAR")
                        .put("places", InputLimits.MAX_PLACES)
                        .put("ageMin", 0)
                        .put("ageMax", 25)
                        .put("weeklyCost", InputLimits.MAX_WEEKLY_COST)
                        .put("religion", "A");
                p.putObject("location").put("lat", 0).put("lon", id.equals("P-OLD") ? 0 : 180);
                p.putArray("languages").add("en");
            }
            ArrayNode children = root.putArray("children");
            for (int i = 0; i < CHILDREN; i++) {
                ObjectNode c = children.addObject()
                        .put("id", "C-" + i)
                        .put("dateOfBirth", "2015-01-01")
                        .put("gender", "FEMALE")
                        .put("urgency", "URGENT")
                        .put("currentPlacement", "P-OLD")
                        .put("needsMove", false)
                        .put("religion", "B")
                        .put("siblingGroup", "S-" + i / 2)
                        .put("placeTogether", false);
                c.putObject("home").put("lat", 0).put("lon", 0);
                c.putArray("languages").add("xx");
                c.putArray("excludedAreas")
                        .addObject()
                        .put("lat", 0)
                        .put("lon", 0)
                        .put("radiusMiles", InputLimits.MAX_RADIUS_MILES);
            }
        });
    }
}
