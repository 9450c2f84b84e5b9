package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short run of the benchmark runner as the README runs it (each method in a JVM of its own): the small
 * dataset, the engine at 1 s, the greedy, the exact solver and the Lagrangian bound. A few seconds; the long
 * benchmark is not run in CI.
 */
class BenchmarkRunnerSmokeTest {

    @Test
    void smokeRunGivesOneRowPerMethodInTheExpectedOrder() throws Exception {
        OrToolsNative.assumeAvailable(); // one of the rows is the exact solver
        BenchmarkRunner.Report report =
                BenchmarkRunner.run(BenchmarkRunner.Config.parse(new String[] {"--smoke"}), System.err);

        List<BenchmarkRunner.Row> rows = report.rowsOf("small");
        assertThat(rows)
                .extracting(BenchmarkRunner.Row::method)
                .containsExactly(
                        "engine 3 s",
                        "greedy (current practice)",
                        "exact MIP (SCIP) (20 s limit)",
                        "best bound (Lagrangian)");
        assertThat(rows.subList(0, 3))
                .allSatisfy(row -> assertThat(row.done())
                        .as(row.method() + ": " + row.note())
                        .isTrue());
        SingleRun.Result engine = rows.get(0).result();
        SingleRun.Result greedy = rows.get(1).result();
        SingleRun.Result exact = rows.get(2).result();
        SingleRun.Result bound = rows.get(3).result();

        assertThat(exact.extra()).doesNotContainKey("scoreCheck");
        assertThat(exact.extra().get("status")).isEqualTo("OPTIMAL");
        assertThat(score(greedy)).isLessThanOrEqualTo(score(engine));
        assertThat(score(engine)).isLessThanOrEqualTo(score(exact));
        assertThat(engine.hard()).isZero();
        assertThat(engine.kpis().children())
                .isEqualTo(greedy.kpis().children())
                .isEqualTo(exact.kpis().children());
        assertThat(engine.seconds()).isLessThan(10);
        assertThat(engine.peakHeapBytes()).isPositive();

        // The bound has no plan: it bounds the optimum, with the optimum's hard and medium.
        assertThat(rows.get(3).done()).isFalse();
        assertThat(bound.extra())
                .containsEntry("status", "LAGRANGIAN")
                .containsEntry("hardBound", "0")
                .containsEntry("mediumBound", Long.toString(exact.medium()));
        assertThat(Long.parseLong(bound.extra().get("softBound"))).isGreaterThanOrEqualTo(exact.soft());
        assertThat(bound.seconds()).isLessThan(10);

        assertThat(report.table()).startsWith(BenchmarkRunner.HEADER);
        assertThat(report.table().lines().filter(line -> line.startsWith("| small |")))
                .hasSize(4);
        assertThat(report.table()).contains("| 0.00 % |"); // the exact row against itself
        assertThat(report.table())
                .contains("| small | best bound (Lagrangian) | bound 0hard/" + exact.medium() + "medium/");
        assertThat(report.notes())
                .contains("OPTIMAL")
                .contains("equals the solver's objective")
                .contains("best bound (Lagrangian)");
        assertThat(BenchmarkRunner.markdown(report))
                .contains("## Machine")
                .contains("nproc")
                .contains(report.table());
    }

    private static HardMediumSoftScore score(SingleRun.Result r) {
        return HardMediumSoftScore.of(r.hard(), r.medium(), r.soft());
    }
}
