package org.placementmatcher.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Migration 5: audit entries that held whole records are rewritten to the fields that changed and their new
 * values. The transformation on its own, then one migration run from V4 on a fresh database (H2; and on
 * PostgreSQL, in a schema of its own, when the tests run against it with -Dplacement.db.kind=postgresql,
 * where the append-only trigger must be back on afterwards).
 */
class RegisterAuditMigrationTest {

    private static final String CHANGED = """
            {"via": "PATCH child", "registerVersion": 3, "changedFields": ["needs", "pinned"],
             "record": {"id": "C1", "gender": "MALE", "needs": ["MEDICAL"], "urgency": "PLANNED"}}""";
    private static final String ADDED = """
            {"via": "PUT child", "registerVersion": 2, "record": {"id": "C1", "gender": "MALE"}}""";
    private static final String REMOVED = """
            {"via": "DELETE provider", "registerVersion": 4, "record": {"id": "P1", "places": 2}}""";
    private static final String DECISION = """
            {"decision": "REJECT", "reason": "kept", "kind": "MOVE", "registerVersion": 4}""";

    @Test
    void aChangeKeepsOnlyTheChangedFieldsWithTheirNewValuesNullForOneRemoved() {
        JsonNode rewritten = AuditDetails.fromWholeRecord("CHILD_CHANGED", AuditLog.tree(CHANGED));

        assertThat(AuditLog.json(rewritten))
                .isEqualTo("{\"via\":\"PATCH child\",\"registerVersion\":3,"
                        + "\"fields\":{\"needs\":[\"MEDICAL\"],\"pinned\":null}}");
    }

    @Test
    void anAdditionKeepsTheFieldsGivenARemovalNoneAndOtherEntriesStayAsTheyAre() {
        assertThat(AuditLog.json(AuditDetails.fromWholeRecord("CHILD_ADDED", AuditLog.tree(ADDED))))
                .isEqualTo("{\"via\":\"PUT child\",\"registerVersion\":2,"
                        + "\"fields\":{\"id\":\"C1\",\"gender\":\"MALE\"}}");
        assertThat(AuditLog.json(AuditDetails.fromWholeRecord("PROVIDER_REMOVED", AuditLog.tree(REMOVED))))
                .isEqualTo("{\"via\":\"DELETE provider\",\"registerVersion\":4}");
        JsonNode decision = AuditLog.tree(DECISION);
        assertThat(AuditDetails.fromWholeRecord("DECISION_REJECTED", decision)).isSameAs(decision);
        JsonNode once = AuditDetails.fromWholeRecord("CHILD_CHANGED", AuditLog.tree(CHANGED));
        assertThat(AuditDetails.fromWholeRecord("CHILD_CHANGED", once)).isSameAs(once);
        assertThat(AuditDetails.fromWholeRecord("CHILD_CHANGED", null)).isNull();
    }

    @Test
    void migrationFiveRewritesOldEntriesOnH2() throws SQLException {
        String url = "jdbc:h2:mem:audit-migration-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        migrateAndCheck(url, "sa", "", null, "classpath:db/migration");
    }

    @Test
    void migrationFiveRewritesOldEntriesOnPostgresqlWithTheAppendOnlyTriggerBackOn() throws SQLException {
        if (!"postgresql".equals(System.getProperty("placement.db.kind"))) {
            return; // the H2 run above stands; the PostgreSQL leg of .ci/run runs this one
        }
        String url = System.getProperty("placement.db.url");
        String user = System.getProperty("placement.db.user", "placement");
        String password = System.getProperty("placement.db.password", "");
        String schema = "audit_migration_" + UUID.randomUUID().toString().replace("-", "");
        try {
            migrateAndCheck(url, user, password, schema, "classpath:db/migration", "classpath:db/postgresql");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                execute(c, "SET search_path TO " + schema);
                assertThatThrownBy(() -> execute(c, "UPDATE audit_log SET actor = 'x'"))
                        .hasMessageContaining("append-only");
                // The access log (V4, trigger V4_1) is kept the same way.
                assertThatThrownBy(() -> execute(c, "DELETE FROM access_log")).hasMessageContaining("append-only");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                execute(c, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void migrateAndCheck(String url, String user, String password, String schema, String... locations)
            throws SQLException {
        configure(url, user, password, schema, locations).target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (schema != null) {
                execute(c, "SET search_path TO " + schema);
            }
            insert(c, "CHILD_CHANGED", CHANGED);
            insert(c, "CHILD_ADDED", ADDED);
            insert(c, "PROVIDER_REMOVED", REMOVED);
            insert(c, "DECISION_REJECTED", DECISION);
        }

        // Found by its package, db.migration, as Quarkus finds it.
        configure(url, user, password, schema, locations).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (schema != null) {
                execute(c, "SET search_path TO " + schema);
            }
            List<String> details = new ArrayList<>();
            try (Statement select = c.createStatement();
                    ResultSet rs = select.executeQuery("SELECT detail_json FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    details.add(AuditLog.json(AuditLog.tree(rs.getString(1))));
                }
            }
            assertThat(details)
                    .containsExactly(
                            "{\"via\":\"PATCH child\",\"registerVersion\":3,"
                                    + "\"fields\":{\"needs\":[\"MEDICAL\"],\"pinned\":null}}",
                            "{\"via\":\"PUT child\",\"registerVersion\":2,"
                                    + "\"fields\":{\"id\":\"C1\",\"gender\":\"MALE\"}}",
                            "{\"via\":\"DELETE provider\",\"registerVersion\":4}",
                            AuditLog.json(AuditLog.tree(DECISION)));
            try (Statement select = c.createStatement();
                    ResultSet rs = select.executeQuery(
                            "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '5' AND success")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static FluentConfiguration configure(
            String url, String user, String password, String schema, String... locations) {
        FluentConfiguration configuration =
                Flyway.configure().dataSource(url, user, password).locations(locations);
        return schema == null ? configuration : configuration.schemas(schema);
    }

    private static void insert(Connection c, String action, String detail) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (recorded_at, authority, action,"
                + " actor, child_id, detail_json) VALUES (CURRENT_TIMESTAMP, 'E1', ?, 'sw-1', 'C1', ?)")) {
            insert.setString(1, action);
            insert.setString(2, detail);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
