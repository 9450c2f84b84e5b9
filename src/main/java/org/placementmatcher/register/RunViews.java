package org.placementmatcher.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.RunStore.ChangeRow;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;

/** What the runs API answers: a run's summary, its full view, snapshot, analysis and audit. Reads only. */
@ApplicationScoped
public class RunViews {

    /**
     * {@code GET .../runs}: one run without its plan. {@code elapsedSeconds} is the time spent solving (0 while
     * QUEUED), {@code limitSeconds} its time limit, {@code executedBy} the instance that solves or solved it (the
     * last one, when a run was taken over from an instance that stopped; placement.instance.id).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunSummary(
            String id,
            String authority,
            Status status,
            Trigger trigger,
            String requestedBy,
            int seconds,
            long registerVersion,
            LocalDate referenceDate,
            int attempts,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String scoreToday,
            String score,
            int changes,
            int decisions,
            String error,
            long elapsedSeconds,
            long limitSeconds,
            Instant dataDeletedAt,
            String executedBy) {
        static RunSummary of(Row row) {
            return new RunSummary(
                    row.id(),
                    row.authority(),
                    shownStatus(row),
                    row.trigger(),
                    row.requestedBy(),
                    row.seconds(),
                    row.registerVersion(),
                    row.referenceDate(),
                    row.attempts(),
                    row.createdAt(),
                    row.startedAt(),
                    row.finishedAt(),
                    row.scoreToday(),
                    row.score(),
                    row.changes(),
                    row.decisions(),
                    row.error(),
                    RunViews.elapsedSeconds(row),
                    row.seconds(),
                    row.dataDeletedAt(),
                    row.executedBy());
        }
    }

    /** A decision taken on a proposed change. */
    public record Decision(String decision, String decidedBy, String reason, Instant decidedAt) {}

    /**
     * {@code GET .../runs/{id}}: status, time spent and limit, plan, KPIs and the proposed changes with their decisions.
     * Once the run's data were deleted under the retention policy ({@code dataDeletedAt}), there is no plan and
     * each change keeps only its key fields (childId, kind, fromProviderId, toProviderId, scoreGain) and decision.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(
            String id,
            String authority,
            Status status,
            Trigger trigger,
            String requestedBy,
            int seconds,
            long registerVersion,
            LocalDate referenceDate,
            int attempts,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String scoreToday,
            String score,
            Kpis kpis,
            PlacementPlan plan,
            List<JsonNode> changes,
            List<String> unplaced,
            String error,
            long elapsedSeconds,
            long limitSeconds,
            Instant dataDeletedAt,
            String executedBy) {}

    private static final int RUNS_KEPT = 4;

    private final Database db;
    private final RunSight sight;
    private final Map<String, Parsed> parsedRuns = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > RUNS_KEPT;
        }
    });

    public RunViews(Database db, RunSight sight) {
        this.db = db;
        this.sight = sight;
    }

    /**
     * A run stored as SOLVING that the worker has not taken up yet (no start time) waits behind another run:
     * QUEUED. The stored status stays SOLVING, so a queued run of a vanished instance is swept up like any other.
     */
    static Status shownStatus(Row row) {
        return row.status() == Status.SOLVING && row.startedAt() == null ? Status.QUEUED : row.status();
    }

    /** Seconds from the start of solving to its end, or to now while solving. */
    static long elapsedSeconds(Row row) {
        if (row.startedAt() == null) {
            return 0;
        }
        Instant end =
                row.finishedAt() != null ? row.finishedAt() : row.status() == Status.SOLVING ? Instant.now() : null;
        return end == null
                ? 0
                : Math.max(0, Duration.between(row.startedAt(), end).toSeconds());
    }

    /** A key naming which of the register's children the user of the request sees in a run, for caches of views. */
    public String scopeKey(String authority) {
        return sight.scopeKey(authority);
    }

    public List<RunSummary> list(String authority, int limit) {
        return db.transaction(c -> {
            if (RegisterStore.header(c, RegisterService.checkAuthority(authority))
                    .isEmpty()) {
                throw RegisterService.noRegister(authority);
            }
            return RunStore.list(c, authority, limit).stream()
                    .map(RunSummary::of)
                    .toList();
        });
    }

    /** The KPIs of the authority's latest runs that finished with a plan, by run id (for a list of runs). */
    public Map<String, Kpis> kpis(String authority, int limit) {
        Map<String, String> stored = db.transaction(c -> RunStore.kpis(c, authority, limit));
        Map<String, Kpis> kpis = new HashMap<>();
        stored.forEach((id, json) -> kpis.put(id, RegisterStore.read(json, Kpis.class)));
        return kpis;
    }

