package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The solver's best score as the bound beside it reads it: it follows new bests, and never goes back. */
class BestScoreSoFarTest {

    @Test
    void followsNewBestsAndKeepsTheBestWhateverTheOrder() {
        BestScoreSoFar best = new BestScoreSoFar();
        assertThat(best.get()).isNull();

        best.offer(HardMediumSoftScore.of(0, -5, -900));
        assertThat(best.get()).isEqualTo(HardMediumSoftScore.of(0, -5, -900));
        best.offer(HardMediumSoftScore.of(0, -1, -1200)); // medium first
        assertThat(best.get()).isEqualTo(HardMediumSoftScore.of(0, -1, -1200));
        best.offer(HardMediumSoftScore.of(0, -1, -1100));
        assertThat(best.get()).isEqualTo(HardMediumSoftScore.of(0, -1, -1100));

        best.offer(HardMediumSoftScore.of(0, -5, -800)); // told late: worse
        best.offer(null);
        assertThat(best.get()).isEqualTo(HardMediumSoftScore.of(0, -1, -1100));
    }

    @Test
    void keepsTheBestOfScoresToldFromSeveralThreads() throws InterruptedException {
        BestScoreSoFar best = new BestScoreSoFar();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    best.offer(HardMediumSoftScore.of(0, 0, -(40_000 - 4L * i - offset)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(best.get()).isEqualTo(HardMediumSoftScore.of(0, 0, -(40_000 - 4L * 9_999 - 3)));
    }
}
