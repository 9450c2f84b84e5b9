package org.placementmatcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.placementmatcher.benchmark.QueryLatencyBenchmark;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreText;

/**
 * The command line. Exit codes: 0 success, 2 invalid input or usage (errors as JSON on stderr for an
 * invalid problem), 1 anything else. Never prints a stack trace; never leaves a partial output file.
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    static final long DEFAULT_SECONDS = 30;
    static final long MAX_SECONDS = 24 * 3600;
    private static final long PROGRESS_EVERY_MILLIS = 1000;

    private static final String USAGE = """
            Usage:
              java -jar quarkus-run.jar                      run the REST service
              java -jar quarkus-run.jar solve --input FILE --output FILE [--seconds N] [--config FILE] [--verbose]
                  solve a PlacementProblem (JSON) and write the PlacementPlan (JSON); default 30 s;
                  --verbose adds the solver's own log (phases, move evaluation speed);
                  --config FILE solves with another solver configuration (e.g. one kept in solver-config/)
              java -jar quarkus-run.jar generate --size small|county|county-1200|region [--seed N] --output FILE
              java -jar quarkus-run.jar generate --all --dir DIR [--seed N]
                  write synthetic, calibrated sample data (deterministic for a seed)
              java -jar quarkus-run.jar bench-queries --input FILE [--queries N] [--seed N]
                  measure match and emergency query latency on a loaded caseload
            Exit codes: 0 success, 2 invalid input or usage, 1 any other failure.""";

    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        try {
            return switch (args[0]) {
                case "solve" -> solve(options(args));
                case "generate" -> generate(options(args));
                case "bench-queries" -> benchQueries(options(args));
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield OK;
                }
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (InvalidProblemException e) {
            err.println(errorsJson(e.errors()));
            return INVALID;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more heap (e.g. java -Xmx4g -jar ...)");
            return FAILED;
        } catch (Exception e) {
            err.println("error: " + describe(e));
            return FAILED;
        }
    }

    private int solve(Map<String, String> options) throws IOException {
        Path input = Path.of(required(options, "input"));
        Path output = Path.of(required(options, "output"));
        long seconds = seconds(options);
        String json;
        try {
            json = Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("input file not found: " + input);
        }
        PlacementProblem problem = ProblemReader.read(json);
        solverLogging(options.containsKey("verbose"));
        PlacementSolution solution = ProblemMapper.toSolution(problem);
        err.printf(Locale.ROOT, "solving %d children (%d units) and %d providers for at most %d s%n",
                solution.getChildren().size(), solution.getUnits().size(), solution.getProviders().size(), seconds);
        long[] lastPrinted = {-PROGRESS_EVERY_MILLIS};
        long start = System.nanoTime();
        HeapPeak heap = new HeapPeak().start();
        PlacementSolver solver = options.containsKey("config")
                ? PlacementSolver.fromConfigFile(Path.of(options.get("config"))) : PlacementSolver.fromClasspathConfig();
        PlacementSolution best = solver.solve(solution, Duration.ofSeconds(seconds), progress -> {
            if (progress.millisSpent() - lastPrinted[0] >= PROGRESS_EVERY_MILLIS) {
                lastPrinted[0] = progress.millisSpent();
                err.printf(Locale.ROOT, "[%6.1f s] best %s%n", progress.millisSpent() / 1000.0,
                        ScoreText.format(progress.bestScore()));
            }
        });
        PlacementPlan plan = PlanWriter.toPlan(best);
        writeAtomically(output, ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        err.printf(Locale.ROOT, "done in %.1f s: %s, %s, placed %d of %d children; peak heap %d MB; plan written to %s%n",
                (System.nanoTime() - start) / 1e9, plan.score(), plan.feasible() ? "feasible" : "NOT feasible",
                plan.kpis().placed(), plan.kpis().children(), heap.megabytes(), output);
        return OK;
    }

    private int generate(Map<String, String> options) throws IOException {
        long seed = options.containsKey("seed") ? parseLong(options, "seed") : SampleDataGenerator.DEFAULT_SEED;
        if (options.containsKey("all")) {
            Path dir = Path.of(required(options, "dir"));
            Files.createDirectories(dir);
            for (SampleDataGenerator.Size size : SampleDataGenerator.Size.values()) {
                write(SampleDataGenerator.generate(size, seed), dir.resolve(size.fileName()));
            }
            return OK;
        }
        String sizeName = required(options, "size");
        SampleDataGenerator.Size size = null;
        for (SampleDataGenerator.Size candidate : SampleDataGenerator.Size.values()) {
            if (candidate.fileName().equals(sizeName + ".json")) {
                size = candidate;
            }
        }
        if (size == null) {
            throw new UsageException("--size must be one of small, county, county-1200, region");
        }
        write(SampleDataGenerator.generate(size, seed), Path.of(required(options, "output")));
        return OK;
    }

    private int benchQueries(Map<String, String> options) throws IOException {
        Path input = Path.of(required(options, "input"));
        int queries = options.containsKey("queries") ? (int) parseLong(options, "queries") : 1000;
        long seed = options.containsKey("seed") ? parseLong(options, "seed") : 1;
        new QueryLatencyBenchmark(out).run(Files.readString(input, StandardCharsets.UTF_8), queries, seed);
        return OK;
    }

    private void write(PlacementProblem problem, Path file) throws IOException {
        Path tmp = temporarySibling(file);
        try {
            SampleDataGenerator.write(problem, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        err.printf(Locale.ROOT, "wrote %s: %d children, %d providers%n", file, problem.children().size(),
                problem.providers().size());
    }

    /** Writes through a temporary file in the same folder, so a failed run never leaves a partial plan. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = temporarySibling(file);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Samples the heap in use every 20 ms on a daemon thread and keeps the highest value seen (the sum of
     * the pools' own peaks would overstate it: they peak at different moments).
     */
    static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        HeapPeak start() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return this;
        }

        long megabytes() {
            return peak.get() / (1024 * 1024);
        }
    }

    /** A temporary file beside the target (same file system, so the final move is atomic), with ordinary permissions. */
    private static Path temporarySibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** Progress is this command's own output; the solver's log (INFO) only on request. */
    private static void solverLogging(boolean verbose) {
        Logger solverLog = Logger.getLogger("ai.timefold");
        if (verbose) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.INFO);
            solverLog.addHandler(handler);
            solverLog.setLevel(Level.INFO);
        } else {
            solverLog.setLevel(Level.WARNING);
        }
    }

    static String errorsJson(List<ProblemError> errors) {
        try {
            return ContractJson.mapper().writeValueAsString(Map.of("errors", errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return INVALID;
    }

    private static long seconds(Map<String, String> options) {
        if (!options.containsKey("seconds")) {
            return DEFAULT_SECONDS;
        }
        long seconds = parseLong(options, "seconds");
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new UsageException("--seconds must be from 1 to " + MAX_SECONDS);
        }
        return seconds;
    }

    private static long parseLong(Map<String, String> options, String name) {
        try {
            return Long.parseLong(options.get(name));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + options.get(name) + "'");
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** {@code --name value} pairs after the command; {@code --all} and {@code --verbose} are flags without a value. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.equals("all") || name.equals("verbose")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new UsageException(arg + " needs a value");
            }
        }
        return options;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
