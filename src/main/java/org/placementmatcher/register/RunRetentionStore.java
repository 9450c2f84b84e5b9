package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.placementmatcher.register.RunStore.Row;

/**
 * The SQL of run data retention: finished runs past their time, and the deletion of their data (the summaries, KPIs
 * and decisions stay).
 */
final class RunRetentionStore {

    /** The statuses of a run that has finished: only these runs' data are ever deleted. */
    private static final String FINISHED_IN = "('DONE', 'INTERRUPTED', 'FAILED')";

    private RunRetentionStore() {}

    /** Finished runs, of every authority, that ended before {@code before} and still hold their data; oldest first. */
    static List<Row> expired(Connection c, Instant before) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + RunStore.SUMMARY_COLUMNS
                + " FROM plan_run r WHERE r.status IN " + FINISHED_IN
                + " AND r.finished_at < ? AND r.data_deleted_at IS NULL ORDER BY r.finished_at, r.run_id")) {
            Database.setTime(select, 1, before.atOffset(java.time.ZoneOffset.UTC));
            return RunStore.summaries(select);
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
}
