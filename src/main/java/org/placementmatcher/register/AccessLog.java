package org.placementmatcher.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The access log (contract section 6): every read of one child's record, of a child's audit, and of a run's plan,
 * snapshot or analysis, with who read it, when, and which child or run. Written only by {@link AccessLogFilter}
 * for answers that succeeded; append-only, like the audit log.
 */
public final class AccessLog {

    /** What was read. */
    public enum Kind {
        /** {@code GET .../children/{id}} */
        CHILD_RECORD(Names.CHILD),
        /** {@code GET .../children/{id}/audit} */
        CHILD_AUDIT(Names.CHILD),
        /** {@code GET .../runs/{id}}: the run with its plan */
        RUN_PLAN(Names.RUN),
        /** {@code GET .../runs/{id}/snapshot} */
        RUN_SNAPSHOT(Names.RUN),
        /** {@code GET .../runs/{id}/analysis} */
        RUN_ANALYSIS(Names.RUN),
        /** {@code GET /api/register/{authority}}: the whole register, every child's record in it */
        WHOLE_REGISTER(Names.NOTHING),
        /** {@code GET .../children}: every child's record */
        ALL_CHILDREN(Names.NOTHING),
        /** {@code GET .../audit}: the authority's audit log, children's changes in it */
        WHOLE_AUDIT(Names.NOTHING),
        /** {@code GET .../providers/{id}/audit}: placements at the provider, with the children's ids */
        PROVIDER_AUDIT(Names.NOTHING);

        /** What the path's {@code id} names. */
        final Names names;

        Kind(Names names) {
            this.names = names;
        }
    }

    /** What the {@code id} of a logged path names: a child, a run, or nothing kept (a list, a provider). */
    enum Names {
        CHILD,
        RUN,
        NOTHING
    }

    /**
     * One read, as recorded. {@code username}: the authenticated user (absent when the request carried none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            long seq, Instant accessedAt, String authority, String username, Kind kind, String childId, String runId) {}

    private AccessLog() {}

    /**
     * Records reads a page makes outside a path with an {@code {id}} (e.g. the children a find-a-placement query
     * names): one entry per id, in one transaction, so the read is refused when it cannot be recorded.
     */
    public static void recordReads(
            Database db, String authority, String username, Kind kind, List<String> ids, Instant at) {
        db.transaction(c -> {
            for (String id : ids) {
                record(c, authority, username, kind, id, at);
            }
            return null;
        });
    }

    static void record(Connection c, String authority, String username, Kind kind, String id, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO access_log (accessed_at, authority, username,"
                + " kind, child_id, run_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            Database.setTime(insert, 1, at.atOffset(java.time.ZoneOffset.UTC));
            insert.setString(2, authority);
            Database.setText(insert, 3, username);
            insert.setString(4, kind.name());
            Database.setText(insert, 5, kind.names == Names.CHILD ? id : null);
            Database.setText(insert, 6, kind.names == Names.RUN ? id : null);
            insert.executeUpdate();
        }
    }

    /** The authority's reads, newest first, older than {@code beforeSeq} when given, at most {@code limit}. */
    static List<Entry> page(Connection c, String authority, Long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT seq, accessed_at, authority, username, kind, child_id, run_id FROM access_log"
                        + " WHERE authority = ? AND seq < ? ORDER BY seq DESC")) {
            select.setString(1, authority);
            select.setLong(2, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            select.setMaxRows(limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(
                            rs.getLong("seq"),
                            Database.getTime(rs, "accessed_at"),
                            rs.getString("authority"),
                            rs.getString("username"),
                            Kind.valueOf(rs.getString("kind")),
                            rs.getString("child_id"),
                            rs.getString("run_id")));
                }
            }
            return entries;
        }
    }
}
