package org.placementmatcher.register;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.ChangeRow;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * Re-optimisation runs of an authority's register: started by hand or overnight, solved one after
 * another on a worker thread of their own with the same solver configuration and termination as the
 * plans API, and kept in the database from start to end: the snapshot solved, the best plan (also
 * while solving), its score analysis, KPIs and the proposed changes. A run survives a restart: one cut
 * short by a shutdown, or whose instance vanished, is marked INTERRUPTED and can be restarted; a
 * finished one is never lost. Decisions on the proposed changes are kept, audited and, when accepted,
 * applied to the register.
 */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);
    static final String SYSTEM = "system";

    /** {@code GET .../runs}: one run without its plan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunSummary(String id, String authority, Status status, Trigger trigger, String requestedBy, int seconds,
            long registerVersion, LocalDate referenceDate, int attempts, Instant createdAt, Instant startedAt,
            Instant finishedAt, String scoreToday, String score, int changes, int decisions, String error) {
        static RunSummary of(Row row) {
            return new RunSummary(row.id(), row.authority(), row.status(), row.trigger(), row.requestedBy(), row.seconds(),
                    row.registerVersion(), row.referenceDate(), row.attempts(), row.createdAt(), row.startedAt(),
                    row.finishedAt(), row.scoreToday(), row.score(), row.changes(), row.decisions(), row.error());
        }
    }

    /** A decision taken on a proposed change. */
    public record Decision(String decision, String decidedBy, String reason, Instant decidedAt) {
    }

    /** A proposed change and its decision (null while open). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeView(ProposedChanges.Change change, Decision decision) {
    }

    /** {@code GET .../runs/{id}}: status, plan, KPIs and the proposed changes with their decisions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(String id, String authority, Status status, Trigger trigger, String requestedBy, int seconds,
            long registerVersion, LocalDate referenceDate, int attempts, Instant createdAt, Instant startedAt,
            Instant finishedAt, String scoreToday, String score, Kpis kpis, PlacementPlan plan,
            List<JsonNode> changes, List<String> unplaced, String error) {
    }

    /** The body of {@code POST .../runs/{id}/decisions}. */
    public record DecisionRequest(String childId, String decision, String decidedBy, String reason) {
    }

    /** The answer to a decision: what was decided for which children, and the register's version after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(String runId, String childId, List<String> childIds, String decision, String decidedBy,
            String reason, Instant decidedAt, long registerVersion, List<String> warnings) {
    }

    /** What the worker knows of a run it holds (queued or solving). */
    private static final class ActiveRun {
        final String id;
        volatile Solver<PlacementSolution> solver;
        volatile boolean stopRequested;
        volatile boolean interrupted;
        volatile long lastProgressNanos;

        ActiveRun(String id) {
            this.id = id;
        }

        void terminate() {
            Solver<PlacementSolution> s = solver;
            if (s != null) {
                s.terminateEarly();
            }
        }
    }

    private final Database db;
    private final RegisterService register;
    private final PlacementSolver placementSolver;
    private final SolverFactory<PlacementSolution> solverFactory;
    private final SolverConfig solverConfig;
    private final long defaultSeconds;
    private final long maxSeconds;
    private final Duration staleAfter;
    private final Duration heartbeatEvery;
    private final Duration progressEvery;
    private final Duration shutdownWait;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "placement-run");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "placement-run-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;

    public RunService(Database db, RegisterService register, PlacementSolver placementSolver,
            SolverFactory<PlacementSolution> solverFactory, SolverConfig solverConfig,
            @ConfigProperty(name = "placement.runs.seconds", defaultValue = "600") long defaultSeconds,
            @ConfigProperty(name = "placement.runs.max-seconds", defaultValue = "3600") long maxSeconds,
            @ConfigProperty(name = "placement.runs.stale-after", defaultValue = "PT60S") Duration staleAfter,
            @ConfigProperty(name = "placement.runs.heartbeat-every", defaultValue = "PT10S") Duration heartbeatEvery,
            @ConfigProperty(name = "placement.runs.progress-every", defaultValue = "PT10S") Duration progressEvery,
            @ConfigProperty(name = "placement.runs.shutdown-wait", defaultValue = "PT20S") Duration shutdownWait) {
        this.db = db;
        this.register = register;
        this.placementSolver = placementSolver;
        this.solverFactory = solverFactory;
        this.solverConfig = solverConfig;
        this.defaultSeconds = defaultSeconds;
        this.maxSeconds = maxSeconds;
        this.staleAfter = staleAfter;
        this.heartbeatEvery = heartbeatEvery;
        this.progressEvery = progressEvery;
        this.shutdownWait = shutdownWait;
    }

    public long maxSeconds() {
        return maxSeconds;
    }

    public long defaultSeconds() {
        return Math.min(defaultSeconds, maxSeconds);
    }

    // Life cycle.

    void onStart(@Observes StartupEvent event) {
        sweep();
        long every = Math.max(1, heartbeatEvery.toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** A shutdown interrupts the runs solving here and those waiting: each is kept as INTERRUPTED with its best plan so far. */
    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
        heartbeat.shutdownNow();
        worker.shutdown();
        long end = System.nanoTime() + shutdownWait.toNanos();
        try {
            do {
                // Again each time round: a run may have just started solving.
                active.values().forEach(run -> {
                    run.interrupted = true;
                    run.terminate();
                });
            } while (!worker.awaitTermination(200, TimeUnit.MILLISECONDS) && System.nanoTime() < end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ActiveRun run : active.values()) {
            markInterrupted(run.id, "the service stopped before the run finished");
        }
    }

    private void beat() {
        try {
            List<String> ids = new ArrayList<>(active.keySet());
            if (!ids.isEmpty()) {
                db.transaction(c -> {
                    RunStore.heartbeat(c, ids, instance);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warnf("run heartbeat failed: %s", e.toString());
        }
    }

    /** Runs left SOLVING by an instance that stopped or vanished (no heartbeat for stale-after) become INTERRUPTED. */
    @Scheduled(every = "{placement.runs.sweep-every}", delayed = "{placement.runs.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            db.transaction(c -> {
                for (Row row : RunStore.stale(c, Instant.now().minus(staleAfter))) {
                    if (active.containsKey(row.id())) {
                        continue;
                    }
                    if (RunStore.interrupt(c, row.id(), "no sign of the instance solving it since " + row.heartbeatAt())) {
                        AuditLog.append(c, row.authority(), new NewEntry(Action.RUN_INTERRUPTED, SYSTEM, null, null, null,
                                row.id(), detail(Map.of("reason", "the instance solving it stopped"))));
                        LOG.infof("run %s of %s marked INTERRUPTED: its instance stopped", row.id(), row.authority());
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("sweeping stale runs failed: %s", e.toString());
        }
    }

    /** The overnight re-optimisation: a run for every authority with a register and no run still solving. */
    @Scheduled(cron = "{placement.runs.cron}", identity = "placement-overnight-runs",
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
                Register current = register.get(authority);
                LocalDate date = current.problem().referenceDate().isAfter(today) ? current.problem().referenceDate() : today;
                RunSummary run = start(authority, defaultSeconds(), date, Trigger.SCHEDULED, "scheduler");
                LOG.infof("overnight run %s of %s started", run.id(), authority);
                started.add(run);
            } catch (RuntimeException e) {
                LOG.errorf("overnight run of %s not started: %s", authority, e.getMessage());
            }
        }
        return started;
    }

    // Runs.

    /**
     * Takes a snapshot of the register (with {@code referenceDate} as "today" if given), stores it as a
     * new run and queues it for solving.
     */
    public RunSummary start(String authority, long seconds, LocalDate referenceDate, Trigger trigger, String actor) {
        if (seconds < 1 || seconds > maxSeconds) {
            throw new InvalidProblemException(List.of(new ProblemError("seconds",
                    "must be a whole number from 1 to " + maxSeconds + ", got '" + seconds + "'")));
        }
        if (shuttingDown) {
            throw new RegisterErrors.Conflict("$", "the service is stopping; start the run again once it is back");
        }
        Register current = register.get(authority);
        PlacementProblem problem = current.problem();
        if (referenceDate != null) {
            problem = new PlacementProblem(problem.schemaVersion(), problem.name(), referenceDate, problem.homeAuthority(),
                    problem.weights(), problem.providers(), problem.children(), problem.adjoiningAuthorities());
        }
        PlacementProblem snapshot;
        try {
            snapshot = ProblemReader.read(ContractJson.mapper().valueToTree(problem), "$");
        } catch (InvalidProblemException e) {
            List<ProblemError> errors = new ArrayList<>();
            errors.add(new ProblemError("referenceDate", "the register cannot be solved as of " + problem.referenceDate()));
            e.errors().forEach(error -> errors.add(new ProblemError(error.path().replaceFirst("^\\$", "register"),
                    error.message())));
            throw new InvalidProblemException(errors);
        }
        String id = UUID.randomUUID().toString();
        String snapshotJson = AuditLog.json(snapshot);
        Row row = db.transaction(c -> {
            RunStore.insert(c, id, authority, trigger, actor, (int) seconds, current.version(), snapshot.referenceDate(),
                    instance, snapshotJson);
            AuditLog.append(c, authority, new NewEntry(Action.RUN_STARTED, actor, null, null, null, id,
                    detail(Map.of("trigger", trigger.name(), "seconds", seconds, "registerVersion", current.version(),
                            "referenceDate", snapshot.referenceDate().toString()))));
            return RunStore.find(c, authority, id, false).orElseThrow();
        });
        submit(id);
        return RunSummary.of(row);
    }

    /**
     * Solves an INTERRUPTED (or FAILED) run again from its stored snapshot, under the same id, with its
     * time limit or {@code seconds} if given.
     */
    public RunSummary restart(String authority, String id, Long seconds, String actor) {
        if (shuttingDown) {
            throw new RegisterErrors.Conflict("$", "the service is stopping; restart the run once it is back");
        }
        Row row = db.transaction(c -> {
            Row before = RunStore.find(c, authority, id, false).orElseThrow(() -> noRun(authority, id));
            int limit = seconds == null ? before.seconds() : seconds.intValue();
            if (!RunStore.restart(c, authority, id, instance, limit)) {
                throw new RegisterErrors.Conflict("$", "run " + id + " is " + before.status()
                        + "; only an INTERRUPTED or FAILED run can be restarted");
            }
            AuditLog.append(c, authority, new NewEntry(Action.RUN_RESTARTED, actor, null, null, null, id,
                    detail(Map.of("attempt", before.attempts() + 1, "previousStatus", before.status().name(),
                            "seconds", limit))));
            return RunStore.find(c, authority, id, false).orElseThrow();
        });
        submit(id);
        return RunSummary.of(row);
    }

    /** Stops solving early: the run finishes (DONE) with the best plan found so far. */
    public RunSummary stop(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, false)).orElseThrow(() -> noRun(authority, id));
        ActiveRun run = active.get(id);
        if (run != null) {
            run.stopRequested = true;
            run.terminate();
        } else if (row.status() == Status.SOLVING) {
            throw new RegisterErrors.Conflict("$", "run " + id + " is solving on another instance of the service");
        }
        return RunSummary.of(row);
    }

    public List<RunSummary> list(String authority, int limit) {
        return db.transaction(c -> {
            if (RegisterStore.header(c, RegisterService.checkAuthority(authority)).isEmpty()) {
                throw RegisterService.noRegister(authority);
            }
            return RunStore.list(c, authority, limit).stream().map(RunSummary::of).toList();
        });
    }

    public RunView view(String authority, String id) {
        return db.transaction(c -> {
            Row row = RunStore.find(c, authority, id, true).orElseThrow(() -> noRun(authority, id));
            List<JsonNode> changes = new ArrayList<>();
            for (ChangeRow change : RunStore.changes(c, id)) {
                ObjectNode node = (ObjectNode) AuditLog.tree(change.changeJson());
                if (change.decision() != null) {
                    node.set("decision", ContractJson.mapper().valueToTree(
                            new Decision(change.decision(), change.decidedBy(), change.reason(), change.decidedAt())));
                }
                changes.add(node);
            }
            PlacementPlan plan = row.planJson() == null ? null : RegisterStore.read(row.planJson(), PlacementPlan.class);
            Kpis kpis = row.kpisJson() == null ? null : RegisterStore.read(row.kpisJson(), Kpis.class);
            List<String> unplaced = null;
            if (row.analysisJson() != null) {
                JsonNode stored = AuditLog.tree(row.analysisJson());
                unplaced = new ArrayList<>();
                for (JsonNode child : stored.path("unplaced")) {
                    unplaced.add(child.asText());
                }
            }
            return new RunView(row.id(), row.authority(), row.status(), row.trigger(), row.requestedBy(), row.seconds(),
                    row.registerVersion(), row.referenceDate(), row.attempts(), row.createdAt(), row.startedAt(),
                    row.finishedAt(), row.scoreToday(), row.score(), kpis, plan, row.status() == Status.DONE ? changes : null,
                    unplaced, row.error());
        });
    }

    /** The problem the run solved, exactly as stored. */
    public PlacementProblem snapshot(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, true)).orElseThrow(() -> noRun(authority, id));
        return RegisterStore.read(row.snapshotJson(), PlacementProblem.class);
    }

    /** The run's score analysis (per constraint, with who is behind each point), once it has finished. */
    public JsonNode analysis(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, true)).orElseThrow(() -> noRun(authority, id));
        if (row.analysisJson() == null) {
            throw new RegisterErrors.Conflict("$", "run " + id + " is " + row.status() + ": it has no analysis");
        }
        return AuditLog.tree(row.analysisJson()).get("analysis");
    }

    public List<AuditLog.Entry> audit(String authority, String id) {
        return db.transaction(c -> {
            RunStore.find(c, authority, id, false).orElseThrow(() -> noRun(authority, id));
            return AuditLog.byRun(c, authority, id);
        });
    }

    static RegisterErrors.NotFound noRun(String authority, String id) {
        return new RegisterErrors.NotFound("no run " + id + " for authority " + authority);
    }

    // Solving.

    private void submit(String id) {
        ActiveRun run = new ActiveRun(id);
        active.put(id, run);
        try {
            worker.execute(() -> solve(run));
        } catch (RuntimeException e) {
            active.remove(id);
            markInterrupted(id, "the service was stopping when the run was queued");
        }
    }

    private void solve(ActiveRun run) {
        PlacementPlan plan = null;
        try {
            if (shuttingDown) {
                markInterrupted(run.id, "the service stopped before the run started");
                return;
            }
            Row row = db.transaction(c -> {
                RunStore.started(c, run.id, instance);
                return RunStore.byId(c, run.id);
            }).orElseThrow();
            PlacementProblem snapshot = ProblemReader.read(row.snapshotJson());
            PlacementSolution problem = ProblemMapper.toSolution(snapshot);
            PlacementSolution best;
            if (problem.getUnits().isEmpty() || problem.getUnits().stream().allMatch(PlacementUnit::isPinned)) {
                placementSolver.score(problem);
                best = problem;
            } else {
                Solver<PlacementSolution> solver = solverFactory.buildSolver(new SolverConfigOverride()
                        .withTerminationConfig(placementSolver.termination(Duration.ofSeconds(row.seconds()))));
                solver.addEventListener(event -> {
                    if (run.stopRequested || shuttingDown) {
                        run.interrupted |= shuttingDown;
                        solver.terminateEarly();
                    }
                    if (run.lastProgressNanos == 0 || System.nanoTime() - run.lastProgressNanos > progressEvery.toNanos()) {
                        run.lastProgressNanos = System.nanoTime();
                        saveProgress(run.id, event.getNewBestSolution());
                    }
                });
                run.solver = solver;
                best = solver.solve(problem);
                placementSolver.score(best);
            }
            plan = PlanWriter.toPlan(best);
            if (run.interrupted || (shuttingDown && !run.stopRequested)) {
                finish(run.id, Status.INTERRUPTED, null, plan, null, null, "the service stopped before the run finished");
                return;
            }
            ProposedChanges.Result changes = ProposedChanges.of(snapshot, best, placementSolver, solverConfig);
            if (!changes.planScore().equals(plan.score())) {
                LOG.warnf("run %s: plan score %s recomputed as %s", run.id, plan.score(), changes.planScore());
            }
            finish(run.id, Status.DONE, changes, plan, ScoreBreakdown.of(best), row.authority(), null);
        } catch (RuntimeException | Error e) {
            LOG.errorf("run %s failed: %s", run.id, e.toString());
            finish(run.id, Status.FAILED, null, plan, null, null, "solving failed: " + e.getClass().getSimpleName());
        } finally {
            active.remove(run.id);
        }
    }

    private void saveProgress(String id, PlacementSolution solution) {
        try {
            placementSolver.score(solution);
            PlacementPlan plan = PlanWriter.toPlan(solution);
            db.transaction(c -> {
                RunStore.progress(c, id, instance, plan.score(), AuditLog.json(plan));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("run %s: progress not saved: %s", id, e.toString());
        }
    }

    private void finish(String id, Status status, ProposedChanges.Result changes, PlacementPlan plan,
            ScoreBreakdown.Analysis analysis, String authorityOrNull, String error) {
        try {
            db.transaction(c -> {
                Row row = RunStore.byId(c, id).orElseThrow();
                Map<String, Object> stored = new LinkedHashMap<>();
                if (analysis != null) {
                    stored.put("analysis", analysis);
                }
                if (changes != null) {
                    stored.put("unplaced", changes.unplaced());
                }
                boolean updated = RunStore.finish(c, id, instance, status, changes == null ? null : changes.scoreToday(),
                        plan == null ? null : plan.score(), plan == null ? null : AuditLog.json(plan),
                        stored.isEmpty() ? null : AuditLog.json(stored),
                        plan == null ? null : AuditLog.json(plan.kpis()), error);
                if (!updated) {
                    LOG.warnf("run %s was taken over elsewhere; this result is not kept", id);
                    return null;
                }
                if (changes != null) {
                    List<ChangeRow> rows = new ArrayList<>();
                    for (int i = 0; i < changes.changes().size(); i++) {
                        ProposedChanges.Change change = changes.changes().get(i);
                        rows.add(new ChangeRow(id, change.childId(), i, changes.unitIds().get(change.childId()),
                                change.kind().name(), change.fromProviderId(), change.toProviderId(), change.scoreGain(),
                                AuditLog.json(change), null, null, null, null));
                    }
                    RunStore.insertChanges(c, id, rows);
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
                AuditLog.append(c, row.authority(), new NewEntry(action, SYSTEM, null, null, null, id, detail(summary)));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf("run %s: its end (%s) could not be stored: %s", id, status, e.toString());
        }
    }

    private void markInterrupted(String id, String reason) {
        try {
            db.transaction(c -> {
                Row row = RunStore.byId(c, id).orElse(null);
                if (row != null && RunStore.interrupt(c, id, reason)) {
                    AuditLog.append(c, row.authority(), new NewEntry(Action.RUN_INTERRUPTED, SYSTEM, null, null, null, id,
                            detail(Map.of("reason", reason))));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf("run %s could not be marked INTERRUPTED: %s", id, e.toString());
        }
    }

    // Decisions.

    /**
     * Accepts or rejects a proposed change of a finished run. A change of a placeTogether group is decided
     * for the whole group. Accepting moves the children in the register (refused, 409, when the register
     * has changed under the proposal since the run); both write audit entries; a second decision on the
     * same change is refused (409).
     */
    public DecisionView decide(String authority, String runId, DecisionRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidProblemException(List.of(new ProblemError("$", "a JSON object is required")));
        }
        if (request.childId() == null || request.childId().isBlank()) {
            errors.add(new ProblemError("$.childId", "is required: the child whose proposed change is decided"));
        }
        if (!"ACCEPT".equals(request.decision()) && !"REJECT".equals(request.decision())) {
            errors.add(new ProblemError("$.decision", "must be ACCEPT or REJECT"));
        }
        if (request.decidedBy() == null || request.decidedBy().isBlank() || request.decidedBy().length() > 200) {
            errors.add(new ProblemError("$.decidedBy", "is required: the (pseudonymous) id of the person deciding, at most 200 characters"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 4000) {
            errors.add(new ProblemError("$.reason", "is required: why, at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        Row run = db.transaction(c -> RunStore.find(c, authority, runId, false)).orElseThrow(() -> noRun(authority, runId));
        if (run.status() != Status.DONE) {
            throw new RegisterErrors.Conflict("$", "run " + runId + " is " + run.status()
                    + "; decisions are taken on the proposals of a finished (DONE) run");
        }
        List<ChangeRow> all = db.transaction(c -> RunStore.changes(c, runId));
        ChangeRow asked = all.stream().filter(c -> c.childId().equals(request.childId())).findFirst()
                .orElseThrow(() -> new RegisterErrors.NotFound("run " + runId + " proposes no change for child "
                        + request.childId()));
        List<ChangeRow> unit = all.stream().filter(c -> c.unitId().equals(asked.unitId())).toList();
        List<String> childIds = unit.stream().map(ChangeRow::childId).toList();
        String decidedBy = request.decidedBy().trim();
        String reason = request.reason().trim();
        boolean accept = request.decision().equals("ACCEPT");
        OffsetDateTime at = Database.now();
        RegisterService.Locked undecided = (c, current) -> {
            List<ChangeRow> now = RunStore.changes(c, runId).stream().filter(r -> childIds.contains(r.childId())).toList();
            for (ChangeRow row : now) {
                if (row.decision() != null) {
                    throw new RegisterErrors.Conflict("$.childId", "the proposed change for " + row.childId() + " in run "
                            + runId + " was already decided: " + row.decision() + " by " + row.decidedBy() + " at "
                            + row.decidedAt());
                }
            }
        };
        RegisterService.AfterWrite store = (c, before, after) -> {
            RunStore.insertDecisions(c, runId, childIds, request.decision(), decidedBy, reason, at);
            List<NewEntry> entries = new ArrayList<>();
            for (ChangeRow row : unit) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("decision", request.decision());
                detail.put("reason", reason);
                detail.put("kind", row.kind());
                detail.put("scoreGain", row.scoreGain());
                detail.put("childIds", childIds);
                detail.put("registerVersion", after == null ? before.version() : after.version());
                entries.add(new NewEntry(accept ? Action.DECISION_ACCEPTED : Action.DECISION_REJECTED, decidedBy,
                        row.childId(), row.toProvider(), row.fromProvider(), runId, detail(detail)));
            }
            AuditLog.append(c, authority, entries);
        };
        long version;
        if (accept) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("runId", runId);
            context.put("reason", reason);
            Register after = register.change(authority, false,
                    new RegisterService.Via("decision on run " + runId, decidedBy, context, runId), undecided,
                    (current, tree) -> {
                        for (ChangeRow row : unit) {
                            int index = RegisterService.indexOf(tree, "children", row.childId());
                            if (index < 0) {
                                throw new RegisterErrors.Conflict("$.childId", "child " + row.childId()
                                        + " is no longer in the register; the proposal cannot be accepted");
                            }
                            ObjectNode child = (ObjectNode) tree.get("children").get(index);
                            String now = child.hasNonNull("currentPlacement") ? child.get("currentPlacement").asText() : null;
                            if (!Objects.equals(now, row.fromProvider())) {
                                throw new RegisterErrors.Conflict("$.childId", "the register has changed since the run: child "
                                        + row.childId() + " is " + (now == null ? "waiting" : "at " + now)
                                        + ", the run proposed a change from " + (row.fromProvider() == null ? "waiting"
                                        : row.fromProvider()) + "; start a new run");
                            }
                            if (RegisterService.indexOf(tree, "providers", row.toProvider()) < 0) {
                                throw new RegisterErrors.Conflict("$.childId", "provider " + row.toProvider()
                                        + " is no longer in the register; the proposal cannot be accepted");
                            }
                            child.put("currentPlacement", row.toProvider());
                            child.remove("needsMove");
                            child.remove("pinned");
                        }
                        return tree;
                    }, RegisterService.record("children", asked.childId()), true, store);
            version = after.version();
        } else {
            version = db.transaction(c -> {
                long locked = RegisterStore.lock(c, authority).orElseThrow(() -> RegisterService.noRegister(authority));
                undecided.accept(c, null);
                store.accept(c, new Register(authority, locked, null), null);
                return locked;
            });
        }
        return new DecisionView(runId, asked.childId(), childIds, request.decision(), decidedBy, reason, at.toInstant(),
                version, accept ? warnings(authority, childIds) : null);
    }

    /** Rules the children now break in the register (e.g. a place another proposal was to free is still taken). */
    private List<String> warnings(String authority, List<String> childIds) {
        List<String> warnings = new ArrayList<>();
        try {
            ScoreBreakdown.Analysis analysis = ScoreBreakdown.of(register.caseload(authority).today());
            for (ScoreBreakdown.ConstraintTotal constraint : analysis.constraints()) {
                if (!constraint.level().equals("hard")) {
                    continue;
                }
                for (ScoreBreakdown.Match match : constraint.matches()) {
                    if (match.childIds().stream().anyMatch(childIds::contains)) {
                        warnings.add(constraint.code() + " " + constraint.name() + ": " + String.join(", ", match.childIds())
                                + " at " + String.join(", ", match.providerIds()) + " (" + match.score() + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("warnings not worked out: %s", e.toString());
        }
        return warnings;
    }

    private static JsonNode detail(Map<String, Object> values) {
        return ContractJson.mapper().valueToTree(values);
    }

    /** For tests: whether runs are held by this instance. */
    boolean isIdle() {
        return active.isEmpty();
    }
}
