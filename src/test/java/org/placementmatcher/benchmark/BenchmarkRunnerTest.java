package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Kpis;

/** The gap column's reference, from rows made up here (no runs). */
class BenchmarkRunnerTest {

    private static final Kpis NO_KPIS = new Kpis(1200, 0, 0, 0, 0, 0, 0, 0, null);

    private static BenchmarkRunner.Row plan(String method, long medium, long soft, Map<String, String> extra) {
        return new BenchmarkRunner.Row(
                "d",
                method,
                new SingleRun.Result(
                        method,
                        "0hard/" + medium + "medium/" + soft + "soft",
                        0,
                        medium,
                        soft,
                        NO_KPIS,
                        1,
                        1,
                        1,
                        1,
                        extra),
                "");
    }

    private static BenchmarkRunner.Row bound(long medium, long soft) {
        return new BenchmarkRunner.Row(
                "d",
                BenchmarkRunner.BOUND_LABEL,
                new SingleRun.Result(
                        "bound",
                        "none",
                        0,
                        0,
                        0,
                        NO_KPIS,
                        1,
                        1,
                        1,
                        1,
                        Map.of(
                                "status",
                                "LAGRANGIAN",
                                "hardBound",
                                "0",
                                "mediumBound",
                                Long.toString(medium),
                                "softBound",
                                Long.toString(soft))),
                "");
    }

    private static Map<String, String> exact(String status, long medium, Long soft) {
        return soft == null
                ? Map.of("status", status, "mediumBound", Long.toString(medium))
                : Map.of("status", status, "mediumBound", Long.toString(medium), "softBound", Long.toString(soft));
    }

    @Test
    void secondsAreGivenForEveryDatasetAndForSomeOnTheirOwn() {
        BenchmarkRunner.Config config = BenchmarkRunner.Config.parse(
                new String[] {"--exact-seconds", "120,county-1200=0", "--bound-seconds", "region=1500"});

        assertThat(config.exactSecondsFor("county")).isEqualTo(120);
        assertThat(config.exactSecondsFor("county-1200")).isZero();
        assertThat(config.boundSecondsFor("county")).isEqualTo(180);
        assertThat(config.boundSecondsFor("region")).isEqualTo(1500);
        assertThat(BenchmarkRunner.Config.parse(new String[0]).exactSecondsFor("region"))
                .isEqualTo(600);
    }

    @Test
    void anOptimumIsTheReferenceWhateverTheBounds() {
        BenchmarkRunner.Reference ref = BenchmarkRunner.reference(List.of(
                plan("engine", -30, -538898, Map.of()),
                plan("exact", -30, -538611, exact("OPTIMAL", -30, -538611L)),
                bound(-30, -538303)));

        assertThat(ref).isEqualTo(new BenchmarkRunner.Reference(0, -30, -538611L, true));
        assertThat(BenchmarkRunner.gap(plan("engine", -30, -538898, Map.of()).result(), ref))
                .isEqualTo("0.05 %");
    }

    @Test
    void elseTheTightestBoundLexicographically() {
        BenchmarkRunner.Row engine = plan("engine", -50, -1297220, Map.of());
        BenchmarkRunner.Row stopped = plan("exact", -50, -2639024, exact("FEASIBLE", -50, -1289456L));

        // The Lagrangian bound is lower (tighter) than the stopped MIP's: it is the reference, as an upper bound on
        // the optimum, so the gap is "at most".
        BenchmarkRunner.Reference ref = BenchmarkRunner.reference(List.of(engine, stopped, bound(-50, -1289673)));
        assertThat(ref).isEqualTo(new BenchmarkRunner.Reference(0, -50, -1289673L, false));
        assertThat(BenchmarkRunner.gap(engine.result(), ref)).isEqualTo("<= 0.59 %");

        // A weaker Lagrangian bound leaves the MIP's; a medium-only bound loses to any with a soft part at that medium.
        assertThat(BenchmarkRunner.reference(List.of(engine, stopped, bound(-50, -1288000)))
                        .soft())
                .isEqualTo(-1289456L);
        assertThat(BenchmarkRunner.reference(
                        List.of(plan("exact", -50, -2639024, exact("FEASIBLE", -50, null)), bound(-50, -1289673))))
                .isEqualTo(new BenchmarkRunner.Reference(0, -50, -1289673L, false));
        // A lower medium bound is tighter whatever the soft.
        assertThat(BenchmarkRunner.reference(List.of(stopped, bound(-52, -1200000)))
                        .medium())
                .isEqualTo(-52);
    }

    @Test
    void noBoundNoReference() {
        assertThat(BenchmarkRunner.reference(List.of(plan("engine", -50, -1297220, Map.of()))))
                .isNull();
    }
}
