package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL on runs, their proposed changes and the decisions taken on them. Every query names the authority or the run. */
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

    private static final String SUMMARY_COLUMNS =
            "r.run_id, r.authority, r.status, r.run_trigger, r.requested_by, r.seconds,"
                    + " r.register_version, r.reference_date, r.attempts, r.owner_instance, r.created_at, r.started_at,"
                    + " r.heartbeat_at, r.finished_at, r.score_today, r.score, r.error, r.data_deleted_at, r.executed_by,"
                    + " (SELECT COUNT(*) FROM run_change c WHERE c.run_id = r.run_id) AS change_count,"
                    + " (SELECT COUNT(*) FROM run_decision d WHERE d.run_id = r.run_id) AS decision_count";

    private RunStore() {}

    static void insert(
            Connection c,
            String id,
            String authority,
            Trigger trigger,
            String requestedBy,
            int seconds,
            long registerVersion,
            LocalDate referenceDate,
            String owner,
            String snapshotJson)
            throws SQLException {
        OffsetDateTime now = Database.now();
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO plan_run (run_id, authority, status, run_trigger,"
                        + " requested_by, seconds, register_version, reference_date, attempts, owner_instance, created_at,"
                        + " heartbeat_at, snapshot_json) VALUES (?, ?, 'SOLVING', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, authority);
            insert.setString(3, trigger.name());
            insert.setString(4, requestedBy);
            insert.setInt(5, seconds);
            insert.setLong(6, registerVersion);
            insert.setObject(7, referenceDate);
            insert.setString(8, owner);
            Database.setTime(insert, 9, now);
            Database.setTime(insert, 10, now);
            insert.setString(11, snapshotJson);
            insert.executeUpdate();
        }
    }

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
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, false));
                }
            }
            return rows;
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
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, false));
                }
            }
            return rows;
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

    /**
     * Claims the run for this instance, whose job for it is executing, and marks it started: answers false when it
     * is no longer SOLVING (stopped, swept or ended meanwhile), so it must not be solved. A run already started
     * elsewhere is claimed only when {@code takingOver} (Quartz recovering the job of a dead instance): a new attempt.
     */
    static boolean claim(Connection c, String id, String owner, String executedBy, boolean takingOver)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE plan_run SET owner_instance = ?, executed_by = ?,"
                + " started_at = ?, heartbeat_at = ?,"
                + " attempts = attempts + CASE WHEN started_at IS NULL THEN 0 ELSE 1 END"
                + " WHERE run_id = ? AND status = 'SOLVING'" + (takingOver ? "" : " AND started_at IS NULL"))) {
            OffsetDateTime now = Database.now();
            update.setString(1, owner);
            update.setString(2, executedBy);
            Database.setTime(update, 3, now);
            Database.setTime(update, 4, now);
            update.setString(5, id);
            return update.executeUpdate() == 1;
        }
    }

    static void heartbeat(Connection c, List<String> ids, String owner) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE plan_run SET heartbeat_at = ?"
                + " WHERE run_id = ? AND owner_instance = ? AND status = 'SOLVING'")) {
            OffsetDateTime now = Database.now();
            for (String id : ids) {
                Database.setTime(update, 1, now);
                update.setString(2, id);
                update.setString(3, owner);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Whether the run is still this instance's own attempt: its owner and attempt those it claimed it with. Another
     * instance that took it over (Quartz recovered its job after this one missed its check-ins) changed both; a run
     * swept INTERRUPTED meanwhile is still owned (its end is still kept here).
     */
    static boolean owned(Connection c, String id, String owner, int attempt) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM plan_run WHERE run_id = ?"
                + " AND owner_instance = ? AND attempts = ? AND status IN ('SOLVING', 'INTERRUPTED')")) {
            select.setString(1, id);
            select.setString(2, owner);
            select.setInt(3, attempt);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * The best plan so far of this instance's attempt, kept while solving so that a crash loses little; answers
     * whether it was kept (false: not SOLVING, or no longer this attempt's).
     */
    static boolean progress(Connection c, String id, String owner, int attempt, String score, String planJson)
            throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE plan_run SET score = ?, plan_json = ?, heartbeat_at = ?"
                        + " WHERE run_id = ? AND owner_instance = ? AND attempts = ? AND status = 'SOLVING'")) {
            update.setString(1, score);
            update.setString(2, planJson);
            Database.setTime(update, 3, Database.now());
            update.setString(4, id);
            update.setString(5, owner);
            update.setInt(6, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Ends the run this instance solved: DONE, INTERRUPTED or FAILED with what it has (without a plan, the
     * best plan kept while solving stays). A run another
     * instance took for stale and marked INTERRUPTED is still finished here (nothing finished is lost),
     * unless it has been restarted or taken over since (its owner or attempt changed). Answers whether the row was
     * updated.
     */
    static boolean finish(
            Connection c,
            String id,
            String owner,
            int attempt,
            Status status,
            String scoreToday,
            String score,
            String planJson,
            String analysisJson,
            String kpisJson,
            String error)
            throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE plan_run SET status = ?, finished_at = ?, heartbeat_at = ?,"
                        + " score_today = ?, score = COALESCE(?, score), plan_json = COALESCE(?, plan_json), analysis_json = ?,"
                        + " kpis_json = ?, error = ?"
                        + " WHERE run_id = ? AND owner_instance = ? AND attempts = ?"
                        + " AND status IN ('SOLVING', 'INTERRUPTED')")) {
            OffsetDateTime now = Database.now();
            update.setString(1, status.name());
            Database.setTime(update, 2, now);
            Database.setTime(update, 3, now);
            Database.setText(update, 4, scoreToday);
            Database.setText(update, 5, score);
            Database.setText(update, 6, planJson);
            Database.setText(update, 7, analysisJson);
            Database.setText(update, 8, kpisJson);
            Database.setText(update, 9, error == null ? null : truncate(error, 2000));
            update.setString(10, id);
            update.setString(11, owner);
            update.setInt(12, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /** Marks a SOLVING run INTERRUPTED (its instance stopped or vanished); answers whether it was. */
    static boolean interrupt(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE plan_run SET status = 'INTERRUPTED', finished_at = ?,"
                        + " error = ? WHERE run_id = ? AND status = 'SOLVING'")) {
            Database.setTime(update, 1, Database.now());
            update.setString(2, truncate(reason, 2000));
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Takes an INTERRUPTED or FAILED run back to SOLVING for this instance; answers whether it could. */
    static boolean restart(Connection c, String authority, String id, String owner, int seconds) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE plan_run SET status = 'SOLVING', attempts = attempts + 1,"
                        + " owner_instance = ?, heartbeat_at = ?, seconds = ?, started_at = NULL, finished_at = NULL, error = NULL,"
                        + " score_today = NULL, score = NULL, plan_json = NULL, analysis_json = NULL, kpis_json = NULL"
                        + " WHERE authority = ? AND run_id = ? AND status IN ('INTERRUPTED', 'FAILED')"
                        + " AND data_deleted_at IS NULL")) {
            update.setString(1, owner);
            Database.setTime(update, 2, Database.now());
            update.setInt(3, seconds);
            update.setString(4, authority);
            update.setString(5, id);
            return update.executeUpdate() == 1;
        }
    }

    /** The statuses of a run that has finished: only these runs' data are ever deleted. */
    private static final String FINISHED_IN = "('DONE', 'INTERRUPTED', 'FAILED')";

    /** Finished runs, of every authority, that ended before {@code before} and still hold their data; oldest first. */
    static List<Row> expired(Connection c, Instant before) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + " FROM plan_run r WHERE r.status IN " + FINISHED_IN
                + " AND r.finished_at < ? AND r.data_deleted_at IS NULL ORDER BY r.finished_at, r.run_id")) {
            Database.setTime(select, 1, before.atOffset(java.time.ZoneOffset.UTC));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, false));
                }
            }
            return rows;
        }
    }

    /**
     * Deletes a finished run's snapshot, plan and analysis and its proposed changes' explanations, keeping its
     * summary, KPIs, the changes' key columns and decisions. Answers false when the run is no longer finished
     * (restarted meanwhile) or its data are already gone.
     */
    static boolean deleteData(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE plan_run SET snapshot_json = NULL, plan_json = NULL,"
                + " analysis_json = NULL, data_deleted_at = ? WHERE run_id = ? AND status IN " + FINISHED_IN
                + " AND data_deleted_at IS NULL")) {
            Database.setTime(update, 1, at.atOffset(java.time.ZoneOffset.UTC));
            update.setString(2, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        // A proposal nobody decided on is plan data: it goes. A decided one stays as the decision's subject,
        // without its explanation.
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM run_change WHERE run_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM run_decision d WHERE d.run_id = run_change.run_id"
                + " AND d.child_id = run_change.child_id)")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement update =
                c.prepareStatement("UPDATE run_change SET change_json = NULL WHERE run_id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
        return true;
    }

    static void insertChanges(Connection c, String runId, List<ChangeRow> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO run_change (run_id, child_id, list_order, unit_id,"
                        + " kind, from_provider, to_provider, score_gain, change_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChangeRow change : changes) {
                insert.setString(1, runId);
                insert.setString(2, change.childId());
                insert.setInt(3, change.order());
                insert.setString(4, change.unitId());
                insert.setString(5, change.kind());
                Database.setText(insert, 6, change.fromProvider());
                insert.setString(7, change.toProvider());
                insert.setString(8, change.scoreGain());
                insert.setString(9, change.changeJson());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<ChangeRow> changes(Connection c, String runId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT c.run_id, c.child_id, c.list_order, c.unit_id, c.kind,"
                        + " c.from_provider, c.to_provider, c.score_gain, c.change_json, d.decision, d.decided_by, d.reason, d.decided_at"
                        + " FROM run_change c LEFT JOIN run_decision d ON d.run_id = c.run_id AND d.child_id = c.child_id"
                        + " WHERE c.run_id = ? ORDER BY c.list_order")) {
            select.setString(1, runId);
            List<ChangeRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ChangeRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            Database.getTime(rs, "decided_at")));
                }
            }
            return rows;
        }
    }

    /** The decisions taken on the run's proposed changes, by child id. */
    static Map<String, RunViews.Decision> decisions(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT child_id, decision, decided_by, reason, decided_at FROM run_decision WHERE run_id = ?")) {
            select.setString(1, runId);
            Map<String, RunViews.Decision> decisions = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    decisions.put(
                            rs.getString(1),
                            new RunViews.Decision(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    Database.getTime(rs, "decided_at")));
                }
            }
            return decisions;
        }
    }

    static void insertDecisions(
            Connection c,
            String runId,
            List<String> childIds,
            String decision,
            String decidedBy,
            String reason,
            OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO run_decision (run_id, child_id, decision, decided_by,"
                        + " reason, decided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String childId : childIds) {
                insert.setString(1, runId);
                insert.setString(2, childId);
                insert.setString(3, decision);
                insert.setString(4, decidedBy);
                insert.setString(5, reason);
                Database.setTime(insert, 6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
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

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