    /**
     * The run as stored now. A finished (DONE) run changes only by the decisions on its changes and, once, by the
     * retention policy deleting its data: its parsed plan, KPIs, unplaced children and changes are kept for the last
     * few runs looked at, under a version (attempts, finish time, data deletion, number of changes) read with every
     * view; the decisions are read afresh every time. A run not finished is read whole every time. The view is the
     * run as the user of the request sees it: in a shared register, only its authorities' children (what is kept is
     * the whole run, never altered by what one user sees).
     */
    public RunView view(String authority, String id) {
        return db.transaction(c -> {
            RunView whole = wholeView(c, authority, id);
            if (sight.seesAll(authority)) {
                return whole;
            }
            Row summary = RunStore.find(c, authority, id, false).orElseThrow(() -> RunService.noRun(authority, id));
            return RunSight.view(
                    whole,
                    sight.of(
                            authority,
                            summary,
                            () -> RunStore.find(c, authority, id, true)
                                    .orElseThrow(() -> RunService.noRun(authority, id))));
        });
    }

    private RunView wholeView(Connection c, String authority, String id) throws SQLException {
        Row summary = RunStore.find(c, authority, id, false).orElseThrow(() -> RunService.noRun(authority, id));
        if (summary.status() != Status.DONE) {
            Row row = RunStore.findForView(c, authority, id).orElseThrow(() -> RunService.noRun(authority, id));
            return parsed(row, List.of()).view(row, Map.of());
        }
        String key = authority + "/" + id;
        Parsed kept = parsedRuns.get(key);
        if (kept == null || !kept.version().equals(Version.of(summary))) {
            Row row = RunStore.findForView(c, authority, id).orElseThrow(() -> RunService.noRun(authority, id));
            kept = parsed(row, RunChangeStore.changes(c, id));
            parsedRuns.put(key, kept);
        }
        return kept.view(summary, RunChangeStore.decisions(c, id));
    }

    /** What identifies a finished run's stored data: any change to it but a decision changes one of these. */
    private record Version(int attempts, Instant finishedAt, Instant dataDeletedAt, int changes) {
        static Version of(Row row) {
            return new Version(row.attempts(), row.finishedAt(), row.dataDeletedAt(), row.changes());
        }
    }

    /** A run's stored JSON, parsed; its changes without their decisions, never altered once made. */
    private record Parsed(
            Version version, Kpis kpis, PlacementPlan plan, List<ObjectNode> changes, List<String> unplaced) {

        /** The view of the run with these decisions; a decided change is a copy of the kept one, with its decision. */
        RunView view(Row row, Map<String, Decision> decisions) {
            List<JsonNode> withDecisions = new ArrayList<>(changes.size());
            for (ObjectNode change : changes) {
                Decision decision = decisions.get(change.path("childId").asText());
                if (decision == null) {
                    withDecisions.add(change);
                } else {
                    ObjectNode decided = change.deepCopy();
                    decided.set("decision", ContractJson.mapper().valueToTree(decision));
                    withDecisions.add(decided);
                }
            }
            return new RunView(
                    row.id(),
                    row.authority(),
                    shownStatus(row),
                    row.trigger(),
                    row.requestedBy(),
                    row.seconds(),
                    row.registerVersion(),
                    row.referenceDate(),
                    row.attempts(),
                    row.createdAt(),
                    row.startedAt(),
                    row.finishedAt(),
                    row.scoreToday(),
                    row.score(),
                    kpis,
                    plan,
                    row.status() == Status.DONE ? withDecisions : null,
                    unplaced,
                    row.error(),
                    elapsedSeconds(row),
                    row.seconds(),
                    row.dataDeletedAt(),
                    row.executedBy());
        }
    }

    private static Parsed parsed(Row row, List<ChangeRow> stored) {
        List<ObjectNode> changes = new ArrayList<>();
        for (ChangeRow change : stored) {
            changes.add(
                    change.changeJson() == null ? keyFields(change) : (ObjectNode) AuditLog.tree(change.changeJson()));
        }
        PlacementPlan plan = row.planJson() == null ? null : RegisterStore.read(row.planJson(), PlacementPlan.class);
        Kpis kpis = row.kpisJson() == null ? null : RegisterStore.read(row.kpisJson(), Kpis.class);
        List<String> unplaced = null;
        if (row.analysisJson() != null) {
            unplaced = new ArrayList<>();
            for (JsonNode child : AuditLog.tree(row.analysisJson()).path("unplaced")) {
                unplaced.add(child.asText());
            }
        }
        return new Parsed(
                Version.of(row), kpis, plan, List.copyOf(changes), unplaced == null ? null : List.copyOf(unplaced));
    }

