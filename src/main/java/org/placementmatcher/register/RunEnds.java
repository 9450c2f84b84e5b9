package org.placementmatcher.register;

import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.ChangeRow;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * Stores how each run held by this instance ended ({@link RunWorker}): DONE with its plan, score analysis, KPIs and
 * proposed changes, FAILED, or INTERRUPTED, each with its audit entry and metrics. Only the first to end a run stores
 * its end ({@link ActiveRun#end}), and only while the run is still this instance's attempt: a run another instance
 * took over is ended, audited and counted there.
 */
final class RunEnds {

    private static final Logger LOG = Logger.getLogger(RunEnds.class);

    private final Database db;
    private final RunMetrics metrics;
    private final Event<RunFinished> finished;
    /** This instance, as the owner of the runs it solves. */
    private final String instance;

    RunEnds(Database db, RunMetrics metrics, Event<RunFinished> finished, String instance) {
        this.db = db;
        this.metrics = metrics;
        this.finished = finished;
        this.instance = instance;
    }

    /**
     * Stores the end of a run that was claimed here ({@code started}, its row as claimed), with its audit entry and
     * metrics; a run kept DONE is announced ({@link RunFinished}).
     */
    void finish(
            ActiveRun run,
            Row started,
            long startNanos,
            Status status,
            ProposedChanges.Result changes,
            PlacementPlan plan,
            ScoreBreakdown.Analysis analysis,
            String error) {
        if (!run.end()) {
            return; // a shutdown that stopped waiting for it stored it INTERRUPTED already
        }
        String id = started.id();
        metrics.ended(started.trigger(), status, Duration.ofNanos(System.nanoTime() - startNanos));
        try {
            boolean kept = db.transaction(c -> {
                Map<String, Object> stored = new LinkedHashMap<>();
                if (analysis != null) {
                    stored.put("analysis", analysis);
                }
                if (changes != null) {
                    stored.put("unplaced", changes.unplaced());
                }
                boolean updated = RunStateStore.finish(
                        c,
                        id,
                        instance,
                        run.attempt,
                        status,
                        changes == null ? null : changes.scoreToday(),
                        plan == null ? null : plan.score(),
                        plan == null ? null : AuditLog.json(plan),
                        stored.isEmpty() ? null : AuditLog.json(stored),
                        plan == null ? null : AuditLog.json(plan.kpis()),
                        error);
                if (!updated) {
                    LOG.warnf("run %s was taken over elsewhere; this result is not kept", id);
                    return false;
                }
                if (changes != null) {
                    List<ChangeRow> rows = new ArrayList<>();
                    for (int i = 0; i < changes.changes().size(); i++) {
                        ProposedChanges.Change change = changes.changes().get(i);
                        rows.add(new ChangeRow(
                                id,
                                change.childId(),
                                i,
                                changes.unitIds().get(change.childId()),
                                change.kind().name(),
                                change.fromProviderId(),
                                change.toProviderId(),
                                change.scoreGain(),
                                AuditLog.json(change),
                                null,
                                null,
                                null,
                                null));
                    }
                    RunChangeStore.insertChanges(c, id, rows);
                }
                Action action = switch (status) {
                    case DONE -> Action.RUN_FINISHED;
                    case INTERRUPTED -> Action.RUN_INTERRUPTED;
                    default -> Action.RUN_FAILED;
                };
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("status", status.name());
                if (plan != null) {
                    summary.put("score", plan.score());
                }
                if (changes != null) {
                    summary.put("scoreToday", changes.scoreToday());
                    summary.put("changes", changes.changes().size());
                }
                if (error != null) {
                    summary.put("error", error);
                }
                AuditLog.append(
                        c,
                        started.authority(),
                        new NewEntry(action, RunService.SYSTEM, null, null, null, id, RunService.detail(summary)));
                return true;
            });
            if (kept && status == Status.DONE) {
                finished.fireAsync(new RunFinished(started.authority(), id));
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    "run %s: its end (%s) could not be stored: %s",
                    id, status, org.placementmatcher.LogSafe.failure(e));
        }
    }

    /** Marks a run held here INTERRUPTED, with an audit entry, if it is still SOLVING and nothing ended it yet. */
    void markInterrupted(ActiveRun run, String reason) {
        if (run.lost || !run.end()) {
            return;
        }
        String id = run.id;
        try {
            db.transaction(c -> {
                Row row = RunStore.byId(c, id).orElse(null);
                boolean takenOver = run.attempt > 0 && !RunStateStore.owned(c, id, instance, run.attempt);
                if (row != null && !takenOver && RunStateStore.interrupt(c, id, reason)) {
                    AuditLog.append(
                            c,
                            row.authority(),
                            new NewEntry(
                                    Action.RUN_INTERRUPTED,
                                    RunService.SYSTEM,
                                    null,
                                    null,
                                    null,
                                    id,
                                    RunService.detail(Map.of("reason", reason))));
                    metrics.ended(row.trigger(), Status.INTERRUPTED, null);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf("run %s could not be marked INTERRUPTED: %s", id, org.placementmatcher.LogSafe.failure(e));
        }
    }
}
