package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;

/**
 * The SQL that moves a run through its statuses: created SOLVING, claimed and kept alive by the instance solving it,
 * its best plan kept while solving, finished, interrupted or restarted; and whether it is still the claiming
 * instance's own attempt. Reading runs is {@link RunStore}'s.
 */
final class RunStateStore {

    private RunStateStore() {}

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

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
