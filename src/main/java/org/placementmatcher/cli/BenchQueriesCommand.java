package org.placementmatcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.placementmatcher.benchmark.QueryLatencyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-queries}: match and emergency query latency on a loaded caseload (README "Query latency"). */
@Command(
        name = "bench-queries",
        description = "Measures match and emergency query latency on a loaded caseload (p50/p95/p99 on stdout).")
final class BenchQueriesCommand implements Callable<Integer> {

    static final int DEFAULT_QUERIES = 1000;
    static final int MAX_QUERIES = 1_000_000;

    @Mixin
    private HelpOption help;

    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "the caseload, a PlacementProblem (JSON)")
    private Path input;

    private int queries = DEFAULT_QUERIES;

    @Option(names = "--seed", paramLabel = "N", description = "the seed choosing the children queried (default 1)")
    private long seed = 1;

    BenchQueriesCommand(PrintStream out) {
        this.out = out;
    }

    @Option(
            names = "--queries",
            paramLabel = "N",
            description = "queries of each kind, 1 to " + MAX_QUERIES + " (default " + DEFAULT_QUERIES + ")")
    void setQueries(int value) {
        queries = PlacementMatcherCommand.within(spec, "--queries", value, 1, MAX_QUERIES);
    }

    @Override
    public Integer call() throws IOException {
        new QueryLatencyBenchmark(out).run(CommandFiles.read(input), queries, seed);
        return CommandLine.OK;
    }
}
