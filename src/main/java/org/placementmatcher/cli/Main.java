package org.placementmatcher.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;
import org.placementmatcher.security.SessionKey;

/**
 * The one entry point of the jar: with no arguments it runs the REST service; with any argument the
 * command line ({@link CommandLine}: {@code solve}, {@code generate}, {@code bench-queries}, {@code help})
 * parses it, runs the command and exits, without starting Quarkus or opening the database.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0) {
            System.exit(new CommandLine(System.out, System.err).run(args));
        }
        // Before Quarkus reads its settings: a random session key unless one is configured (see SessionKey).
        SessionKey.generateIfAbsent(ServiceConfig.read(Map.of())
                .getOptionalValue(SessionKey.PROPERTY, String.class)
                .isPresent());
        Quarkus.run(args);
    }
}
