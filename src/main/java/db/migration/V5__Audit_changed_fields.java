package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.register.AuditDetails;

/**
 * Flyway migration 5, in Java as it rewrites JSON: audit entries written before contract section 6 held whole
 * records; each is rewritten by {@link AuditDetails#fromWholeRecord} to the fields that changed and their new
 * values (an added record's fields; nothing for a removed one). Quarkus hands Flyway the Java migrations of
 * the package of a location, so it lives in db.migration beside the SQL ones and runs on H2 and PostgreSQL
 * alike, after V4, in one transaction. The name is Flyway's convention (version 5, "Audit changed fields").
 *
 * <p>On PostgreSQL the audit log refuses UPDATE from anyone (trigger {@value #TRIGGER}, V1_1): the trigger is
 * disabled for this one rewrite and enabled again before the transaction commits, so no other writer ever
 * sees it off, and a failure rolls both back.
 */
public class V5__Audit_changed_fields extends BaseJavaMigration {

    static final String TRIGGER = "audit_log_no_update_or_delete";

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        rewrite(context.getConnection());
    }

    /** Rewrites every old-style entry on the connection (in its transaction); answers how many changed. */
    static int rewrite(Connection c) throws SQLException, IOException {
        boolean guarded = hasAppendOnlyTrigger(c);
        if (guarded) {
            execute(c, "ALTER TABLE audit_log DISABLE TRIGGER " + TRIGGER);
        }
        int rewritten = 0;
        // Only entries holding a whole record; the LIKE is a cheap first filter, fromWholeRecord decides.
        try (PreparedStatement select = c.prepareStatement("SELECT seq, action, detail_json FROM audit_log"
                        + " WHERE detail_json LIKE '%\"record\"%' ORDER BY seq");
                PreparedStatement update = c.prepareStatement("UPDATE audit_log SET detail_json = ? WHERE seq = ?")) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode old = ContractJson.mapper().readTree(rs.getString("detail_json"));
                    JsonNode now = AuditDetails.fromWholeRecord(rs.getString("action"), old);
                    if (now != old) {
                        update.setString(1, ContractJson.mapper().writeValueAsString(now));
                        update.setLong(2, rs.getLong("seq"));
                        update.addBatch();
                        if (++rewritten % 500 == 0) {
                            update.executeBatch();
                        }
                    }
                }
            }
            update.executeBatch();
        }
        if (guarded) {
            execute(c, "ALTER TABLE audit_log ENABLE TRIGGER " + TRIGGER);
        }
        return rewritten;
    }

    private static boolean hasAppendOnlyTrigger(Connection c) throws SQLException {
        if (!c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres")) {
            return false;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM pg_trigger" + " WHERE tgname = ? AND tgrelid = to_regclass('audit_log')")) {
            select.setString(1, TRIGGER);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
