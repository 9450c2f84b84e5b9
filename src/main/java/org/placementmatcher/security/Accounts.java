package org.placementmatcher.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The account tables (V3__accounts.sql) in plain JDBC on a connection the caller owns, so that the service
 * ({@link AccountStore}, in its transactions) and the command line (add-user, without Quarkus) share them.
 */
public final class Accounts {

    private Accounts() {}

    public static Optional<Account> find(Connection connection, String username) throws SQLException {
        return find(connection, username, false);
    }

    /** The account, its row locked until the transaction ends (sign-in counting). */
    public static Optional<Account> findForUpdate(Connection connection, String username) throws SQLException {
        return find(connection, username, true);
    }

    private static Optional<Account> find(Connection connection, String username, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT username, password_hash, enabled, failed_attempts, locked_until, created_at, updated_at"
                        + " FROM account WHERE username = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(connection, rs));
            }
        }
    }

    public static List<Account> list(Connection connection) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT username, password_hash, enabled, failed_attempts, locked_until, created_at, updated_at"
                                + " FROM account ORDER BY username");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                accounts.add(read(connection, rs));
            }
        }
        return accounts;
    }

    public static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM account");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Enabled accounts holding ADMIN, other than the one named (null: all). */
    public static long enabledAdminsOtherThan(Connection connection, String username) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM account a"
                + " JOIN account_role r ON r.username = a.username"
                + " WHERE r.role = ? AND a.enabled = TRUE AND a.username <> ?")) {
            statement.setString(1, Role.ADMIN.name());
            statement.setString(2, username == null ? "" : username);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void insert(Connection connection, Account account) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO account (username, password_hash,"
                + " enabled, failed_attempts, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, account.username());
            statement.setString(2, account.passwordHash());
            statement.setBoolean(3, account.enabled());
            statement.setInt(4, account.failedAttempts());
            setTime(statement, 5, account.lockedUntil());
            setTime(statement, 6, account.createdAt());
            setTime(statement, 7, account.updatedAt());
            statement.executeUpdate();
        }
        writeSets(connection, account);
    }

    /** Writes every field of an existing account but its name and creation time. */
    public static void update(Connection connection, Account account) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE account SET password_hash = ?,"
                + " enabled = ?, failed_attempts = ?, locked_until = ?, updated_at = ? WHERE username = ?")) {
            statement.setString(1, account.passwordHash());
            statement.setBoolean(2, account.enabled());
            statement.setInt(3, account.failedAttempts());
            setTime(statement, 4, account.lockedUntil());
            setTime(statement, 5, account.updatedAt());
            statement.setString(6, account.username());
            statement.executeUpdate();
        }
        delete(connection, "account_role", account.username());
        delete(connection, "account_authority", account.username());
        writeSets(connection, account);
    }

    /** Only the sign-in counters: failed attempts in a row and the lock. */
    public static void updateSignIn(Connection connection, String username, int failedAttempts, Instant lockedUntil)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE account SET failed_attempts = ?, locked_until = ? WHERE username = ?")) {
            statement.setInt(1, failedAttempts);
            setTime(statement, 2, lockedUntil);
            statement.setString(3, username);
            statement.executeUpdate();
        }
    }

    public static boolean delete(Connection connection, String username) throws SQLException {
        delete(connection, "account_role", username);
        delete(connection, "account_authority", username);
        return delete(connection, "account", username) > 0;
    }

    private static int delete(Connection connection, String table, String username) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM " + table + " WHERE username = ?")) {
            statement.setString(1, username);
            return statement.executeUpdate();
        }
    }

    private static void writeSets(Connection connection, Account account) throws SQLException {
        List<String> roles = account.roles().stream().map(Role::name).toList();
        insertAll(connection, "INSERT INTO account_role (username, role) VALUES (?, ?)", account.username(), roles);
        insertAll(
                connection,
                "INSERT INTO account_authority (username, authority) VALUES (?, ?)",
                account.username(),
                account.authorities());
    }

    private static void insertAll(Connection connection, String sql, String username, Collection<String> values)
            throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String value : values) {
                statement.setString(1, username);
                statement.setString(2, value);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Account read(Connection connection, ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        SortedSet<Role> roles = new TreeSet<>(EnumSet.noneOf(Role.class));
        for (String role : strings(connection, "SELECT role FROM account_role WHERE username = ?", username)) {
            // A role this version does not know (written by a newer one) grants nothing here.
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        SortedSet<String> authorities = new TreeSet<>(
                strings(connection, "SELECT authority FROM account_authority WHERE username = ?", username));
        return new Account(
                username,
                rs.getString("password_hash"),
                roles,
                authorities,
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                getTime(rs, "locked_until"),
                getTime(rs, "created_at"),
                getTime(rs, "updated_at"));
    }

    private static List<String> strings(Connection connection, String sql, String username) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    static Instant getTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
