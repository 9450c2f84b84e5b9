package org.placementmatcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, parsed by picocli (the commands are {@link SolveCommand}, {@link GenerateCommand},
 * {@link BenchQueriesCommand} and {@link AddUserCommand}). Nothing here starts Quarkus; only add-user opens the
 * service's database. Exit codes: 0 success,
 * 2 invalid input or usage (errors as JSON on stderr for an invalid problem), 1 anything else. Never
 * prints a stack trace; never leaves a partial output file.
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** Settings above all others for the commands that read the service's (tests: another database). */
    private final Map<String, String> settings;

    public CommandLine(PrintStream out, PrintStream err) {
        this(System.in, out, err, Map.of());
    }

    CommandLine(InputStream in, PrintStream out, PrintStream err, Map<String, String> settings) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.settings = Map.copyOf(settings);
    }

    public int run(String... args) {
        try {
            return commands().execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more heap (e.g. java -Xmx4g -jar ...)");
            return FAILED;
        } catch (RuntimeException e) {
            // Only a defect in the commands' own definitions gets here: still a message, never a stack trace.
            err.println("error: " + messageOf(e));
            return FAILED;
        }
    }

    private picocli.CommandLine commands() {
        picocli.CommandLine commands = new picocli.CommandLine(new PlacementMatcherCommand())
                .addSubcommand(new SolveCommand(err))
                .addSubcommand(new GenerateCommand(err))
                .addSubcommand(new BenchQueriesCommand(out))
                .addSubcommand(new AddUserCommand(in, out, err, settings))
                .addSubcommand(new PostcodeExtractCommand(err))
                .addSubcommand(new HelpCommand());
        // Help goes where it was asked for (stdout); every complaint to stderr.
        commands.setOut(new PrintWriter(out, true));
        commands.setErr(new PrintWriter(err, true));
        commands.setParameterExceptionHandler(this::usageError);
        commands.setExecutionExceptionHandler(this::failure);
        return commands;
    }

    /** One line: what was wrong, and where the usage is. */
    private int usageError(ParameterException e, String[] args) {
        picocli.CommandLine command = e.getCommandLine();
        err.println("error: " + usageMessage(e, command) + " (usage: "
                + command.getCommandSpec().qualifiedName() + " --help)");
        return INVALID;
    }

    private static String usageMessage(ParameterException e, picocli.CommandLine command) {
        List<String> unmatched = e instanceof UnmatchedArgumentException u
                ? u.getUnmatched()
                : command.getParseResult() == null
                        ? List.of()
                        : command.getParseResult().unmatched();
        if (!unmatched.isEmpty()
                && command.getParent() == null
                && !unmatched.getFirst().startsWith("-")) {
            return "unknown command '" + unmatched.getFirst() + "'";
        }
        if (!unmatched.isEmpty() && unmatched.getFirst().startsWith("-")) {
            // A misspelt option, not the required option it was meant to be, is what needs fixing.
            return "Unknown option: '" + unmatched.getFirst() + "'";
        }
        // Argument groups prefix their own messages with "Error: ".
        return e.getMessage().replaceFirst("^Error: ", "");
    }

    private int failure(Exception e, picocli.CommandLine command, ParseResult parsed) {
        if (e instanceof InvalidProblemException invalid) {
            err.println(errorsJson(invalid.reported()));
            return INVALID;
        }
        err.println("error: " + messageOf(e));
        return FAILED;
    }

    /**
     * The commands word their own failures as input/output errors; any other exception is a defect whose
     * message is written for programmers (it may name a Java class), so the user gets plain words.
     */
    static String messageOf(Exception e) {
        String message = e.getMessage();
        boolean ours = e instanceof IOException || e instanceof UncheckedIOException;
        return !ours || message == null || message.isBlank() ? "unexpected failure" : message;
    }

    static String errorsJson(List<ProblemError> errors) {
        try {
            return ContractJson.mapper().writeValueAsString(Map.of("errors", errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
