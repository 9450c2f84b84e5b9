package org.placementmatcher.register;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.Row;

/**
 * Retention (contract section 6): a finished run's snapshot, plan and analysis, and its proposed changes'
 * explanations, are deleted once it finished longer ago than {@code placement.retention.run-data}. The run's
 * summary stays (dates, status, scores, KPIs, who asked, each change's key fields and its decision). Each
 * purged run gets an audit entry, {@code RUN_DATA_DELETED} by {@value #ACTOR}; runs still solving or queued
 * are never touched.
 */
@ApplicationScoped
public class RunRetention {

    /** The actor of the purge's audit entries: a system name, no person. */
    static final String ACTOR = "system:retention";

    private static final Logger LOG = Logger.getLogger(RunRetention.class);

    private final Database db;
    private final Clock clock;
    private final Duration runData;

    public RunRetention(
            Database db,
            Clock clock,
            @ConfigProperty(name = "placement.retention.run-data", defaultValue = "P90D") Duration runData) {
        if (runData.isNegative() || runData.isZero()) {
            throw new IllegalArgumentException(
                    "placement.retention.run-data must be a positive period, got " + runData);
        }
        this.db = db;
        this.clock = clock;
        this.runData = runData;
    }

    @Scheduled(
            cron = "{placement.retention.purge-cron}",
            identity = "placement-retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void scheduled() {
        try {
            int purged = purge().size();
            if (purged > 0) {
                LOG.infof("retention: the data of %d finished run(s) deleted", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention purge failed: %s", LogSafe.failure(e));
        }
    }

    /** Deletes the data of every finished run that expired by the clock's now; answers the ids of the runs purged. */
    public List<String> purge() {
        Instant now = clock.instant();
        Instant before = now.minus(runData);
        List<Row> expired = db.transaction(c -> RunRetentionStore.expired(c, before));
        List<String> purged = new ArrayList<>();
        for (Row row : expired) {
            // One transaction per run: the data go with their audit entry, and one failure stops no other run.
            try {
                if (db.transaction(c -> purge(c, row, now))) {
                    purged.add(row.id());
                }
            } catch (RuntimeException e) {
                LOG.warnf("retention: run %s not purged: %s", row.id(), LogSafe.failure(e));
            }
        }
        return purged;
    }

    /** The period as configured: whole days as P90D rather than Duration's PT2160H. */
    static String iso(Duration period) {
        return period.toSeconds() % 86_400 == 0 && !period.isZero() ? "P" + period.toDays() + "D" : period.toString();
    }

    private boolean purge(Connection c, Row row, Instant now) throws SQLException {
        if (!RunRetentionStore.deleteData(c, row.id(), now)) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("retention", iso(runData));
        detail.put("finishedAt", row.finishedAt().toString());
        detail.put("deleted", List.of("snapshot", "plan", "analysis", "changeExplanations"));
        AuditLog.append(
                c,
                row.authority(),
                new NewEntry(Action.RUN_DATA_DELETED, ACTOR, null, null, null, row.id(), RunService.detail(detail)));
        return true;
    }
}
