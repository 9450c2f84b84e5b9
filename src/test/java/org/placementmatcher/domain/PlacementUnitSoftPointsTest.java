package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The unit's cached soft points ({@link PlacementUnit#softPoints}) always equal the shared definition
 * ({@link SoftTerms}) at the unit's provider of the moment, however the provider changes: to new places, back to
 * the last one or the one before (the moves tried and undone the cache is there for), and to unplaced.
 */
class PlacementUnitSoftPointsTest {

    @Test
    void cachedPointsFollowEveryChangeOfProvider() throws Exception {
        PlacementSolution solution =
                ProblemMapper.asToday(ProblemReader.read(Files.readString(Path.of("sample-data", "small.json"))));
        List<Provider> providers = solution.getProviders();
        Random random = new Random(11);
        int checked = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            Provider previous = null;
            Provider beforePrevious = null;
            for (int step = 0; step < 12; step++) {
                int pick = random.nextInt(6);
                Provider next = pick == 0
                        ? null
                        : pick == 1
                                ? previous
                                : pick == 2 ? beforePrevious : providers.get(random.nextInt(providers.size()));
                beforePrevious = previous;
                previous = unit.getProvider();
                unit.setProvider(next);
                for (SoftTerm term : SoftTerm.values()) {
                    if (term.isPerChildAtProvider()) {
                        long expected =
                                next == null ? 0 : SoftTerms.points(term, unit.getMembers(), next, unit.getWeights());
                        assertThat(unit.softPoints(term))
                                .as(unit.getId() + " at " + next + ", " + term)
                                .isEqualTo(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }
}
