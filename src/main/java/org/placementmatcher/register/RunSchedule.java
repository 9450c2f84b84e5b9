package org.placementmatcher.register;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.register.RunViews.RunSummary;

/** The scheduled jobs of runs: the overnight re-optimisation, and the sweep that finds runs whose instance vanished. */
@ApplicationScoped
public class RunSchedule {

    private static final Logger LOG = Logger.getLogger(RunSchedule.class);

    private final Database db;
    private final RegisterService register;
    private final RunService runs;
    private final RunWorker worker;
    private final RunMetrics metrics;
    private final Duration staleAfter;

    public RunSchedule(
            Database db,
            RegisterService register,
            RunService runs,
            RunWorker worker,
            RunMetrics metrics,
            @ConfigProperty(name = "placement.runs.stale-after", defaultValue = "PT60S") Duration staleAfter) {
        this.db = db;
        this.register = register;
        this.runs = runs;
        this.worker = worker;
        this.metrics = metrics;
        this.staleAfter = staleAfter;
    }

    void onStart(@Observes StartupEvent event) {
        sweep();
    }

    /** Runs left SOLVING by an instance that stopped or vanished (no heartbeat for stale-after) become INTERRUPTED. */
    @Scheduled(
            every = "{placement.runs.sweep-every}",
            delayed = "{placement.runs.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            db.transaction(c -> {
                for (Row row : RunStore.stale(c, Instant.now().minus(staleAfter))) {
                    if (worker.holds(row.id())) {
                        continue;
                    }
                    if (RunStore.interrupt(
                            c, row.id(), "no sign of the instance solving it since " + row.heartbeatAt())) {
                        AuditLog.append(
                                c,
                                row.authority(),
                                new NewEntry(
                                        Action.RUN_INTERRUPTED,
                                        RunService.SYSTEM,
                                        null,
                                        null,
                                        null,
                                        row.id(),
                                        RunService.detail(Map.of("reason", "the instance solving it stopped"))));
                        metrics.ended(row.trigger(), Status.INTERRUPTED, null);
                        LOG.infof("run %s of %s marked INTERRUPTED: its instance stopped", row.id(), row.authority());
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("sweeping stale runs failed: %s", LogSafe.failure(e));
        }
    }

    /** The overnight re-optimisation: a run for every authority with a register and no run still solving. */
    @Scheduled(
            cron = "{placement.runs.cron}",
            identity = "placement-overnight-runs",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void overnight() {
        overnight(register.authorities().keySet(), LocalDate.now());
    }

    /** Starts the overnight runs of these authorities as of {@code today} (or a register's later referenceDate). */
    List<RunSummary> overnight(Collection<String> authorities, LocalDate today) {
        List<RunSummary> started = new ArrayList<>();
        for (String authority : authorities) {
            try {
                if (db.transaction(c -> RunStore.solving(c, authority))) {
                    LOG.infof("overnight run of %s skipped: a run is still solving", authority);
                    continue;
                }
                Register current = register.whole(authority);
                LocalDate date = current.problem().referenceDate().isAfter(today)
                        ? current.problem().referenceDate()
                        : today;
                RunSummary run = runs.start(authority, runs.defaultSeconds(), date, Trigger.SCHEDULED, "scheduler");
                LOG.infof("overnight run %s of %s started", run.id(), authority);
                started.add(run);
            } catch (RuntimeException e) {
                LOG.errorf("overnight run of %s not started: %s", authority, LogSafe.failure(e));
            }
        }
        return started;
    }
}
