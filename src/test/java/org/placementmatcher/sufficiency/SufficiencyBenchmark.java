package org.placementmatcher.sufficiency;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.placementmatcher.benchmark.ExactSolver;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.sufficiency.SufficiencyReport.PlaceValue;

/**
 * The sufficiency report's benchmark (README, "Sufficiency report"): the whole report on a dataset, timed, and its
 * ten highest place values beside the flow's price of each place and, with {@code --exact-seconds}, the exact
 * solver's improvement (OR-Tools SCIP: the optimum with that extra place less the optimum without). Prints Markdown.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@sufficiency-benchmark \
 *   -Dexec.args="--dataset sample-data/county.json --seconds 15 --exact-seconds 300 --exact-top 10"
 * </pre>
 */
public final class SufficiencyBenchmark {

    private SufficiencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path dataset = Path.of(options.getOrDefault("--dataset", "sample-data/county.json"));
        long seconds = Long.parseLong(options.getOrDefault("--seconds", "30"));
        long exactSeconds = Long.parseLong(options.getOrDefault("--exact-seconds", "0"));
        int exactTop = Integer.parseInt(options.getOrDefault("--exact-top", "10"));
        PlacementProblem problem = ProblemReader.read(Files.readString(dataset));
        PlacementSolver solver = PlacementSolver.fromClasspathConfig();
        long confirmMillis = Long.parseLong(options.getOrDefault("--confirm-millis", "1000"));
        int maxConfirmed = Integer.parseInt(options.getOrDefault("--max-confirmed", "24"));
        SufficiencyService service = new SufficiencyService(solver, confirmMillis, maxConfirmed, 2);

        long start = System.nanoTime();
        SufficiencyReport report = service.report(problem, Duration.ofSeconds(seconds));
        double reportSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, PlaceValues.Value> fast = new HashMap<>();
        PlaceValues.fast(ProblemMapper.toSolution(problem))
                .forEach(v -> fast.put(v.provider().getId(), v));

        ExactSolver exact = exactSeconds > 0 ? new ExactSolver(solver) : null;
        HardMediumSoftScore optimum = null;
        if (exact != null) {
            optimum = exactScore(exact, problem, exactSeconds);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Dataset %s: report in %.1f s (plan solved for at most %d s; re-optimisations of %d ms, at most %d), "
                        + "plan score %s, %d providers valued, "
                        + "%d segments, %d unmet-need groups%s%n%n",
                dataset.getFileName(),
                reportSeconds,
                seconds,
                confirmMillis,
                maxConfirmed,
                report.plan().score(),
                report.placeValues().size(),
                report.segments().size(),
                report.unmetNeed().size(),
                optimum == null ? "" : "; exact optimum " + optimum));
        out.append("| rank | provider | flow price (medium/soft) | reported (medium/soft) | confirmed |"
                + (exact == null ? "" : " exact improvement (medium/soft) | within 5% or £25 |")
                + "\n|---|---|---|---|---|" + (exact == null ? "" : "---|---|") + "\n");
        List<PlaceValue> top = report.placeValues().stream().limit(10).toList();
        int rank = 1;
        for (PlaceValue value : top) {
            PlaceValues.Value price = fast.get(value.providerId());
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %d/%d | %d/%d | %s |",
                    rank++,
                    value.providerId(),
                    price.medium(),
                    price.soft(),
                    value.medium(),
                    value.soft(),
                    value.confirmed() ? "yes" : "no"));
            if (exact != null && rank - 1 > exactTop) {
                out.append(" not run | |");
            } else if (exact != null) {
                HardMediumSoftScore with =
                        exactScore(exact, PlaceValues.withOneMorePlace(problem, value.providerId()), exactSeconds);
                long medium = with.mediumScore() - optimum.mediumScore();
                long soft = with.softScore() - optimum.softScore();
                boolean within = medium == value.medium()
                        && Math.abs(soft - value.soft()) <= Math.max(25, 0.05 * Math.abs(soft));
                out.append(String.format(Locale.ROOT, " %d/%d | %s |", medium, soft, within ? "yes" : "NO"));
            }
            out.append('\n');
            System.err.print(out);
        }
        out.append("\nTop segments:\n\n");
        report.segments().stream()
                .limit(3)
                .forEach(segment -> out.append("- ").append(segment).append('\n'));
        out.append("\nLargest unmet-need groups:\n\n");
        report.unmetNeed().stream()
                .limit(3)
                .forEach(row -> out.append("- ").append(row).append('\n'));
        System.out.print(out);
    }

    private static HardMediumSoftScore exactScore(ExactSolver exact, PlacementProblem problem, long seconds) {
        ExactSolver.Result result = exact.solve(ProblemMapper.toSolution(problem), Duration.ofSeconds(seconds), null);
        if (!result.optimal()) {
            System.err.println("exact: not proven optimal (" + result.status() + ")");
        }
        return result.score();
    }
}
