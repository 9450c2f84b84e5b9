package org.placementmatcher.benchmark;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.LagrangianBound;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreText;

/**
 * One benchmark run (one dataset, one method) in a JVM of its own, so that peak heap belongs to that run
 * alone and no run inherits another's JIT or GC state. {@link BenchmarkRunner} starts it and reads the
 * result file it writes.
 *
 * <pre>SingleRun --input FILE --method engine|greedy|exact|bound --seconds N --result FILE [--backend SCIP|CP_SAT]
 *     [--start-engine-seconds N]
 *     [--max-variables N] [--target SCORE]</pre>
 *
 * {@code bound} is the Lagrangian lower bound ({@link #bound}); {@code --target} is a known plan's score, e.g. the best
 * engine run's, which helps its steps.
 *
 * Time is wall time from the read problem to the scored answer, working out each unit's eligible providers
 * included (an engine run's time limit covers that too); reading the JSON and building the solver factory are
 * not counted. Peak heap is the most heap in use seen by the JVM: the
 * largest "used before GC" over all collections (from GC notifications), or the heap in use at the end
 * if that is more; it depends on how large the collector lets the young generation grow. Peak live heap is the
 * most heap still in use right after a collection, closer to what the run really needs. Peak RSS (the
 * process's VmHWM) also counts native memory, which is where the exact solver works.
 */
public final class SingleRun {

    private SingleRun() {}

