package org.placementmatcher.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.placementmatcher.contract.ContractJson;

/**
 * The append-only audit log: every register change and every decision, with who made it and when.
 * This class only ever inserts into {@code audit_log} and reads it; nothing updates or deletes there
 * (on PostgreSQL a trigger refuses UPDATE and DELETE from anyone; only the one-off migration
 * db.migration.V5__Audit_changed_fields rewrote older entries to changed fields). Entries are written in the same
 * transaction as the change they record, so there is never a change without its entry or the reverse.
 */
public final class AuditLog {

    /** What an entry records. */
    public enum Action {
        REGISTER_REPLACED,
        PROVIDER_ADDED,
        PROVIDER_CHANGED,
        PROVIDER_REMOVED,
        CHILD_ADDED,
        CHILD_CHANGED,
        CHILD_REMOVED,
        /** A child's current placement started, moved or ended (detail: the rest of what changed). */
        PLACEMENT_STARTED,
        PLACEMENT_MOVED,
        PLACEMENT_ENDED,
        RUN_STARTED,
        RUN_RESTARTED,
        RUN_FINISHED,
        RUN_INTERRUPTED,
        RUN_FAILED,
        /** A finished run's snapshot, plan and analysis deleted under the retention policy (actor system:retention). */
        RUN_DATA_DELETED,
        DECISION_ACCEPTED,
        DECISION_REJECTED
    }

    /**
     * One entry, as read back. {@code detail}: how the change came (via, registerVersion, reason...) and, for a
     * record, only what changed ({@link AuditDetails}): {@code fields}, an added record's fields or a changed
     * record's changed fields with their new values (null: removed); nothing more for a record removed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            long seq,
            Instant recordedAt,
            String authority,
            Action action,
            String actor,
            String childId,
            String providerId,
            String otherProviderId,
            String runId,

            @Schema(
                    description = "How the change came (via, registerVersion, reason, ...) and, for a record, "
                            + "'fields': an added record's fields, or only the fields that changed with their new "
                            + "values (null: the field was removed); a removed record's entry names it by "
                            + "childId or providerId alone. Never a whole record.")
            JsonNode detail) {}

    /** One entry to write. */
    public record NewEntry(
            Action action,
            String actor,
            String childId,
            String providerId,
            String otherProviderId,
            String runId,
            JsonNode detail) {}

    private static final String INSERT =
            "INSERT INTO audit_log (recorded_at, authority, action, actor, child_id, provider_id,"
                    + " other_provider_id, run_id, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT seq, recorded_at, authority, action, actor, child_id, provider_id,"
            + " other_provider_id, run_id, detail_json FROM audit_log ";

    private AuditLog() {}

    static void append(Connection connection, String authority, NewEntry entry) throws SQLException {
        append(connection, authority, List.of(entry));
    }

    static void append(Connection connection, String authority, List<NewEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = Database.now();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (NewEntry entry : entries) {
                Database.setTime(insert, 1, now);
                insert.setString(2, authority);
                insert.setString(3, entry.action().name());
                insert.setString(4, entry.actor());
                Database.setText(insert, 5, entry.childId());
                Database.setText(insert, 6, entry.providerId());
                Database.setText(insert, 7, entry.otherProviderId());
                Database.setText(insert, 8, entry.runId());
                Database.setText(insert, 9, entry.detail() == null ? null : json(entry.detail()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Entries about the child, oldest first. */
    static List<Entry> byChild(Connection connection, String authority, String childId) throws SQLException {
        return query(connection, 0, "WHERE authority = ? AND child_id = ? ORDER BY seq", authority, childId);
    }

    /** Entries about the provider: its own record, and placements starting, moving or ending there; oldest first. */
    static List<Entry> byProvider(Connection connection, String authority, String providerId) throws SQLException {
        return query(
                connection,
                0,
                "WHERE authority = ? AND (provider_id = ? OR other_provider_id = ?) ORDER BY seq",
                authority,
                providerId,
                providerId);
    }

    static List<Entry> byRun(Connection connection, String authority, String runId) throws SQLException {
        return query(connection, 0, "WHERE authority = ? AND run_id = ? ORDER BY seq", authority, runId);
    }

    /** The authority's entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    static List<Entry> page(Connection connection, String authority, long afterSeq, int limit) throws SQLException {
        return query(connection, limit, "WHERE authority = ? AND seq > ? ORDER BY seq", authority, afterSeq);
    }

    private static List<Entry> query(Connection connection, int maxRows, String where, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            select.setMaxRows(maxRows);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String detail = rs.getString("detail_json");
                    entries.add(new Entry(
                            rs.getLong("seq"),
                            Database.getTime(rs, "recorded_at"),
                            rs.getString("authority"),
                            Action.valueOf(rs.getString("action")),
                            rs.getString("actor"),
                            rs.getString("child_id"),
                            rs.getString("provider_id"),
                            rs.getString("other_provider_id"),
                            rs.getString("run_id"),
                            detail == null ? null : tree(detail)));
                }
            }
            return entries;
        }
    }

    static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
