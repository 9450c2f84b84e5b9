package org.placementmatcher.benchmark;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ScoreText;

/**
 * Benchmark: the engine at several time limits, the current-practice greedy, the exact reference (a
 * MIP/CP-SAT model of the same score) and a Lagrangian lower bound ({@link org.placementmatcher.solver.LagrangianBound}), on the sample
 * datasets, as one table (score, gap to the optimum or to the tightest proven bound, KPIs, time, peak heap).
 * Every run is a JVM of its own ({@link SingleRun}), one after another.
 *
 * <pre>
 * JAVA_HOME=$(.ci/find-jdk) ./mvnw -q test-compile exec:java@benchmark -Dexec.args="--output solver-config/BENCHMARKS.md"
 * </pre>
 *
 * Options (defaults in brackets): {@code --datasets small,county,county-1200,region},
 * {@code --engine-seconds 5,10,30,60}, {@code --exact-seconds 600} (also per dataset:
 * {@code 600,region=120}; 0 skips the exact run), {@code --exact-backend SCIP|CP_SAT},
 * {@code --exact-max-variables 500000} (a larger model is not attempted: memory),
 * {@code --bound-seconds 180} (the Lagrangian bound's time, its flow and set-up included, also per dataset:
 * {@code 180,region=1500}; 0 skips it),
 * {@code --reuse} (keep the results of runs already in target/benchmark/, run only the missing ones),
 * {@code --data-dir sample-data}, {@code --heap 2g} (each
 * run's -Xmx), {@code --output FILE} (markdown with machine and date; nothing written without it),
 * {@code --smoke} (small only, engine 3 s (its construction is held to the limit: at 1 s on a loaded machine the flow was cut short and the plan fell below the greedy), greedy, exact 20 s, bound 2 s; a few seconds, for the tests).
 */
public final class BenchmarkRunner {

    static final List<String> DEFAULT_DATASETS = List.of("small", "county", "county-1200", "region");
    static final String BOUND_LABEL = "best bound (Lagrangian)";

    private BenchmarkRunner() {}

    /** What to run. */
    public record Config(
            List<String> datasets,
            List<Integer> engineSeconds,
            int exactSeconds,
            Map<String, Integer> exactSecondsByDataset,
            ExactSolver.Backend backend,
            long exactMaxVariables,
            int boundSeconds,
            Map<String, Integer> boundSecondsByDataset,
            Path dataDir,
            String heap,
            Path output,
            boolean smoke,
            boolean reuse) {

        int exactSecondsFor(String dataset) {
            return exactSecondsByDataset.getOrDefault(dataset, exactSeconds);
        }

        int boundSecondsFor(String dataset) {
            return boundSecondsByDataset.getOrDefault(dataset, boundSeconds);
        }

        /** Seconds as {@code N} or {@code N,dataset=M,...}: the default, then each dataset's own. */
        private static int secondsByDataset(String spec, int seconds, Map<String, Integer> byDataset) {
            for (String s : spec.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                if (s.contains("=")) {
                    byDataset.put(
                            s.substring(0, s.indexOf('=')).trim(),
                            Integer.parseInt(s.substring(s.indexOf('=') + 1).trim()));
                } else {
                    seconds = Integer.parseInt(s.trim());
                }
            }
            return seconds;
        }

        static Config parse(String[] args) {
            Map<String, String> o = options(args);
            boolean smoke = o.containsKey("smoke");
            List<String> datasets = smoke
                    ? List.of("small")
                    : List.of(o.getOrDefault("datasets", String.join(",", DEFAULT_DATASETS))
                            .split(","));
            List<Integer> engine = new ArrayList<>();
            for (String s :
                    o.getOrDefault("engine-seconds", smoke ? "3" : "5,10,30,60").split(",")) {
                engine.add(Integer.parseInt(s.trim()));
            }
            Map<String, Integer> byDataset = new LinkedHashMap<>();
            int exact = secondsByDataset(o.getOrDefault("exact-seconds", ""), smoke ? 20 : 600, byDataset);
            Path output = smoke || !o.containsKey("output") ? null : Path.of(o.get("output"));
            ExactSolver.Backend backend = ExactSolver.Backend.valueOf(o.getOrDefault("exact-backend", "SCIP"));
            long maxVariables = Long.parseLong(
                    o.getOrDefault("exact-max-variables", Long.toString(ExactSolver.DEFAULT_MAX_VARIABLES)));
            Map<String, Integer> boundByDataset = new LinkedHashMap<>();
            int bound = secondsByDataset(o.getOrDefault("bound-seconds", ""), smoke ? 2 : 180, boundByDataset);
            return new Config(
                    datasets,
                    engine,
                    exact,
                    byDataset,
                    backend,
                    maxVariables,
                    bound,
                    boundByDataset,
                    Path.of(o.getOrDefault("data-dir", "sample-data")),
                    o.getOrDefault("heap", "2g"),
                    output,
                    smoke,
                    !smoke && o.containsKey("reuse"));
        }
    }

