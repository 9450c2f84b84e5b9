package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.register.RunStore.ChangeRow;

/** The SQL of a run's proposed changes and the decisions taken on them. */
final class RunChangeStore {

    private RunChangeStore() {}

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
}
