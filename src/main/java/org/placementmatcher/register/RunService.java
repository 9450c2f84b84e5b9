package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.register.RunViews.RunSummary;

/**
 * Re-optimisation runs of an authority's register, started by hand or overnight ({@link RunSchedule}): each
 * a snapshot of the register stored as a run and handed to the {@link RunWorker}, which solves it and keeps
 * the result. A run survives a restart: one cut short by a shutdown, or whose instance vanished, is marked
 * INTERRUPTED and can be restarted here; a finished one is never lost. What GET answers is in
 * {@link RunViews}; decisions on the proposed changes in {@link RunDecisions}.
 */
@ApplicationScoped
public class RunService {

    static final String SYSTEM = "system";

    private final Database db;
    private final RegisterService register;
    private final RunWorker worker;
    private final RunJobs jobs;
    private final int defaultSeconds;
    private final int maxSeconds;

    public RunService(
            Database db,
            RegisterService register,
            RunWorker worker,
            RunJobs jobs,
            @ConfigProperty(name = "placement.runs.seconds", defaultValue = "600") int defaultSeconds,
            @ConfigProperty(name = "placement.runs.max-seconds", defaultValue = "3600") int maxSeconds) {
        this.db = db;
        this.register = register;
        this.worker = worker;
        this.jobs = jobs;
        this.defaultSeconds = defaultSeconds;
        this.maxSeconds = maxSeconds;
    }

    public int maxSeconds() {
        return maxSeconds;
    }

    public int defaultSeconds() {
        return Math.min(defaultSeconds, maxSeconds);
    }

    /**
     * Takes a snapshot of the register (with {@code referenceDate} as "today" if given), stores it as a
     * new run and queues it for solving.
     */
    public RunSummary start(String authority, long seconds, LocalDate referenceDate, Trigger trigger, String actor) {
        if (seconds < 1 || seconds > maxSeconds) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "seconds", "must be a whole number from 1 to " + maxSeconds + ", got '" + seconds + "'")));
        }
        if (worker.isShuttingDown()) {
            throw new RegisterErrors.Conflict("$", "the service is stopping; start the run again once it is back");
        }
        Register current = register.whole(authority);
        PlacementProblem problem = current.problem();
        if (referenceDate != null) {
            problem = new PlacementProblem(
                    problem.schemaVersion(),
                    problem.name(),
                    referenceDate,
                    problem.homeAuthority(),
                    problem.weights(),
                    problem.providers(),
                    problem.children(),
                    problem.adjoiningAuthorities(),
                    problem.minimumOfstedJudgement());
        }
        PlacementProblem snapshot;
        try {
            snapshot = ProblemReader.read(ContractJson.mapper().valueToTree(problem), "$");
        } catch (InvalidProblemException e) {
            List<ProblemError> errors = new ArrayList<>();
            errors.add(new ProblemError(
                    "referenceDate", "the register cannot be solved as of " + problem.referenceDate()));
            e.errors()
                    .forEach(error -> errors.add(
                            new ProblemError(error.path().replaceFirst("^\\$", "register"), error.message())));
            throw new InvalidProblemException(errors);
        }
        String id = UUID.randomUUID().toString();
        String snapshotJson = AuditLog.json(snapshot);
        Row row = db.transaction(c -> {
            RunStateStore.insert(
                    c,
                    id,
                    authority,
                    trigger,
                    actor,
                    (int) seconds,
                    current.version(),
                    snapshot.referenceDate(),
                    worker.instance(),
                    snapshotJson);
            AuditLog.append(
                    c,
                    authority,
                    new NewEntry(
                            Action.RUN_STARTED,
                            actor,
                            null,
                            null,
                            null,
                            id,
                            detail(Map.of(
                                    "trigger",
                                    trigger.name(),
                                    "seconds",
                                    seconds,
                                    "registerVersion",
                                    current.version(),
                                    "referenceDate",
                                    snapshot.referenceDate().toString()))));
            return RunStore.find(c, authority, id, false).orElseThrow();
        });
        queue(row);
        return RunSummary.of(row);
    }

    /**
     * Solves an INTERRUPTED (or FAILED) run again from its stored snapshot, under the same id, with its
     * time limit or {@code seconds} if given.
     */
    public RunSummary restart(String authority, String id, Long seconds, String actor) {
        if (worker.isShuttingDown()) {
            throw new RegisterErrors.Conflict("$", "the service is stopping; restart the run once it is back");
        }
        Row row = db.transaction(c -> {
            Row before = RunStore.find(c, authority, id, false).orElseThrow(() -> noRun(authority, id));
            if (before.dataDeletedAt() != null) {
                throw RunViews.dataDeleted(before);
            }
            int limit = seconds == null ? before.seconds() : seconds.intValue();
            if (!RunStateStore.restart(c, authority, id, worker.instance(), limit)) {
                throw new RegisterErrors.Conflict(
                        "$",
                        "run " + id + " is " + before.status()
                                + "; only an INTERRUPTED or FAILED run can be restarted");
            }
            AuditLog.append(
                    c,
                    authority,
                    new NewEntry(
                            Action.RUN_RESTARTED,
                            actor,
                            null,
                            null,
                            null,
                            id,
                            detail(Map.of(
                                    "attempt",
                                    before.attempts() + 1,
                                    "previousStatus",
                                    before.status().name(),
                                    "seconds",
                                    limit))));
            return RunStore.find(c, authority, id, false).orElseThrow();
        });
        queue(row);
        return RunSummary.of(row);
    }

    /** Hands the stored SOLVING run to the cluster's job store, for whichever instance is free first. */
    private void queue(Row row) {
        try {
            jobs.schedule(row.id(), row.attempts());
        } catch (RuntimeException e) {
            worker.interrupt(row.id(), "the run could not be queued; the service log has the details");
            throw e;
        }
    }

    /** Stops solving early: the run finishes (DONE) with the best plan found so far. */
    public RunSummary stop(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, false)).orElseThrow(() -> noRun(authority, id));
        if (!worker.stop(id) && row.status() == Status.SOLVING) {
            throw new RegisterErrors.Conflict(
                    "$",
                    row.startedAt() == null
                            ? "run " + id + " is queued; it can be stopped once an instance is solving it"
                            : "run " + id + " is solving on another instance of the service (" + row.executedBy()
                                    + ")");
        }
        return RunSummary.of(row);
    }

    static RegisterErrors.NotFound noRun(String authority, String id) {
        return new RegisterErrors.NotFound("no run " + id + " for authority " + authority);
    }

    static JsonNode detail(Map<String, Object> values) {
        return ContractJson.mapper().valueToTree(values);
    }
}