    /** One row of the table: a finished run, or why there is none. */
    public record Row(String dataset, String method, SingleRun.Result result, String note) {

        boolean done() {
            return result != null && !"none".equals(result.score());
        }
    }

    /** All rows, and the table. */
    public record Report(Config config, List<Row> rows, String table, String notes) {

        public List<Row> rowsOf(String dataset) {
            return rows.stream().filter(r -> r.dataset().equals(dataset)).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        Report report = run(config, System.err);
        System.out.println(report.table());
        System.out.println(report.notes());
        if (config.output() != null) {
            Files.writeString(config.output(), markdown(report), StandardCharsets.UTF_8);
            System.err.println("wrote " + config.output());
        }
        // exec:java would otherwise wait for lingering threads of the solver factory.
        System.exit(0);
    }

    /** Runs every dataset and method, one JVM at a time; progress goes to {@code log}. */
    public static Report run(Config config, PrintStream log) throws IOException, InterruptedException {
        Path work = Path.of("target", config.smoke() ? "benchmark-smoke" : "benchmark");
        Files.createDirectories(work);
        String classpath = classpath();
        List<Row> rows = new ArrayList<>();
        for (String dataset : config.datasets()) {
            Path input = config.dataDir().resolve(dataset + ".json");
            if (!Files.isRegularFile(input)) {
                throw new IllegalArgumentException("no dataset " + input);
            }
            for (int seconds : config.engineSeconds()) {
                rows.add(runOne(
                        config, classpath, work, dataset, input, "engine", seconds, "engine " + seconds + " s", log));
            }
            rows.add(runOne(config, classpath, work, dataset, input, "greedy", 0, "greedy (current practice)", log));
            int exactSeconds = config.exactSecondsFor(dataset);
            if (exactSeconds > 0) {
                rows.add(runOne(
                        config,
                        classpath,
                        work,
                        dataset,
                        input,
                        "exact",
                        exactSeconds,
                        "exact " + backendName(config.backend()) + " (" + exactSeconds + " s limit)",
                        log));
            } else {
                rows.add(new Row(dataset, "exact " + backendName(config.backend()), null, "not run"));
            }
            int boundSeconds = config.boundSecondsFor(dataset);
            if (boundSeconds > 0) {
                rows.add(runOne(
                        config,
                        classpath,
                        work,
                        dataset,
                        input,
                        "bound",
                        boundSeconds,
                        BOUND_LABEL,
                        log,
                        bestPlan(rows.stream()
                                .filter(r -> r.dataset().equals(dataset))
                                .toList())));
            } else {
                rows.add(new Row(dataset, BOUND_LABEL, null, "not run"));
            }
        }
        return new Report(config, rows, table(config, rows), notes(config, rows));
    }

    /** The best score among the rows with a plan, as Timefold text (the bound run's aim), or null. */
    static String bestPlan(List<Row> rows) {
        return rows.stream()
                .filter(Row::done)
                .map(r -> HardMediumSoftScore.of(
                        r.result().hard(), r.result().medium(), r.result().soft()))
                .max(Comparator.naturalOrder())
                .map(ScoreText::format)
                .orElse(null);
    }

    private static Row runOne(
            Config config,
            String classpath,
            Path work,
            String dataset,
            Path input,
            String method,
            int seconds,
            String label,
            PrintStream log)
            throws IOException, InterruptedException {
        return runOne(config, classpath, work, dataset, input, method, seconds, label, log, null);
    }

