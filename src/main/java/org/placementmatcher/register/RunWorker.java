package org.placementmatcher.register;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanService;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * Solves the runs whose jobs Quartz gives this instance ({@link RunJobs}; one at a time: a run's job that fires while
 * one solves here goes back to the job store for whichever instance is free), on a thread of its own, through
 * {@link PlacementSolver}; the job's thread waits until the run ends, so that Quartz knows the job is being executed.
 * A run another instance took over (this one paused past Quartz's check-in margin) stops here and keeps nothing.
 * Each run is kept in the database from start to end, with the instance that executed it (executedBy): the best
 * plan while solving, then its end ({@link RunEnds}: its score analysis, KPIs and proposed changes, or why it did not
 * finish). What the worker knows of each run it holds is an {@link ActiveRun}. A heartbeat tells other
 * instances that the runs held here are alive; a shutdown keeps each run held here as INTERRUPTED with its
 * best plan so far.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final Database db;
    private final PlacementSolver placementSolver;
    private final RunMetrics metrics;
    private final RunEnds ends;
    private final Duration heartbeatEvery;
    private final Duration progressEvery;
    private final Duration shutdownWait;
    private final String instance = UUID.randomUUID().toString();
    private final String executedBy;
    private final org.quartz.Scheduler quartz;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    /** One run solves here at a time; a run's job that finds it taken waits in the job store (RunJobs). */
    private final java.util.concurrent.Semaphore solvingHere = new java.util.concurrent.Semaphore(1);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "placement-run");
        thread.setDaemon(true);
        return thread;
    });
    /** Keeps the runs' progress: neither the solver nor the solving service's heartbeat waits for the database. */
    private final ExecutorService progressWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "placement-run-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "placement-run-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;

    public RunWorker(
            Database db,
            PlacementSolver placementSolver,
            RunMetrics metrics,
            Event<RunFinished> finished,
            @ConfigProperty(name = "placement.runs.heartbeat-every", defaultValue = "PT10S") Duration heartbeatEvery,
            @ConfigProperty(name = "placement.runs.progress-every", defaultValue = "PT2S") Duration progressEvery,
            @ConfigProperty(name = "placement.runs.shutdown-wait", defaultValue = "PT20S") Duration shutdownWait,
            @ConfigProperty(name = "placement.instance.id") Optional<String> instanceId,
            org.quartz.Scheduler quartz) {
        this.executedBy = instanceId.filter(id -> !id.isBlank()).orElseGet(RunWorker::hostAndPid);
        this.quartz = quartz;
        this.db = db;
        this.placementSolver = placementSolver;
        this.metrics = metrics;
        this.ends = new RunEnds(db, metrics, finished, instance);
        this.heartbeatEvery = heartbeatEvery;
        this.progressEvery = progressEvery;
        this.shutdownWait = shutdownWait;
    }

    /** The default instance name (placement.instance.id): this host's name and the process id. */
    static String hostAndPid() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** This instance as named in the runs it executes (executedBy). */
    String executedBy() {
        return executedBy;
    }

    /** This instance, as the owner of the runs it solves. */
    String instance() {
        return instance;
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    boolean holds(String id) {
        return active.containsKey(id);
    }

    /** For tests: whether runs are held by this instance. */
    boolean isIdle() {
        return active.isEmpty();
    }

    void onStart(@Observes StartupEvent event) {
        long every = Math.max(1, heartbeatEvery.toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** A shutdown interrupts the run solving here: it is kept as INTERRUPTED with its best plan so far. */
    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
        try {
            quartz.standby(); // no more runs taken here: the others of the cluster take them
        } catch (org.quartz.SchedulerException | RuntimeException e) {
            LOG.warnf("job scheduler not put on standby: %s", org.placementmatcher.LogSafe.failure(e));
        }
        heartbeat.shutdownNow();
        worker.shutdown();
        long end = System.nanoTime() + shutdownWait.toNanos();
        try {
            do {
                // Again each time round: a run may have just started solving.
                active.values().forEach(run -> {
                    run.interrupted = true;
                    run.solving.terminateEarly();
                });
            } while (!worker.awaitTermination(200, TimeUnit.MILLISECONDS) && System.nanoTime() < end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ActiveRun run : active.values()) {
            ends.markInterrupted(run, "the service stopped before the run finished");
        }
    }

    private void beat() {
        try {
            List<String> ids = new ArrayList<>(active.keySet());
            if (!ids.isEmpty()) {
                db.transaction(c -> {
                    RunStateStore.heartbeat(c, ids, instance);
                    return null;
                });
            }
            for (ActiveRun run : active.values()) {
                if (run.attempt > 0 && !owned(run)) {
                    lose(run);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("run heartbeat failed: %s", org.placementmatcher.LogSafe.failure(e));
        }
    }

    private boolean owned(ActiveRun run) {
        return db.transaction(c -> RunStateStore.owned(c, run.id, instance, run.attempt));
    }

    /**
     * The run was taken over by another instance (Quartz took this one for dead, a pause longer than its check-in
     * margin): its solve here stops at once and keeps nothing, the other instance's attempt being the run now.
     */
    private void lose(ActiveRun run) {
        if (!run.lost) {
            run.lost = true;
            LOG.warnf("run %s was taken over by another instance; its solve here stops", run.id);
        }
        run.solving.terminateEarly();
    }

    /**
     * Executes the run's job here (on Quartz's thread): solves the run on the worker's thread and returns once it has
     * ended; false at once, nothing done, when a run is solving here already (the job then waits in the job store).
     * {@code takingOver}: Quartz recovered the job of an instance that died while executing it.
     */
    boolean execute(String id, boolean takingOver) {
        if (!solvingHere.tryAcquire()) {
            return false;
        }
        try {
            ActiveRun run = new ActiveRun(id, takingOver);
            active.put(id, run);
            java.util.concurrent.Future<?> solved;
            try {
                solved = worker.submit(() -> solve(run));
            } catch (RuntimeException e) {
                active.remove(id, run);
                ends.markInterrupted(run, "the service was stopping when the run was queued");
                return true;
            }
            try {
                solved.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.errorf("run %s: %s", id, org.placementmatcher.LogSafe.failure(e));
            }
            return true;
        } finally {
            solvingHere.release();
        }
    }

    /** Stops a run held here (queued or solving): it finishes DONE with its best plan so far. False if not held here. */
    boolean stop(String id) {
        ActiveRun run = active.get(id);
        if (run == null) {
            return false;
        }
        run.stopRequested = true;
        run.solving.terminateEarly();
        return true;
    }

    private void solve(ActiveRun run) {
        PlacementPlan plan = null;
        Row row = null;
        long startNanos = 0;
        try {
            if (active.get(run.id) != run) {
                return; // restarted here while it waited: the restart's run solves it
            }
            if (shuttingDown) {
                ends.markInterrupted(run, "the service stopped before the run started");
                return;
            }
            row = db.transaction(c -> RunStateStore.claim(c, run.id, instance, executedBy, run.takingOver)
                            ? RunStore.byId(c, run.id)
                            : Optional.<Row>empty())
                    .orElse(null);
            if (row == null) {
                return; // no longer to be solved: stopped, swept or ended while it waited
            }
            run.attempt = row.attempts();
            if (run.takingOver) {
                LOG.infof("run %s of %s taken over from an instance that stopped", run.id, row.authority());
            }
            startNanos = System.nanoTime();
            metrics.started(row.trigger());
            PlacementProblem snapshot = ProblemReader.read(row.snapshotJson());
            PlacementSolution problem = ProblemMapper.toSolution(snapshot);
            PlacementSolver.Proven proven = placementSolver.solveAndBound(
                    problem, Duration.ofSeconds(row.seconds()), progress -> handOver(run, progress), run.solving);
            if (run.lost || !owned(run)) {
                lose(run);
                run.end(); // the instance that took it over ends it, audits and counts it
                return;
            }
            PlacementSolution best = proven.best();
            plan = PlanWriter.toPlan(proven);
            if (run.interrupted || (shuttingDown && !run.stopRequested)) {
                ends.finish(
                        run,
                        row,
                        startNanos,
                        Status.INTERRUPTED,
                        null,
                        plan,
                        null,
                        "the service stopped before the run finished");
                return;
            }
            ProposedChanges.Result changes = ProposedChanges.of(snapshot, best, placementSolver);
            if (!changes.planScore().equals(plan.score())) {
                LOG.warnf("run %s: plan score %s recomputed as %s", run.id, plan.score(), changes.planScore());
            }
            ends.finish(run, row, startNanos, Status.DONE, changes, plan, ScoreBreakdown.of(best), null);
        } catch (RuntimeException | Error e) {
            LOG.errorf("run %s failed: %s", run.id, org.placementmatcher.LogSafe.failure(e));
            if (row != null) {
                ends.finish(run, row, startNanos, Status.FAILED, null, plan, null, PlanService.SOLVING_FAILED);
            } else {
                ends.markInterrupted(run, "the run could not be started; the service log has the details");
            }
        } finally {
            // This run only: once its end is stored it may be restarted, and the restart's run already held here.
            active.remove(run.id, run);
        }
    }

    /**
     * Passes a report to the progress writer and returns at once. Reports the writer has not taken yet are folded
     * into the latest, a new best not being lost to a later repeat of it.
     */
    private void handOver(ActiveRun run, PlacementSolver.Progress progress) {
        PlacementSolver.Progress waiting = run.pendingProgress.getAndUpdate(
                pending -> pending != null && pending.newBest() && !progress.newBest() ? pending : progress);
        if (waiting == null) {
            progressWriter.execute(() -> keepProgress(run, run.pendingProgress.getAndSet(null)));
        }
    }

    /**
     * Keeps the best plan while solving (on the progress writer's thread), so a crash loses little and a reader
     * sees it: the construction's at once, later ones at most every progress-every (a best found in between is
     * kept at the next report).
     */
    private void keepProgress(ActiveRun run, PlacementSolver.Progress progress) {
        if (!progress.constructed()) {
            return; // the snapshot as given: nothing solved yet
        }
        if (progress.newBest()) {
            run.unsaved = progress.bestSolution();
        }
        if (run.unsaved == null
                || (run.lastSavedNanos != 0 && System.nanoTime() - run.lastSavedNanos < progressEvery.toNanos())) {
            return;
        }
        PlacementSolution best = run.unsaved;
        run.unsaved = null;
        run.lastSavedNanos = System.nanoTime();
        try {
            PlacementPlan plan = PlanWriter.toPlan(best);
            boolean kept = db.transaction(
                    c -> RunStateStore.progress(c, run.id, instance, run.attempt, plan.score(), AuditLog.json(plan)));
            if (!kept && !owned(run)) {
                lose(run);
            }
        } catch (RuntimeException e) {
            LOG.warnf("run %s: progress not saved: %s", run.id, org.placementmatcher.LogSafe.failure(e));
        }
    }

    /** Marks a run that could not be queued INTERRUPTED, with an audit entry. */
    void interrupt(String id, String reason) {
        ends.markInterrupted(new ActiveRun(id, false), reason);
    }
}
