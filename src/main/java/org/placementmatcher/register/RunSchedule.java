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
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.register.RunViews.RunSummary;

/**
 * The scheduled work of runs: the overnight re-optimisation (fired once across the cluster by {@link RunJobs}, or
 * by an administrator, POST /api/admin/overnight), and the sweep that finds runs no instance will solve.
 */
@ApplicationScoped
public class RunSchedule {

    private static final Logger LOG = Logger.getLogger(RunSchedule.class);

    /** Who requests the runs the overnight trigger starts: no person does. */
    static final String SCHEDULER = "scheduler";

    private final Database db;
    private final RegisterService register;
    private final RunService runs;
    private final RunWorker worker;
    private final RunMetrics metrics;
    private final RunJobs jobs;
    private final Duration staleAfter;

    public RunSchedule(
            Database db,
            RegisterService register,
            RunService runs,
            RunWorker worker,
            RunMetrics metrics,
            RunJobs jobs,
            @ConfigProperty(name = "placement.runs.stale-after", defaultValue = "PT60S") Duration staleAfter) {
        this.db = db;
        this.register = register;
        this.runs = runs;
        this.worker = worker;
        this.metrics = metrics;
        this.jobs = jobs;
        this.staleAfter = staleAfter;
    }

    void onStart(@Observes StartupEvent event) {
        sweep();
    }

    /**
     * Runs left SOLVING with no heartbeat for stale-after and no job left in the job store become INTERRUPTED: nothing
     * will solve them. A run whose job is still there waits for an instance, or for Quartz to hand the job of a dead
     * instance to another, which takes the run over. Each instance sweeps on its own (the simple scheduler).
     */
    @Scheduled(
            every = "{placement.runs.sweep-every}",
            delayed = "{placement.runs.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void sweep() {
        try {
            db.transaction(c -> {
                for (Row row : RunStore.stale(c, Instant.now().minus(staleAfter))) {
                    if (worker.holds(row.id()) || jobs.pending(row.id())) {
                        continue;
                    }
                    if (RunStateStore.interrupt(
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

    /**
     * The night's runs (the cluster's overnight job): a run for every register without one still solving, and
     * without a scheduled run started since the night's trigger fired (a recovered job does not start them twice).
     */
    List<RunSummary> overnight(Instant night, LocalDate today) {
        return overnight(register.authorities().keySet(), today, night, runs.defaultSeconds(), SCHEDULER);
    }

    /**
     * POST /api/admin/overnight: the overnight run of these registers (none named: every one), now, requested by
     * the administrator who asked (their username in each run and its audit, contract section 6).
     */
    public List<RunSummary> overnightNow(long seconds, List<String> authorities, String requestedBy) {
        return overnight(
                authorities.isEmpty() ? register.authorities().keySet() : authorities,
                LocalDate.now(),
                null,
                seconds,
                requestedBy);
    }

    /** The named authorities that hold no register, as errors at {@code authority[i]}. */
    public List<ProblemError> withoutRegister(List<String> authorities) {
        Collection<String> registers = register.authorities().keySet();
        List<ProblemError> unknown = new ArrayList<>();
        for (int i = 0; i < authorities.size(); i++) {
            if (!registers.contains(authorities.get(i))) {
                unknown.add(new ProblemError(
                        "authority[" + i + "]", "no register for authority '" + authorities.get(i) + "'"));
            }
        }
        return unknown;
    }

    /** Starts the overnight runs of these authorities as of {@code today} (or a register's later referenceDate). */
    List<RunSummary> overnight(Collection<String> authorities, LocalDate today) {
        return overnight(authorities, today, null, runs.defaultSeconds(), SCHEDULER);
    }

    private List<RunSummary> overnight(
            Collection<String> authorities, LocalDate today, Instant since, long seconds, String requestedBy) {
        List<RunSummary> started = new ArrayList<>();
        for (String authority : authorities) {
            try {
                if (db.transaction(c -> RunStore.solving(c, authority))) {
                    LOG.infof("overnight run of %s skipped: a run is still solving", authority);
                    continue;
                }
                if (since != null && db.transaction(c -> RunStore.scheduledSince(c, authority, since))) {
                    LOG.infof("overnight run of %s skipped: tonight's run was started already", authority);
                    continue;
                }
                Register current = register.whole(authority);
                LocalDate date = current.problem().referenceDate().isAfter(today)
                        ? current.problem().referenceDate()
                        : today;
                RunSummary run = runs.start(authority, seconds, date, Trigger.SCHEDULED, requestedBy);
                LOG.infof("overnight run %s of %s started", run.id(), authority);
                started.add(run);
            } catch (RuntimeException e) {
                LOG.errorf("overnight run of %s not started: %s", authority, LogSafe.failure(e));
            }
        }
        return started;
    }
}
