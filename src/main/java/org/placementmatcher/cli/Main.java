package org.placementmatcher.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The one entry point of the jar: with no arguments it runs the REST service; with a command
 * ({@code solve}, {@code generate}, {@code help}) it runs that command and exits, without starting
 * the service.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0) {
            System.exit(new CommandLine(System.out, System.err).run(args));
        }
        Quarkus.run(args);
    }
}
