package org.placementmatcher.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import org.junit.jupiter.api.Test;

/**
 * A short run of the benchmark runner as the README runs it (each method in a JVM of its own): the small
 * dataset, the engine at 1 s, the greedy and the exact solver. A few seconds; the long benchmark is not run in CI.
 */
class BenchmarkRunnerSmokeTest {

    @Test
    void smokeRunGivesOneRowPerMethodInTheExpectedOrder() throws Exception {
        BenchmarkRunner.Report report = BenchmarkRunner.run(BenchmarkRunner.Config.parse(new String[] {"--smoke"}), System.err);

        List<BenchmarkRunner.Row> rows = report.rowsOf("small");
        assertThat(rows).extracting(BenchmarkRunner.Row::method)
                .containsExactly("engine 1 s", "greedy (current practice)", "exact MIP (SCIP) (20 s limit)");
        assertThat(rows).allSatisfy(row -> assertThat(row.done()).as(row.method() + ": " + row.note()).isTrue());
        SingleRun.Result engine = rows.get(0).result();
        SingleRun.Result greedy = rows.get(1).result();
        SingleRun.Result exact = rows.get(2).result();

        assertThat(exact.extra()).doesNotContainKey("scoreCheck");
        assertThat(exact.extra().get("status")).isEqualTo("OPTIMAL");
        assertThat(score(greedy)).isLessThanOrEqualTo(score(engine));
        assertThat(score(engine)).isLessThanOrEqualTo(score(exact));
        assertThat(engine.hard()).isZero();
        assertThat(engine.kpis().children()).isEqualTo(greedy.kpis().children()).isEqualTo(exact.kpis().children());
        assertThat(engine.seconds()).isLessThan(10);
        assertThat(engine.peakHeapBytes()).isPositive();

        assertThat(report.table()).startsWith(BenchmarkRunner.HEADER);
        assertThat(report.table().lines().filter(line -> line.startsWith("| small |"))).hasSize(3);
        assertThat(report.table()).contains("| 0.00 % |"); // the exact row against itself
        assertThat(report.notes()).contains("OPTIMAL").contains("equals the solver's objective");
        assertThat(BenchmarkRunner.markdown(report)).contains("## Machine").contains("nproc").contains(report.table());
    }

    private static HardMediumSoftScore score(SingleRun.Result r) {
        return HardMediumSoftScore.of(r.hard(), r.medium(), r.soft());
    }
}
