package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SolveProgressTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final SolveProgress progress =
            new SolveProgress(new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(30), nanos::get);

    private void report(long afterMillis, HardMediumSoftScore best) {
        nanos.addAndGet(Duration.ofMillis(afterMillis).toNanos());
        progress.report(best, true);
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theConstructionResultIsPrintedAtOnceWithElapsedTimeAndLimit() {
        report(2_500, HardMediumSoftScore.of(0, -63, -90_023));

        assertThat(printed())
                .isEqualTo(
                        "[   2.5 s of 30 s] construction 0hard/-63medium/-90023soft: feasible, unplaced children weigh 63, soft cost 90,023\n");
    }

    @Test
    void theProblemAsGivenIsLabelledInputNotBestAndConstructionIsPrintedAtOnceEvenWithTheSameLevels() {
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        progress.report(HardMediumSoftScore.of(0, -63, -95_000), false);
        report(200, HardMediumSoftScore.of(0, -63, -90_023));
        report(200, HardMediumSoftScore.of(0, -63, -90_000));

        assertThat(printed().lines())
                .containsExactly(
                        "[   0.1 s of 30 s] input 0hard/-63medium/-95000soft: feasible, unplaced children weigh 63, soft cost 95,000",
                        "[   0.3 s of 30 s] construction 0hard/-63medium/-90023soft: feasible, unplaced children weigh 63, soft cost 90,023");
    }

    @Test
    void softImprovementsAtMostOneLineASecond() {
        report(2_500, HardMediumSoftScore.of(0, -63, -90_023));
        report(400, HardMediumSoftScore.of(0, -63, -90_000));
        report(500, HardMediumSoftScore.of(0, -63, -89_000));
        report(100, HardMediumSoftScore.of(0, -63, -88_000));
        report(2_000, HardMediumSoftScore.of(0, -63, -88_000));

        assertThat(printed().lines()).hasSize(3);
        assertThat(printed().lines().toList().get(0))
                .startsWith("[   2.5 s of 30 s] construction 0hard/-63medium/-90023soft");
        assertThat(printed().lines().toList().get(1)).startsWith("[   3.5 s of 30 s] best 0hard/-63medium/-88000soft");
        assertThat(printed().lines().toList().get(2)).startsWith("[   5.5 s of 30 s] best 0hard/-63medium/-88000soft");
    }

    @Test
    void aChangeInFeasibilityOrChildrenPlacedIsPrintedAtOnce() {
        report(2_500, HardMediumSoftScore.of(-2, -433, 0));
        report(300, HardMediumSoftScore.of(0, -433, 0));
        report(300, HardMediumSoftScore.of(0, -30, -538_733));
        report(300, HardMediumSoftScore.of(0, -30, -538_000));

        assertThat(printed().lines()).hasSize(3);
        assertThat(printed().lines().toList().get(2)).startsWith("[   3.1 s of 30 s] best 0hard/-30medium/-538733soft");
    }

    @Test
    void theScoreInWordsSaysWhatIsWrong() {
        assertThat(SolveProgress.inWords(HardMediumSoftScore.of(-3, 0, -1_234_567)))
                .isEqualTo("NOT feasible (3 hard-rule violations), everyone placed, soft cost 1,234,567");
    }
}