    /** What one run measured. */
    public record Result(
            String method,
            String score,
            long hard,
            long medium,
            long soft,
            Kpis kpis,
            double seconds,
            long peakHeapBytes,
            long peakLiveBytes,
            long peakRssBytes,
            Map<String, String> extra) {

        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("method", method);
            p.setProperty("score", score);
            p.setProperty("hard", Long.toString(hard));
            p.setProperty("medium", Long.toString(medium));
            p.setProperty("soft", Long.toString(soft));
            p.setProperty("kpis.children", Integer.toString(kpis.children()));
            p.setProperty("kpis.placed", Integer.toString(kpis.placed()));
            p.setProperty("kpis.unplaced", Integer.toString(kpis.unplaced()));
            p.setProperty("kpis.outOfAreaPercent", Double.toString(kpis.outOfAreaPercent()));
            p.setProperty("kpis.over20MilesPercent", Double.toString(kpis.over20MilesPercent()));
            p.setProperty("kpis.moves", Integer.toString(kpis.moves()));
            p.setProperty("kpis.siblingGroupsSplit", Integer.toString(kpis.siblingGroupsSplit()));
            p.setProperty("kpis.weeklyCost", Double.toString(kpis.weeklyCost()));
            p.setProperty("seconds", Double.toString(seconds));
            p.setProperty("peakHeapBytes", Long.toString(peakHeapBytes));
            p.setProperty("peakLiveBytes", Long.toString(peakLiveBytes));
            p.setProperty("peakRssBytes", Long.toString(peakRssBytes));
            extra.forEach((k, v) -> p.setProperty("extra." + k, v));
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, null);
            }
        }

        static Result read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            Kpis kpis = new Kpis(
                    Integer.parseInt(p.getProperty("kpis.children")),
                    Integer.parseInt(p.getProperty("kpis.placed")),
                    Integer.parseInt(p.getProperty("kpis.unplaced")),
                    Double.parseDouble(p.getProperty("kpis.outOfAreaPercent")),
                    Double.parseDouble(p.getProperty("kpis.over20MilesPercent")),
                    Integer.parseInt(p.getProperty("kpis.moves")),
                    Integer.parseInt(p.getProperty("kpis.siblingGroupsSplit")),
                    Double.parseDouble(p.getProperty("kpis.weeklyCost")),
                    null);
            Map<String, String> extra = new java.util.TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("extra.")) {
                    extra.put(key.substring("extra.".length()), p.getProperty(key));
                }
            }
            return new Result(
                    p.getProperty("method"),
                    p.getProperty("score"),
                    Long.parseLong(p.getProperty("hard")),
                    Long.parseLong(p.getProperty("medium")),
                    Long.parseLong(p.getProperty("soft")),
                    kpis,
                    Double.parseDouble(p.getProperty("seconds")),
                    Long.parseLong(p.getProperty("peakHeapBytes")),
                    Long.parseLong(p.getProperty("peakLiveBytes", "-1")),
                    Long.parseLong(p.getProperty("peakRssBytes")),
                    extra);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchmarkRunner.options(args);
        HeapPeak heap = HeapPeak.install();
        Path input = Path.of(opts.get("input"));
        String method = opts.get("method");
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        Path resultFile = Path.of(opts.get("result"));

        PlacementProblem problem = ProblemReader.read(Files.readString(input));
        PlacementSolver solver = PlacementSolver.fromClasspathConfig();
        if (method.equals("exact")) {
            ExactSolver.loadNativeLibraries();
        }
        Map<String, String> extra = new java.util.TreeMap<>();
        long start = System.nanoTime();
        PlacementSolution best;
        switch (method) {
            case "engine" -> {
                // The time limit covers the whole run: working out eligibility comes out of it.
                PlacementSolution problemSolution = ProblemMapper.toSolution(problem);
                long leftMillis = seconds * 1000L - (System.nanoTime() - start) / 1_000_000;
                best = solver.solve(problemSolution, Duration.ofMillis(Math.max(1000, leftMillis)), null);
            }
            case "greedy" -> {
                best = GreedyBaseline.solve(ProblemMapper.toSolution(problem));
                solver.score(best);
            }
            case "exact" -> {
                // The start: the greedy's plan, or with --start-engine-seconds N an engine plan of N s (not counted
                // in the time): a good incumbent from the root lets the MIP prune more (county-1200's gap was still
                // not closed in 750 s: solver-config/BENCHMARKS.md, "Where county-1200's plan is short").
                int engineSeconds = Integer.parseInt(opts.getOrDefault("start-engine-seconds", "0"));
                PlacementSolution startPlan = engineSeconds > 0
                        ? solver.solve(ProblemMapper.toSolution(problem), Duration.ofSeconds(engineSeconds), null)
                        : GreedyBaseline.solve(ProblemMapper.toSolution(problem));
                Map<String, Provider> hint = GreedyBaseline.assignment(startPlan);
                if (engineSeconds > 0) {
                    start = System.nanoTime();
                    extra.put("start", "engine " + engineSeconds + " s: " + startPlan.getScore());
                }
                ExactSolver.Backend backend = ExactSolver.Backend.valueOf(opts.getOrDefault("backend", "SCIP"));
                long maxVariables = Long.parseLong(
                        opts.getOrDefault("max-variables", Long.toString(ExactSolver.DEFAULT_MAX_VARIABLES)));
                ExactSolver.Result exact = new ExactSolver(solver, backend, 2, maxVariables)
                        .solve(ProblemMapper.toSolution(problem), Duration.ofSeconds(seconds), hint);
                extra.put("backend", backend.name());
                extra.put("status", exact.status());
                extra.put(
                        "stage1",
                        exact.placing().status() + " placed weight "
                                + exact.placing().objective() + " (bound "
                                + exact.placing().bound() + ", "
                                + round1(exact.placing().seconds()) + " s)");
                if (exact.soft() != null) {
                    extra.put(
                            "stage2",
                            exact.soft().status() + " soft points "
                                    + exact.soft().objective() + " (bound "
                                    + exact.soft().bound() + ", "
                                    + round1(exact.soft().seconds()) + " s)");
                }
                if (!"TOO_LARGE".equals(exact.status())) {
                    extra.put("mediumBound", Long.toString(exact.mediumBound()));
                }
                if (exact.softBound() != null) {
                    extra.put("softBound", Long.toString(exact.softBound()));
                }
                extra.put("bound", "TOO_LARGE".equals(exact.status()) ? "none" : exact.boundText());
                extra.put("model", exact.size().toString());
                if (exact.scoreCheck() != null) {
                    extra.put("TOO_LARGE".equals(exact.status()) ? "reason" : "scoreCheck", exact.scoreCheck());
                }
                if (exact.solution() == null) {
                    // No assignment within the limit: report the bound alone.
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    new Result(
                                    method,
                                    "none",
                                    0,
                                    0,
                                    0,
                                    new Kpis(problem.children().size(), 0, 0, 0, 0, 0, 0, 0, null),
                                    elapsed,
                                    heap.peak(),
                                    heap.peakLive(),
                                    peakRss(),
                                    extra)
                            .write(resultFile);
                    System.exit(0);
                }
                best = exact.solution();
            }
            case "bound" -> {
                // A bound has no plan: the result carries the bound alone, like an exact run without a solution.
                HardMediumSoftScore known =
                        opts.containsKey("target") ? HardMediumSoftScore.parseScore(opts.get("target")) : null;
                bound(ProblemMapper.toSolution(problem), solver, known, Duration.ofSeconds(seconds), extra);
                double elapsed = (System.nanoTime() - start) / 1e9;
                new Result(
                                method,
                                "none",
                                0,
                                0,
                                0,
                                new Kpis(problem.children().size(), 0, 0, 0, 0, 0, 0, 0, null),
                                elapsed,
                                heap.peak(),
                                heap.peakLive(),
                                peakRss(),
                                extra)
                        .write(resultFile);
                System.exit(0);
                return;
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        HardMediumSoftScore score = best.getScore();
        Kpis kpis = PlanWriter.toPlan(best).kpis();
        new Result(
                        method,
                        ScoreText.format(score),
                        score.hardScore(),
                        score.mediumScore(),
                        score.softScore(),
                        kpis,
                        elapsed,
                        heap.peak(),
                        heap.peakLive(),
                        peakRss(),
                        extra)
                .write(resultFile);
        System.exit(0);
    }

    /**
     * The best bound by Lagrangian relaxation ({@link LagrangianBound}) into {@code extra}: status LAGRANGIAN,
     * hardBound (the pinned units' constant hard points: every other hard point can be avoided), mediumBound,
     * softBound, bound (as a score), and how it was reached.
     *
     * @param known a known plan's score (e.g. the best engine run's), whose soft points at the bound's hard and
     *        medium cap the steps' aim; may be null
     */
    static void bound(
            PlacementSolution solution,
            PlacementSolver scorer,
            HardMediumSoftScore known,
            Duration limit,
            Map<String, String> extra) {
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned()) {
                unit.setProvider(null);
            }
        }
        long hard = scorer.score(solution).hardScore();
        HardMediumSoftScore plan = known != null && known.hardScore() == hard ? known : null;
        LagrangianBound.Result b = LagrangianBound.bound(
                solution, () -> plan, System.nanoTime() + limit.toNanos(), () -> false, System.err);
        if (b == null) {
            throw new IllegalStateException(
                    "no bound within " + limit.toSeconds() + " s: the flow or set-up took it all");
        }
        extra.put("status", "LAGRANGIAN");
        extra.put("hardBound", Long.toString(hard));
        extra.put("mediumBound", Long.toString(b.mediumBound()));
        extra.put("softBound", Long.toString(b.softBound()));
        extra.put("bound", ScoreText.format(HardMediumSoftScore.of(hard, b.mediumBound(), b.softBound())));
        extra.put("flowSoftBound", b.flowSoftPoints() == null ? "n/a" : Long.toString(-b.flowSoftPoints()));
        extra.put("atFlowPrices", b.flowPricesSoftPoints() == null ? "n/a" : Long.toString(-b.flowPricesSoftPoints()));
        extra.put(
                "phase1",
                b.capacitySoftPoints() == null
                        ? "no iteration"
                        : -b.capacitySoftPoints() + " after " + b.capacityIterations() + " iterations");
        extra.put(
                "phase2",
                b.decompositionSoftPoints() == null
                        ? "not run"
                        : -b.decompositionSoftPoints() + " after " + b.decompositionIterations() + " iterations");
        extra.put("stop", b.stop());
        extra.put("target", b.targetSoftPoints() == null ? "none" : Long.toString(-b.targetSoftPoints()));
    }

    private static String round1(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }

    /** The process's peak resident set (VmHWM), or -1 where /proc is not there. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** Tracks the most heap in use, from every collection's "used before GC" and the heap in use now. */
    static final class HeapPeak {

        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong(-1);
        private final Set<String> heapPools = new HashSet<>();

        static HeapPeak install() {
            HeapPeak h = new HeapPeak();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    h.heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    h.peak.accumulateAndGet(
                                            h.heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                                    h.live.accumulateAndGet(
                                            h.heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                                }
                            },
                            null,
                            null);
                }
            }
            return h;
        }

        private long heapUsed(Map<String, MemoryUsage> usage) {
            long used = 0;
            for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            return used;
        }

        /** The most heap still in use right after a collection (the live set), -1 when no collection ran. */
        long peakLive() {
            return live.get();
        }

        long peak() {
            long now = 0;
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            for (MemoryPoolMXBean pool : pools) {
                if (pool.getType() == MemoryType.HEAP) {
                    now += pool.getUsage().getUsed();
                }
            }
            return Math.max(peak.get(), now);
        }
    }
}
