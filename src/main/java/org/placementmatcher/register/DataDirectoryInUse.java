package org.placementmatcher.register;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.PreventFurtherStepsException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.api.ErrorCode;

/**
 * A second service started on a data directory another one is using gets one line saying so and exits
 * with 1, instead of Flyway's stack trace. The embedded H2 file admits one process, and the first connection
 * at start-up is Flyway's, before any bean of ours runs; so this customizer, which Flyway calls just before
 * migrating the embedded database, opens a connection itself and turns H2's "already in use" into a
 * {@link PreventFurtherStepsException}, which Quarkus reports by its message alone. Any other failure to
 * connect is left to Flyway to report as before.
 */
@Singleton
@FlywayDataSource("embedded")
public class DataDirectoryInUse implements FlywayConfigurationCustomizer {

    static final int EXIT_CODE = 1;

    /** H2 names the locked file in quotes: {@code Database may be already in use: "/data/placement.mv.db". ...}. */
    private static final Pattern LOCKED_FILE = Pattern.compile("\"(.+)[/\\\\][^/\\\\\"]+\\.mv\\.db\"");

    @Override
    public void customize(FluentConfiguration configuration) {
        try (Connection probe = configuration.getDataSource().getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            Optional<String> message = message(e);
            if (message.isPresent()) {
                throw new PreventFurtherStepsException(message.get(), EXIT_CODE);
            }
        }
    }

    /** The one-line message when the failure is H2 finding its database file locked by another process. */
    public static Optional<String> message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                Matcher file = LOCKED_FILE.matcher(String.valueOf(sql.getMessage()));
                String directory = file.find() ? "the data directory " + file.group(1) : "the data directory";
                return Optional.of("Placement Matcher cannot start: " + directory + " is in use by another instance"
                        + " (its database file is locked). Stop that instance, or give this one another directory"
                        + " with PLACEMENT_DATA_DIR.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