    /** @param target a known plan's score passed on to the run ({@code --target}), or null */
    private static Row runOne(
            Config config,
            String classpath,
            Path work,
            String dataset,
            Path input,
            String method,
            int seconds,
            String label,
            PrintStream log,
            String target)
            throws IOException, InterruptedException {
        String name = dataset + "-" + method + (method.equals("engine") ? "-" + seconds : "");
        Path result = work.resolve(name + ".properties");
        Path logFile = work.resolve(name + ".log");
        if (config.reuse() && Files.isRegularFile(result)) {
            SingleRun.Result r = SingleRun.Result.read(result);
            log.printf(Locale.ROOT, "[benchmark] %s: %s -> %s (reused from %s)%n", dataset, label, r.score(), result);
            return new Row(dataset, label, r, note(r));
        }
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.heap(),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp",
                classpath,
                SingleRun.class.getName(),
                "--input",
                input.toString(),
                "--method",
                method,
                "--seconds",
                Integer.toString(seconds),
                "--result",
                result.toString(),
                "--backend",
                config.backend().name(),
                "--max-variables",
                Long.toString(config.exactMaxVariables())));
        if (target != null) {
            command.addAll(List.of("--target", target));
        }
        log.printf(Locale.ROOT, "[benchmark] %s: %s ...%n", dataset, label);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        long timeout = method.equals("greedy") ? 900 : method.equals("engine") ? seconds + 300 : seconds * 3L / 2 + 300;
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            log.printf(Locale.ROOT, "[benchmark] %s: %s did not finish in %d s%n", dataset, label, timeout);
            return new Row(dataset, label, null, "did not finish in " + timeout + " s");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0 || !Files.isRegularFile(result)) {
            String tail = lastLines(logFile, 3);
            log.printf(
                    Locale.ROOT,
                    "[benchmark] %s: %s failed (exit %d): %s%n",
                    dataset,
                    label,
                    process.exitValue(),
                    tail);
            return new Row(dataset, label, null, "failed (exit " + process.exitValue() + "): " + tail);
        }
        SingleRun.Result r = SingleRun.Result.read(result);
        log.printf(
                Locale.ROOT,
                "[benchmark] %s: %s -> %s in %.1f s (JVM %.1f s)%s%n",
                dataset,
                label,
                r.score(),
                r.seconds(),
                wall,
                r.extra().containsKey("status")
                        ? " " + r.extra().get("status") + ", bound " + r.extra().get("bound")
                        : "");
        if (r.extra().containsKey("scoreCheck")) {
            log.printf(
                    Locale.ROOT,
                    "[benchmark] %s: SCORE MISMATCH between the exact solver and Timefold: %s%n",
                    dataset,
                    r.extra().get("scoreCheck"));
        }
        return new Row(dataset, label, r, note(r));
    }

    private static String note(SingleRun.Result r) {
        String status = r.extra().getOrDefault("status", "");
        if ("LAGRANGIAN".equals(status)) {
            return "bound " + r.extra().get("bound");
        }
        if ("TOO_LARGE".equals(status)) {
            return "not run: " + r.extra().get("reason");
        }
        if ("none".equals(r.score())) {
            return "no solution within the limit; bound " + r.extra().get("bound");
        }
        return status;
    }

    static String backendName(ExactSolver.Backend backend) {
        return backend == ExactSolver.Backend.SCIP ? "MIP (SCIP)" : "CP-SAT";
    }

    // ---- the table ----

    /** The gap column's reference: hard and medium of the optimum or bound, and soft when known. */
    record Reference(long hard, long medium, Long soft, boolean optimum) {

        /** Lexicographic, a missing soft bound last (it bounds nothing): the smallest is the tightest bound. */
        static final Comparator<Reference> TIGHTEST = Comparator.comparingLong(Reference::hard)
                .thenComparingLong(Reference::medium)
                .thenComparing(Reference::soft, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /**
     * The best reference among a dataset's rows: an exact run's proven optimum if there is one, else the tightest
     * proven bound (an exact run stopped by its limit, or the Lagrangian bound).
     */
    static Reference reference(List<Row> rows) {
        Reference tightest = null;
        for (Row row : rows) {
            SingleRun.Result r = row.result();
            if (r == null || !r.extra().containsKey("mediumBound")) {
                continue;
            }
            long mediumBound = Long.parseLong(r.extra().get("mediumBound"));
            Long softBound = r.extra().containsKey("softBound")
                    ? Long.parseLong(r.extra().get("softBound"))
                    : null;
            // An exact plan's hard score is the pinned units' constant, which a bound run reports on its own.
            long hard = r.extra().containsKey("hardBound")
                    ? Long.parseLong(r.extra().get("hardBound"))
                    : row.done() ? r.hard() : 0;
            Reference ref = new Reference(
                    hard, mediumBound, softBound, "OPTIMAL".equals(r.extra().get("status")));
            if (ref.optimum()) {
                return ref;
            }
            if (tightest == null || Reference.TIGHTEST.compare(ref, tightest) < 0) {
                tightest = ref;
            }
        }
        return tightest;
    }

    /** Gap of a row to the reference: soft percentage when the medium is the reference's, else the medium difference. */
    static String gap(SingleRun.Result r, Reference ref) {
        if (ref == null) {
            return "n/a";
        }
        if (r.hard() != ref.hard()) {
            return String.format(Locale.ROOT, "%+d hard", r.hard() - ref.hard());
        }
        if (r.medium() != ref.medium()) {
            return String.format(Locale.ROOT, "%+d medium", r.medium() - ref.medium());
        }
        if (ref.soft() == null) {
            return "n/a";
        }
        long diff = ref.soft() - r.soft();
        if (ref.soft() == 0) {
            return diff == 0 ? "0.00 %" : "n/a";
        }
        // Against a bound (limit reached), the true gap is at most this.
        return String.format(Locale.ROOT, "%s%.2f %%", ref.optimum() ? "" : "<= ", diff * 100.0 / Math.abs(ref.soft()));
    }

    static final String HEADER =
            "| dataset | method | score | gap | placed | out of area % | over 20 mi % | siblings split "
                    + "| moves | weekly cost £ | time s | peak heap MB | peak live heap MB | peak RSS MB |";

    static String table(Config config, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n');
        sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        Map<String, Reference> refs = new LinkedHashMap<>();
        for (String dataset : config.datasets()) {
            refs.put(
                    dataset,
                    reference(rows.stream()
                            .filter(r -> r.dataset().equals(dataset))
                            .toList()));
        }
        for (Row row : rows) {
            SingleRun.Result r = row.result();
            String method = row.method();
            if (r != null && r.extra().containsKey("status") && row.done()) {
                method += " " + r.extra().get("status");
            }
            if (!row.done()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | | | | | | | | %s | %s | %s | %s |%n",
                        row.dataset(),
                        method,
                        row.note(),
                        r == null ? "" : fmt1(r.seconds()),
                        r == null ? "" : mb(r.peakHeapBytes()),
                        r == null ? "" : mb(r.peakLiveBytes()),
                        r == null ? "" : mb(r.peakRssBytes())));
                continue;
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %d/%d | %.1f | %.1f | %d | %d | %,.0f | %s | %s | %s | %s |%n",
                    row.dataset(),
                    method,
                    r.score(),
                    gap(r, refs.get(row.dataset())),
                    r.kpis().placed(),
                    r.kpis().children(),
                    r.kpis().outOfAreaPercent(),
                    r.kpis().over20MilesPercent(),
                    r.kpis().siblingGroupsSplit(),
                    r.kpis().moves(),
                    r.kpis().weeklyCost(),
                    fmt1(r.seconds()),
                    mb(r.peakHeapBytes()),
                    mb(r.peakLiveBytes()),
                    mb(r.peakRssBytes())));
        }
        return sb.toString();
    }

    static String notes(Config config, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (String dataset : config.datasets()) {
            for (Row row : rows) {
                SingleRun.Result r = row.result();
                if (!row.dataset().equals(dataset) || r == null || !r.extra().containsKey("status")) {
                    continue;
                }
                if ("TOO_LARGE".equals(r.extra().get("status"))) {
                    sb.append(String.format(
                            Locale.ROOT,
                            "- %s exact: not run, %s%n",
                            dataset,
                            r.extra().get("reason")));
                    continue;
                }
                if ("LAGRANGIAN".equals(r.extra().get("status"))) {
                    sb.append(String.format(
                            Locale.ROOT,
                            "- %s best bound (Lagrangian): %s; flow relaxation alone %s soft; "
                                    + "phase 1 (capacity relaxed) %s, phase 2 (decomposition) %s; stopped by %s; known plan %s soft%n",
                            dataset,
                            r.extra().get("bound"),
                            r.extra().get("flowSoftBound"),
                            r.extra().get("phase1"),
                            r.extra().get("phase2"),
                            r.extra().get("stop"),
                            r.extra().get("target")));
                    continue;
                }
                sb.append(String.format(
                        Locale.ROOT,
                        "- %s exact (%s): %s; bound %s; stage 1 %s; stage 2 %s; model %s%s%n",
                        dataset,
                        r.extra().getOrDefault("backend", ""),
                        r.extra().get("status"),
                        r.extra().get("bound"),
                        r.extra().get("stage1"),
                        r.extra().getOrDefault("stage2", "not reached"),
                        r.extra().get("model"),
                        r.extra().containsKey("scoreCheck")
                                ? "; SCORE MISMATCH: " + r.extra().get("scoreCheck")
                                : "; Timefold's score of the exact assignment equals the solver's objective"));
            }
        }
        return sb.toString();
    }

    private static String fmt1(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(Math.round(bytes / (1024.0 * 1024.0)));
    }

    // ---- the markdown file ----

    static String markdown(Report report) {
        Config c = report.config();
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks\n\n");
        sb.append("Latest output of the benchmark runner (README, \"Benchmarks\"). Regenerate with:\n\n```bash\n");
        sb.append("JAVA_HOME=$(.ci/find-jdk) ./mvnw -q test-compile exec:java@benchmark \\\n  -Dexec.args=\"");
        sb.append("--datasets ").append(String.join(",", c.datasets()));
        sb.append(" --engine-seconds ")
                .append(String.join(
                        ",", c.engineSeconds().stream().map(String::valueOf).toList()));
        sb.append(" --exact-seconds ").append(c.exactSeconds());
        c.exactSecondsByDataset()
                .forEach((d, s) -> sb.append(',').append(d).append('=').append(s));
        if (c.backend() != ExactSolver.Backend.SCIP) {
            sb.append(" --exact-backend ").append(c.backend());
        }
        sb.append(" --bound-seconds ").append(c.boundSeconds());
        c.boundSecondsByDataset()
                .forEach((d, s) -> sb.append(',').append(d).append('=').append(s));
        sb.append(" --heap ").append(c.heap());
        sb.append(" --output solver-config/BENCHMARKS.md\"\n```\n\n");
        sb.append("## Machine\n\n");
        for (String line : machine()) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append("\n## Results\n\n");
        sb.append(report.table()).append('\n');
        sb.append("### Exact reference and best bound\n\n")
                .append(report.notes())
                .append('\n');
        sb.append("""
                ### How to read it

                - **score**: the contract's score, `hard/medium/soft`, as Timefold's constraint streams compute it for every row
                  (the exact solver's assignment included). Higher is better; medium (children left unplaced, by urgency weight)
                  outranks soft.
                - **gap**: against the exact solver's proven optimum of the same dataset; where there is none (the exact run
                  was stopped by its time limit, or not run), against the tightest proven bound of the dataset's rows (the exact
                  run's or the Lagrangian one, whichever is lexicographically lower), shown as `<= x %`: the true gap is at
                  most that. When the medium equals the reference's, the soft gap in percent, (reference soft − row soft) /
                  |reference soft|; when it differs, the medium difference (e.g. `-3 medium`: 3 more urgency points left
                  unplaced). `n/a` where there is no reference.
                - **engine N s**: the service's solver with `solver-config/solverConfig.xml` as it was at run time and a time
                  limit of N s for the whole run, working out each unit's eligible providers included (it also stops once the
                  best score has not improved for the configured plateau, so a row may take less; and the construction's flow
                  always runs to the end, so a row may take longer, as the region's 5 s and 10 s rows do: a plan with children
                  left unplaced for want of a few seconds would help no one).
                - **greedy**: current practice mimicked — nobody placed moves (except children whose placement is ending),
                  waiting children matched one unit at a time, most urgent first, each into the feasible placement adding the
                  fewest soft points at that moment.
                - **exact**: the same model solved to proven optimality with a mixed-integer solver (SCIP, bundled with
                  OR-Tools; `--exact-backend CP_SAT` runs OR-Tools CP-SAT on the same model instead), lexicographic: stage 1
                  maximises the placed urgency weight, stage 2 fixes it and minimises the soft points; the limit covers both
                  stages. OPTIMAL means both stages were proven optimal; FEASIBLE means the limit stopped it and the notes
                  give its bound (the MIP's, or the LP relaxation's solved on its own with GLOP, whichever is higher). When
                  the limit stops it, its own plan is only the best it had by then and may be worse than the engine's: what
                  counts there is the bound. Its assignment is re-scored by Timefold and must equal the solver's objective.
                  A model over `--exact-max-variables` candidate placements is not attempted (memory).
                - **best bound (Lagrangian)**: no plan, only a proven bound on the best score, shown as `bound …`; it is the
                  reference where the exact solver does not finish or cannot take the dataset. Medium from the min-cost-flow relaxation; soft by Lagrangian
                  relaxation (capacities priced, each placeTogether=false sibling group solved exactly with siblingsApart,
                  then a decomposition with each provider's places as an exact knapsack), maximised by subgradient steps
                  within `--bound-seconds` (flow and set-up included); the notes give the flow's weaker bound and each phase's.
                  Aim of its steps: the best plan of the rows above. It is the product's class (`solver/LagrangianBound`),
                  which every plan runs beside its solver, within the plan's time limit (`solver/BestBound`).
                - **placed, out of area %, over 20 mi %, siblings split, moves, weekly cost**: the plan's KPIs (contract section 4).
                - **time**: wall time from the mapped problem to the scored answer (reading the JSON and starting the JVM not
                  counted). **peak heap**: the most Java heap in use (before a collection, from GC notifications) in the
                  run's own JVM (-Xmx{HEAP}), which depends on how far the collector lets the young generation grow; **peak live
                  heap**: the most heap still in use right after a collection, closer to what the run needs;
                  **peak RSS**: the process's peak resident memory, which also counts the exact solver's native memory.
                """.replace("{HEAP}", c.heap()));
        return sb.toString();
    }

    static List<String> machine() {
        List<String> lines = new ArrayList<>();
        lines.add("date: "
                + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        lines.add("CPU: " + cpuModel() + ", nproc " + Runtime.getRuntime().availableProcessors());
        lines.add("memory: " + memTotal());
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        lines.add("Timefold Solver " + version(ai.timefold.solver.core.api.solver.SolverFactory.class, "2.2.0")
                + ", OR-Tools " + version(com.google.ortools.Loader.class, "9.15.6755"));
        lines.add("engine configuration: " + engineConfig());
        String commit = git("rev-parse", "--short", "HEAD");
        if (commit != null) {
            String dirty = git("status", "--porcelain", "--untracked-files=no");
            lines.add("commit: " + commit + (dirty != null && !dirty.isBlank() ? " (with local changes)" : ""));
        }
        return lines;
    }

    private static String version(Class<?> type, String fallback) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    /** The phases and termination of the solver configuration on the classpath, and a hash of it. */
    static String engineConfig() {
        try (InputStream in =
                BenchmarkRunner.class.getClassLoader().getResourceAsStream(PlacementSolver.SOLVER_CONFIG)) {
            if (in == null) {
                return "not found";
            }
            byte[] bytes = in.readAllBytes();
            String xml = new String(bytes, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
            Set<String> parts = new LinkedHashSet<>();
            Matcher m = Pattern.compile("<(\\w*(?:Type|SpentLimit|Size|Count))>([^<]+)</\\1>")
                    .matcher(xml);
            while (m.find()) {
                parts.add(m.group(1) + "=" + m.group(2).trim());
            }
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
            return String.join(", ", parts) + " (solverConfig.xml sha256 " + hash + ")";
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    // ---- plumbing ----

    /** {@code --key value} pairs; a flag without a value maps to "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.put(key, args[++i]);
            } else {
                o.put(key, "true");
            }
        }
        return o;
    }

    /**
     * The classpath this code was loaded from, for the child JVMs: the class loader's URLs under
     * {@code exec:java} (which runs inside Maven's JVM), Surefire's test classpath under the tests, else
     * {@code java.class.path}.
     */
    static String classpath() {
        for (ClassLoader cl = BenchmarkRunner.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader ucl && ucl.getURLs().length > 0) {
                List<String> entries = new ArrayList<>();
                for (URL url : ucl.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
                return String.join(File.pathSeparator, entries);
            }
        }
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        return System.getProperty("java.class.path");
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
