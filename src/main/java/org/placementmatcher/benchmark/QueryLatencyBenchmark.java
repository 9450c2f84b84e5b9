package org.placementmatcher.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchService;

/**
 * Measures match and emergency query latency on a loaded caseload (everyone else at their current
 * placements), and separately what reading and loading the request costs. Run:
 * {@code bin/placement-matcher bench-queries --input sample-data/region.json}.
 */
public final class QueryLatencyBenchmark {

    private final PrintStream out;

    public QueryLatencyBenchmark(PrintStream out) {
        this.out = out;
    }

    public void run(String json, int queries, long seed) {
        long t0 = System.nanoTime();
        PlacementProblem problem = ProblemReader.read(json);
        long t1 = System.nanoTime();
        Caseload caseload = Caseload.of(problem);
        long t2 = System.nanoTime();
        out.printf(
                Locale.ROOT,
                "caseload: %d children, %d providers; read+validate %.0f ms, load %.0f ms (first, cold)%n",
                problem.children().size(),
                problem.providers().size(),
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);

        List<List<String>> units = new ArrayList<>();
        for (PlacementUnit unit : caseload.today().getUnits()) {
            if (unit.getMembers().size() == 1 || unit.getTogetherGroup() != null) {
                units.add(unit.getMembers().stream().map(Child::getId).toList());
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        // Warm up the JIT on both paths before measuring.
        for (int i = 0; i < Math.min(300, queries); i++) {
            List<String> ids = units.get(random.nextInt(units.size()));
            MatchService.match(caseload, ids, MatchService.DEFAULT_LIMIT, i % 2 == 0);
        }
        report("match", measure(caseload, units, random, queries, false));
        report("emergency", measure(caseload, units, random, queries, true));

        int reloads = 5;
        double[] readMs = new double[reloads];
        double[] loadMs = new double[reloads];
        for (int i = 0; i < reloads; i++) {
            long a = System.nanoTime();
            PlacementProblem again = ProblemReader.read(json);
            long b = System.nanoTime();
            Caseload.of(again);
            long c = System.nanoTime();
            readMs[i] = (b - a) / 1e6;
            loadMs[i] = (c - b) / 1e6;
        }
        Arrays.sort(readMs);
        Arrays.sort(loadMs);
        out.printf(
                Locale.ROOT,
                "request cost when the caseload comes in the body (%d KB): read+validate median %.0f ms, "
                        + "load median %.0f ms%n",
                json.length() / 1024,
                readMs[reloads / 2],
                loadMs[reloads / 2]);
    }

    private static double[] measure(
            Caseload caseload, List<List<String>> units, SplittableRandom random, int queries, boolean emergency) {
        double[] millis = new double[queries];
        for (int i = 0; i < queries; i++) {
            List<String> ids = units.get(random.nextInt(units.size()));
            long start = System.nanoTime();
            MatchService.match(caseload, ids, MatchService.DEFAULT_LIMIT, emergency);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private void report(String kind, double[] sorted) {
        out.printf(
                Locale.ROOT,
                "%-9s %5d queries: p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                kind,
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