    /** The authority's newest finished (DONE) run, its summary only; 404 when the authority has no register. */
    public Optional<RunSummary> latestDone(String authority) {
        return db.transaction(c -> {
            if (RegisterStore.header(c, RegisterService.checkAuthority(authority))
                    .isEmpty()) {
                throw RegisterService.noRegister(authority);
            }
            return RunStore.latestDone(c, authority).map(RunSummary::of);
        });
    }

    /**
     * A run's plan KPIs as stored and, while the retention policy keeps them, the problem it solved and its plan
     * (both null once deleted).
     */
    public record PlanData(Kpis kpis, PlacementProblem snapshot, PlacementPlan plan) {}

    /** As the user of the request sees them: in a shared register, only its authorities' children. */
    public PlanData planData(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, true))
                .orElseThrow(() -> RunService.noRun(authority, id));
        ChildSight seen = sight.of(authority, row);
        return new PlanData(
                row.kpisJson() == null ? null : RegisterStore.read(row.kpisJson(), Kpis.class),
                row.snapshotJson() == null
                        ? null
                        : RunSight.snapshot(RegisterStore.read(row.snapshotJson(), PlacementProblem.class), seen),
                RunSight.plan(
                        row.planJson() == null ? null : RegisterStore.read(row.planJson(), PlacementPlan.class), seen));
    }

    /** A proposed change whose explanation was deleted under the retention policy: what stays of it. */
    private static ObjectNode keyFields(ChangeRow change) {
        ObjectNode node = ContractJson.mapper().createObjectNode();
        node.put("childId", change.childId());
        node.put("kind", change.kind());
        node.put("fromProviderId", change.fromProvider());
        node.put("toProviderId", change.toProvider());
        node.put("scoreGain", change.scoreGain());
        return node;
    }

    /** The answer for a run whose data were deleted under the retention policy. */
    static RegisterErrors.Gone dataDeleted(Row row) {
        return new RegisterErrors.Gone("the snapshot, plan and analysis of run " + row.id()
                + " were deleted on " + row.dataDeletedAt()
                + " under the retention policy (placement.retention.run-data); its summary and decisions remain");
    }

    /** The problem the run solved, exactly as stored. */
    public PlacementProblem snapshot(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, true))
                .orElseThrow(() -> RunService.noRun(authority, id));
        if (row.dataDeletedAt() != null) {
            throw dataDeleted(row);
        }
        return RunSight.snapshot(
                RegisterStore.read(row.snapshotJson(), PlacementProblem.class), sight.of(authority, row));
    }

    /**
     * A finished run's whole snapshot and plan, every child whoever asks: for what is worked out on the run as a
     * whole (the places other authorities' children hold), never to be shown as it is to a user of a shared
     * register (contract section 8). Not exposed by the API; {@link #snapshot} and {@link #planData} are what users
     * see.
     */
    public record WholeRun(PlacementProblem snapshot, PlacementPlan plan) {}

    /** The run's {@link WholeRun}; 410 once its data were deleted under the retention policy. */
    public WholeRun wholeRun(String authority, String id) {
        return db.transaction(c -> {
            Row row = RunStore.find(c, authority, id, true).orElseThrow(() -> RunService.noRun(authority, id));
            if (row.dataDeletedAt() != null) {
                throw dataDeleted(row);
            }
            return new WholeRun(
                    RegisterStore.read(row.snapshotJson(), PlacementProblem.class),
                    wholeView(c, authority, id).plan());
        });
    }

    /** The run's score analysis (per constraint, with who is behind each point), once it has finished. */
    public JsonNode analysis(String authority, String id) {
        Row row = db.transaction(c -> RunStore.find(c, authority, id, true))
                .orElseThrow(() -> RunService.noRun(authority, id));
        if (row.dataDeletedAt() != null) {
            throw dataDeleted(row);
        }
        if (row.analysisJson() == null) {
            throw new RegisterErrors.Conflict("$", "run " + id + " is " + shownStatus(row) + ": it has no analysis");
        }
        return RunSight.analysis(AuditLog.tree(row.analysisJson()).get("analysis"), sight.of(authority, row));
    }

    public List<AuditLog.Entry> audit(String authority, String id) {
        return db.transaction(c -> {
            Row row = RunStore.find(c, authority, id, !sight.seesAll(authority))
                    .orElseThrow(() -> RunService.noRun(authority, id));
            ChildSight seen = sight.of(authority, row);
            return AuditLog.byRun(c, authority, id).stream()
                    .filter(entry -> seen.sees(entry.childId()))
                    .toList();
        });
    }
}
