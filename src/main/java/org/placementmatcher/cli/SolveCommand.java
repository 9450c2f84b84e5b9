package org.placementmatcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanProof;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code solve}: a PlacementProblem file in, a PlacementPlan file out, progress on stderr. */
@Command(
        name = "solve",
        description = {
            "Solves a PlacementProblem (JSON) and writes the PlacementPlan (JSON).",
            "Progress (best score, elapsed time, limit) goes to stderr while solving."
        })
final class SolveCommand implements Callable<Integer> {

    static final int DEFAULT_SECONDS = 30;
    static final int MAX_SECONDS = 24 * 3600;

    @Mixin
    private HelpOption help;

    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the PlacementProblem (JSON)")
    private Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "where to write the PlacementPlan (JSON); written whole or not at all")
    private Path output;

    private int seconds = DEFAULT_SECONDS;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "solve with another solver configuration (e.g. one kept in solver-config/)")
    private Path config;

    @Option(names = "--verbose", description = "add the solver's own log (phases, move evaluation speed)")
    private boolean verbose;

    SolveCommand(PrintStream err) {
        this.err = err;
    }

    @Option(
            names = "--seconds",
            paramLabel = "N",
            description = "time limit, 1 to " + MAX_SECONDS + " (default " + DEFAULT_SECONDS
                    + "); the solve also stops once the best score has not improved for the configured plateau")
    void setSeconds(int value) {
        seconds = PlacementMatcherCommand.within(spec, "--seconds", value, 1, MAX_SECONDS);
    }

    @Override
    public Integer call() throws IOException {
        PlacementProblem problem = ProblemReader.read(CommandFiles.read(input));
        solverLogging(verbose);
        PlacementSolver solver = solver();
        PlacementSolution solution = ProblemMapper.toSolution(problem);
        Duration limit = Duration.ofSeconds(seconds);
        err.printf(
                Locale.ROOT,
                "solving %d children (%d units) and %d providers for at most %d s%n",
                solution.getChildren().size(),
                solution.getUnits().size(),
                solution.getProviders().size(),
                seconds);
        long start = System.nanoTime();
        PlacementSolver.Proven proven;
        long peakMegabytes;
        try (HeapPeak heap = HeapPeak.start()) {
            proven = solver.solveAndBound(
                    solution, limit, new SolveProgress(err, limit, System::nanoTime), new PlacementSolver.Solving());
            peakMegabytes = heap.megabytes();
        }
        PlacementPlan plan = PlanWriter.toPlan(proven);
        CommandFiles.writeAtomically(
                output, ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        err.printf(
                Locale.ROOT,
                "done in %.1f s: %s, %s, placed %d of %d children; peak heap %d MB; plan written to %s%n",
                (System.nanoTime() - start) / 1e9,
                plan.score(),
                plan.feasible() ? "feasible" : "NOT feasible",
                plan.kpis().placed(),
                plan.kpis().children(),
                peakMegabytes,
                output);
        err.println(proof(plan));
        return CommandLine.OK;
    }

    /** The plan's proof in words, the bound's score beside it. */
    static String proof(PlacementPlan plan) {
        if (plan.bestBound() == null) {
            return "best bound: none (the time limit left too little time to work one out)";
        }
        return PlanProof.words(plan) + " (best bound " + plan.bestBound() + ")";
    }

    private PlacementSolver solver() throws IOException {
        if (config == null) {
            return PlacementSolver.fromClasspathConfig();
        }
        if (!Files.isRegularFile(config)) {
            throw new IOException("solver configuration not found: " + config);
        }
        try {
            return PlacementSolver.fromConfigFile(config);
        } catch (RuntimeException e) {
            // The solver's own message names its classes; the user needs to know which file to fix.
            throw new IOException("solver configuration " + config + " is not a valid Timefold solver configuration");
        }
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
}
