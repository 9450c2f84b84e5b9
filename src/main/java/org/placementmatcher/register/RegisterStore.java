package org.placementmatcher.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.register.RegisterDiff.Indexed;

/**
 * SQL on the register's tables. Every statement names the authority. Providers and children are kept
 * whole as contract JSON beside the key columns; their list order is kept so that a register reads
 * back in the order it was written.
 */
final class RegisterStore {

    /** The register's own fields (the problem without providers and children) and its version. */
    record Header(String authority, long version, PlacementProblem fields) {}

    private RegisterStore() {}

    /** Locks the authority's register row for this transaction; empty when the authority has no register. */
    static Optional<Long> lock(Connection connection, String authority) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT version FROM register_authority WHERE authority = ? FOR UPDATE")) {
            select.setString(1, authority);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Creates the authority's register row (version 0, no records); a concurrent creator waits, then fails on the key. */
    static void create(Connection connection, String authority, PlacementProblem fields) throws SQLException {
        OffsetDateTime now = Database.now();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register_authority"
                + " (authority, header_json, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)")) {
            insert.setString(1, authority);
            insert.setString(2, json(headerOf(fields)));
            Database.setTime(insert, 3, now);
            Database.setTime(insert, 4, now);
            insert.executeUpdate();
        }
    }

    static void updateHeader(Connection connection, String authority, PlacementProblem fields, long version)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE register_authority SET header_json = ?, version = ?, updated_at = ? WHERE authority = ?")) {
            update.setString(1, json(headerOf(fields)));
            update.setLong(2, version);
            Database.setTime(update, 3, Database.now());
            update.setString(4, authority);
            update.executeUpdate();
        }
    }

    static Optional<Header> header(Connection connection, String authority) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, header_json FROM register_authority WHERE authority = ?")) {
            select.setString(1, authority);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Header(authority, rs.getLong(1), read(rs.getString(2), PlacementProblem.class)));
            }
        }
    }

    /** Authorities with a register, and their versions. */
    static Map<String, Long> authorities(Connection connection) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT authority, version FROM register_authority WHERE version > 0 ORDER BY authority");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return versions;
    }

    static LinkedHashMap<String, ProviderInput> providers(Connection connection, String authority) throws SQLException {
        LinkedHashMap<String, ProviderInput> providers = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT provider_id, data_json FROM register_provider WHERE authority = ? ORDER BY list_order")) {
            select.setString(1, authority);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    providers.put(rs.getString(1), read(rs.getString(2), ProviderInput.class));
                }
            }
        }
        return providers;
    }

    static LinkedHashMap<String, ChildInput> children(Connection connection, String authority) throws SQLException {
        LinkedHashMap<String, ChildInput> children = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT child_id, data_json FROM register_child WHERE authority = ? ORDER BY list_order")) {
            select.setString(1, authority);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    children.put(rs.getString(1), read(rs.getString(2), ChildInput.class));
                }
            }
        }
        return children;
    }

    /** The whole register as a contract problem, or empty when the authority has none. */
    static Optional<Register> load(Connection connection, String authority) throws SQLException {
        Optional<Header> header = header(connection, authority);
        if (header.isEmpty() || header.get().version() == 0) {
            return Optional.empty();
        }
        PlacementProblem fields = header.get().fields();
        PlacementProblem problem = new PlacementProblem(
                fields.schemaVersion(),
                fields.name(),
                fields.referenceDate(),
                fields.homeAuthority(),
                fields.weights(),
                new ArrayList<>(providers(connection, authority).values()),
                new ArrayList<>(children(connection, authority).values()),
                fields.adjoiningAuthorities(),
                fields.minimumOfstedJudgement());
        return Optional.of(new Register(authority, header.get().version(), problem));
    }

    // Records are written as JSON by the caller's function, which may give the JSON it has already made for them.

    static void insertProviders(
            Connection connection,
            String authority,
            List<Indexed<ProviderInput>> providers,
            Function<Object, String> json)
            throws SQLException {
        if (providers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO register_provider (authority, provider_id,"
                        + " list_order, provider_type, local_authority, places, data_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = Database.now();
            for (Indexed<ProviderInput> indexed : providers) {
                ProviderInput p = indexed.value();
                insert.setString(1, authority);
                insert.setString(2, p.id());
                insert.setInt(3, indexed.order());
                insert.setString(4, p.type().name());
                insert.setString(5, p.localAuthority());
                insert.setInt(6, p.places());
                insert.setString(7, json.apply(p));
                Database.setTime(insert, 8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void updateProviders(
            Connection connection,
            String authority,
            List<Indexed<ProviderInput>> providers,
            Function<Object, String> json)
            throws SQLException {
        if (providers.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE register_provider SET list_order = ?,"
                + " provider_type = ?, local_authority = ?, places = ?, data_json = ?, updated_at = ?"
                + " WHERE authority = ? AND provider_id = ?")) {
            OffsetDateTime now = Database.now();
            for (Indexed<ProviderInput> indexed : providers) {
                ProviderInput p = indexed.value();
                update.setInt(1, indexed.order());
                update.setString(2, p.type().name());
                update.setString(3, p.localAuthority());
                update.setInt(4, p.places());
                update.setString(5, json.apply(p));
                Database.setTime(update, 6, now);
                update.setString(7, authority);
                update.setString(8, p.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void insertChildren(
            Connection connection, String authority, List<Indexed<ChildInput>> children, Function<Object, String> json)
            throws SQLException {
        if (children.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register_child (authority, child_id,"
                + " list_order, urgency, current_placement, data_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = Database.now();
            for (Indexed<ChildInput> indexed : children) {
                ChildInput c = indexed.value();
                insert.setString(1, authority);
                insert.setString(2, c.id());
                insert.setInt(3, indexed.order());
                insert.setString(4, c.urgency().name());
                Database.setText(insert, 5, c.currentPlacement());
                insert.setString(6, json.apply(c));
                Database.setTime(insert, 7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void updateChildren(
            Connection connection, String authority, List<Indexed<ChildInput>> children, Function<Object, String> json)
            throws SQLException {
        if (children.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE register_child SET list_order = ?, urgency = ?,"
                        + " current_placement = ?, data_json = ?, updated_at = ? WHERE authority = ? AND child_id = ?")) {
            OffsetDateTime now = Database.now();
            for (Indexed<ChildInput> indexed : children) {
                ChildInput c = indexed.value();
                update.setInt(1, indexed.order());
                update.setString(2, c.urgency().name());
                Database.setText(update, 3, c.currentPlacement());
                update.setString(4, json.apply(c));
                Database.setTime(update, 5, now);
                update.setString(6, authority);
                update.setString(7, c.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void deleteChildren(Connection connection, String authority, List<String> ids) throws SQLException {
        delete(connection, "DELETE FROM register_child WHERE authority = ? AND child_id = ?", authority, ids);
    }

    static void deleteProviders(Connection connection, String authority, List<String> ids) throws SQLException {
        delete(connection, "DELETE FROM register_provider WHERE authority = ? AND provider_id = ?", authority, ids);
    }

    private static void delete(Connection connection, String sql, String authority, List<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (String id : ids) {
                delete.setString(1, authority);
                delete.setString(2, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** The problem's own fields, without its providers and children. */
    static PlacementProblem headerOf(PlacementProblem problem) {
        return new PlacementProblem(
                problem.schemaVersion(),
                problem.name(),
                problem.referenceDate(),
                problem.homeAuthority(),
                problem.weights(),
                null,
                null,
                problem.adjoiningAuthorities(),
                problem.minimumOfstedJudgement());
    }

    static String json(Object value) {
        return AuditLog.json(value);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
