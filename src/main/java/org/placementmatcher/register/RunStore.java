package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run tables' rows (runs, their proposed changes and the decisions taken on them) and the SQL reading runs. The
 * SQL that moves a run through its statuses is {@link RunStateStore}'s, that of proposed changes and decisions
 * {@link RunChangeStore}'s, that of deleting expired run data {@link RunRetentionStore}'s. Every query names the
 * authority or the run.
 */
public final class RunStore {

    /** As stored; QUEUED is never stored, only shown for a SOLVING run the worker has not started yet (RunViews). */
    public enum Status {
        QUEUED,
        SOLVING,
        DONE,
        INTERRUPTED,
        FAILED
    }

    public enum Trigger {
        MANUAL,
        SCHEDULED
    }

    /** A run's row; the JSON columns only when asked for. */
    record Row(
            String id,
            String authority,
            Status status,
            Trigger trigger,
            String requestedBy,
            int seconds,
            long registerVersion,
            LocalDate referenceDate,
            int attempts,
            String owner,
            Instant createdAt,
            Instant startedAt,
            Instant heartbeatAt,
            Instant finishedAt,
            String scoreToday,
            String score,
            String snapshotJson,
            String planJson,
            String analysisJson,
            String kpisJson,
            String error,
            int changes,
            int decisions,
            Instant dataDeletedAt,
            String executedBy) {}

    /** A proposed change as stored, with its decision if one was taken. */
    record ChangeRow(
            String runId,
            String childId,
            int order,
            String unitId,
            String kind,
            String fromProvider,
            String toProvider,
            String scoreGain,
            String changeJson,
            String decision,
            String decidedBy,
            String reason,
            Instant decidedAt) {}

    /** The columns of a run's summary (a {@link Row} without its JSON), the runs table aliased {@code r}. */
    static final String SUMMARY_COLUMNS = "r.run_id, r.authority, r.status, r.run_trigger, r.requested_by, r.seconds,"
            + " r.register_version, r.reference_date, r.attempts, r.owner_instance, r.created_at, r.started_at,"
            + " r.heartbeat_at, r.finished_at, r.score_today, r.score, r.error, r.data_deleted_at, r.executed_by,"
            + " (SELECT COUNT(*) FROM run_change c WHERE c.run_id = r.run_id) AS change_count,"
            + " (SELECT COUNT(*) FROM run_decision d WHERE d.run_id = r.run_id) AS decision_count";

    private RunStore() {}

    /** The run with its JSON columns, if it belongs to the authority. */
    static Optional<Row> find(Connection c, String authority, String id, boolean withJson) throws SQLException {
        String json = withJson ? ", r.snapshot_json, r.plan_json, r.analysis_json, r.kpis_json" : "";
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + json + " FROM plan_run r WHERE r.authority = ? AND r.run_id = ?")) {
            select.setString(1, authority);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, withJson)) : Optional.empty();
            }
        }
    }

    /**
     * The run with what its view shows (plan, analysis, KPIs) but not its snapshot, which the view never reads and
     * which is the largest column; if it belongs to the authority.
     */
    static Optional<Row> findForView(Connection c, String authority, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + ", NULL AS snapshot_json, r.plan_json, r.analysis_json, r.kpis_json"
                + " FROM plan_run r WHERE r.authority = ? AND r.run_id = ?")) {
            select.setString(1, authority);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, true)) : Optional.empty();
            }
        }
    }

    /** The run by id alone (the worker's own look-up), with its snapshot. */
    static Optional<Row> byId(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + ", r.snapshot_json, r.plan_json, r.analysis_json, r.kpis_json FROM plan_run r WHERE r.run_id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, true)) : Optional.empty();
            }
        }
    }

    /** The authority's runs, newest first, without their JSON. */
    static List<Row> list(Connection c, String authority, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + " FROM plan_run r WHERE r.authority = ? ORDER BY r.created_at DESC, r.run_id")) {
            select.setString(1, authority);
            select.setMaxRows(limit);
            return summaries(select);
        }
    }

    /** The stored KPIs of the authority's latest runs that have them (a run's summary keeps them), by run id. */
    static Map<String, String> kpis(Connection c, String authority, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT r.run_id, r.kpis_json FROM plan_run r"
                + " WHERE r.authority = ? AND r.kpis_json IS NOT NULL ORDER BY r.created_at DESC, r.run_id")) {
            select.setString(1, authority);
            select.setMaxRows(limit);
            Map<String, String> kpis = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    kpis.put(rs.getString(1), rs.getString(2));
                }
            }
            return kpis;
        }
    }

    /** The authority's newest finished (DONE) run, without its JSON. */
    static Optional<Row> latestDone(Connection c, String authority) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + " FROM plan_run r WHERE r.authority = ? AND r.status = 'DONE'"
                + " ORDER BY r.finished_at DESC, r.created_at DESC, r.run_id")) {
            select.setString(1, authority);
            select.setMaxRows(1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, false)) : Optional.empty();
            }
        }
    }

    /** Runs still marked SOLVING whose owner has not been heard of since {@code before}. */
    static List<Row> stale(Connection c, Instant before) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + " FROM plan_run r WHERE r.status = 'SOLVING' AND (r.heartbeat_at IS NULL OR r.heartbeat_at < ?)")) {
            Database.setTime(select, 1, before.atOffset(java.time.ZoneOffset.UTC));
            return summaries(select);
        }
    }

    /** Whether the authority has a run still solving. */
    static boolean solving(Connection c, String authority) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT COUNT(*) FROM plan_run WHERE authority = ? AND status = 'SOLVING'")) {
            select.setString(1, authority);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Whether the authority has a scheduled run created at or after {@code since}. */
    static boolean scheduledSince(Connection c, String authority, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM plan_run"
                + " WHERE authority = ? AND run_trigger = 'SCHEDULED' AND created_at >= ?")) {
            select.setString(1, authority);
            Database.setTime(select, 2, since.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** When the latest run of this trigger that ended with this status finished; null when none has. */
    static Instant lastFinished(Connection c, Trigger trigger, Status status) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MAX(finished_at) AS finished_at FROM plan_run WHERE run_trigger = ? AND status = ?")) {
            select.setString(1, trigger.name());
            select.setString(2, status.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Database.getTime(rs, "finished_at") : null;
            }
        }
    }

    /** Every row the select of {@link #SUMMARY_COLUMNS} answers, without its JSON, in the select's order. */
    static List<Row> summaries(PreparedStatement select) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs, false));
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs, boolean withJson) throws SQLException {
        return new Row(
                rs.getString("run_id"),
                rs.getString("authority"),
                Status.valueOf(rs.getString("status")),
                Trigger.valueOf(rs.getString("run_trigger")),
                rs.getString("requested_by"),
                rs.getInt("seconds"),
                rs.getLong("register_version"),
                rs.getObject("reference_date", LocalDate.class),
                rs.getInt("attempts"),
                rs.getString("owner_instance"),
                Database.getTime(rs, "created_at"),
                Database.getTime(rs, "started_at"),
                Database.getTime(rs, "heartbeat_at"),
                Database.getTime(rs, "finished_at"),
                rs.getString("score_today"),
                rs.getString("score"),
                withJson ? rs.getString("snapshot_json") : null,
                withJson ? rs.getString("plan_json") : null,
                withJson ? rs.getString("analysis_json") : null,
                withJson ? rs.getString("kpis_json") : null,
                rs.getString("error"),
                rs.getInt("change_count"),
                rs.getInt("decision_count"),
                Database.getTime(rs, "data_deleted_at"),
                rs.getString("executed_by"));
    }
}
