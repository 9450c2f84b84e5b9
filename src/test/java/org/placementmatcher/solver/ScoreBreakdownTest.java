package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

class ScoreBreakdownTest {

    private final PlacementSolver solver = PlacementSolver.fromClasspathConfig();

    @Test
    void breakdownAddsUpToTheSolversScoreOnManyRandomPlans() {
        SplittableRandom random = new SplittableRandom(7);
        for (int plan = 0; plan < 60; plan++) {
            PlacementSolution solution = ProblemMapper.toSolution(SampleDataGenerator.generate(SampleSize.SMALL, plan));
            List<Provider> providers = solution.getProviders();
            List<List<Provider>> eligible = solution.getUnits().stream()
                    .map(u -> List.copyOf(u.getCandidates()))
                    .toList();
            solution.getUnits().forEach(PlacementUnit::allowAnyProvider);
            int index = 0;
            for (PlacementUnit unit : solution.getUnits()) {
                List<Provider> candidates = eligible.get(index++);
                if (unit.isPinned()) {
                    continue;
                }
                // Mostly eligible providers, sometimes any provider (hard violations) or none (unplaced).
                int roll = random.nextInt(10);
                if (roll < 2) {
                    unit.setProvider(null);
                } else if (roll < 4 || candidates.isEmpty()) {
                    unit.setProvider(providers.get(random.nextInt(providers.size())));
                } else {
                    unit.setProvider(candidates.get(random.nextInt(candidates.size())));
                }
            }
            HardMediumSoftScore score = solver.score(solution);
            ScoreBreakdown.Analysis analysis = ScoreBreakdown.of(solution);

            assertThat(analysis.score()).as("plan %d", plan).isEqualTo(ScoreText.format(score));
            HardMediumSoftScore sumOfMatches = analysis.constraints().stream()
                    .flatMap(c -> c.matches().stream())
                    .map(m -> HardMediumSoftScore.parseScore(m.score()))
                    .reduce(HardMediumSoftScore.ZERO, HardMediumSoftScore::add);
            assertThat(sumOfMatches).as("plan %d", plan).isEqualTo(score);
            assertThat(score.hardScore())
                    .as("random plans must exercise hard rules")
                    .isNegative();
        }
    }

    @Test
    void namesTheChildrenAndProvidersBehindEachPoint() throws Exception {
        PlacementSolution solution = ProblemMapper.asToday(org.placementmatcher.contract.ProblemReader.read(
                org.placementmatcher.contract.ProblemFixtures.handScored()));
        solution.getUnits().get(1).setProvider(solution.getProviders().get(0));

        ScoreBreakdown.Analysis analysis = ScoreBreakdown.of(solution);

        ScoreBreakdown.ConstraintTotal unplaced = analysis.constraints().stream()
                .filter(c -> c.code().equals("unplaced"))
                .findFirst()
                .orElseThrow();
        assertThat(unplaced.score()).isEqualTo("0hard/-10medium/0soft");
        assertThat(unplaced.matches())
                .singleElement()
                .satisfies(m -> assertThat(m.childIds()).containsExactly("C4"));
        ScoreBreakdown.ConstraintTotal religion = analysis.constraints().stream()
                .filter(c -> c.code().equals("religion"))
                .findFirst()
                .orElseThrow();
        assertThat(religion.matches()).singleElement().satisfies(m -> {
            assertThat(m.childIds()).containsExactly("C3");
            assertThat(m.providerIds()).containsExactly("P2");
            assertThat(m.score()).isEqualTo("0hard/0medium/-50soft");
        });
    }
}
