package org.placementmatcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top of the command line: only subcommands do work. Reached with arguments but no command
 * (e.g. {@code --}), which is a usage error; with no arguments at all {@link Main} runs the service instead.
 */
@Command(
        name = "placement-matcher",
        description = {
            "Proposes placements for children in care.",
            "With no arguments: runs the REST service on http://localhost:8080."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:success",
            "2:invalid input or usage (an invalid problem: its errors as JSON on stderr)",
            "1:any other failure (a message, never a stack trace)"
        })
final class PlacementMatcherCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command: one of solve, generate, bench-queries, add-user, postcode-extract, help");
    }

    /** A whole number option checked against its range while parsing, so a bad value stops before any work. */
    static int within(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '" + option + "': " + value + " is not from " + min + " to " + max);
        }
        return value;
    }
}
