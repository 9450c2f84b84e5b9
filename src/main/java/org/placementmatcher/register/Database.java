package org.placementmatcher.register;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The register's database: whichever datasource configuration made active (the embedded H2 file, or
 * PostgreSQL; see application.properties), with local transactions and the SQL errors that mean
 * "someone else is changing the same thing" turned into {@link RegisterErrors.Conflict}.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    /** Work on a connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final InjectableInstance<AgroalDataSource> dataSources;
    private volatile AgroalDataSource dataSource;

    public Database(@Any InjectableInstance<AgroalDataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** Says at start-up which database holds the register (without credentials or options). */
    void onStart(@Observes StartupEvent event) {
        String url = dataSource()
                .getConfiguration()
                .connectionPoolConfiguration()
                .connectionFactoryConfiguration()
                .jdbcUrl();
        LOG.infof("Register database: %s", url == null ? "?" : url.replaceAll("[;?].*$", ""));
    }

    private AgroalDataSource dataSource() {
        AgroalDataSource ds = dataSource;
        if (ds == null) {
            ds = dataSources.getActive();
            dataSource = ds;
        }
        return ds;
    }

    /** Runs the work in one transaction: committed whole when it returns, rolled back whole when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /** Lock timeouts, deadlocks, serialisation failures and unique-key races: another writer got there first. */
    static RuntimeException translate(SQLException e) {
        String state = sqlState(e);
        if (state != null
                && (state.equals("23505")
                        || state.equals("HYT00")
                        || state.equals("55P03")
                        || state.equals("40P01")
                        || state.equals("40001"))) {
            return new RegisterErrors.Conflict(
                    "$",
                    "another change to the same records was being made at the same time; "
                            + "nothing of this request was kept: try again");
        }
        return new IllegalStateException("database error (SQLState " + state + ")", e);
    }

    private static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        Throwable cause = e.getCause();
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }

    // Small JDBC helpers, the same on H2 and PostgreSQL.

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static void setTime(PreparedStatement statement, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time);
        }
    }

    static Instant getTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }
}
