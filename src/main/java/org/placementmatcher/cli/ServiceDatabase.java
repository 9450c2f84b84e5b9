package org.placementmatcher.cli;

import io.smallrye.config.SmallRyeConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.placementmatcher.register.DataDirectoryInUse;

/**
 * The service's own database, opened by a command without starting Quarkus: the datasource that
 * {@code placement.db.kind} makes active (the embedded H2 file under {@code placement.data-dir}, or PostgreSQL),
 * from the service's settings ({@link ServiceConfig}), migrated by Flyway from the same migrations first. The
 * embedded H2 file admits one process: the service must be stopped while a command uses it.
 */
final class ServiceDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final String[] locations;

    private ServiceDatabase(String url, String user, String password, String... locations) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.locations = locations;
    }

    static ServiceDatabase of(SmallRyeConfig config) {
        String kind = config.getOptionalValue("placement.db.kind", String.class)
                .orElse("h2")
                .toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "h2" ->
                new ServiceDatabase(
                        config.getValue("quarkus.datasource.embedded.jdbc.url", String.class),
                        config.getOptionalValue("quarkus.datasource.embedded.username", String.class)
                                .orElse("sa"),
                        config.getOptionalValue("quarkus.datasource.embedded.password", String.class)
                                .orElse(""),
                        "classpath:db/migration");
            case "postgresql" ->
                new ServiceDatabase(
                        config.getValue("quarkus.datasource.postgresql.jdbc.url", String.class),
                        config.getOptionalValue("quarkus.datasource.postgresql.username", String.class)
                                .orElse(null),
                        config.getOptionalValue("quarkus.datasource.postgresql.password", String.class)
                                .orElse(""),
                        "classpath:db/migration",
                        "classpath:db/postgresql");
            default ->
                throw new IllegalArgumentException("placement.db.kind must be h2 or postgresql, not '" + kind + "'");
        };
    }

    /** Where the database is, without credentials or options (as the service logs it). */
    String where() {
        return url.replaceAll("[;?].*$", "");
    }

    /** Migrates the schema to this version's (as the service does at start-up), then opens a connection. */
    Connection open() throws SQLException {
        try {
            Flyway.configure(ServiceDatabase.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations(locations)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw inUse(e);
        }
        return DriverManager.getConnection(url, user, password);
    }

    /** The embedded database held by a running service: the one message that says so; anything else as it is. */
    private static RuntimeException inUse(FlywayException e) {
        return DataDirectoryInUse.message(e)
                .<RuntimeException>map(message -> new DatabaseInUse(
                        message.replace("Placement Matcher cannot start", "The command cannot open the database")))
                .orElse(e);
    }

    /** The embedded H2 file is open in another process (the service). */
    static final class DatabaseInUse extends RuntimeException {
        DatabaseInUse(String message) {
            super(message);
        }
    }
}
