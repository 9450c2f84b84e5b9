package org.placementmatcher.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RunStore.ChangeRow;
import org.placementmatcher.register.RunStore.Row;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.security.ApprovalPolicy;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * Decisions on the changes a finished run proposes: accepted or rejected, kept and audited, and when
 * accepted applied to the register through {@link RegisterService}. The authenticated user decides and is
 * recorded; whether its role may take the decision is {@link ApprovalPolicy}'s to say, before anything is written.
 */
@ApplicationScoped
public class RunDecisions {

    private static final Logger LOG = Logger.getLogger(RunDecisions.class);

    /** The body of {@code POST .../runs/{id}/decisions}; decidedBy is optional and, if given, the user's name. */
    public record DecisionRequest(String childId, String decision, String decidedBy, String reason) {}

    /** The answer to a decision: what was decided for which children, and the register's version after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(
            String runId,
            String childId,
            List<String> childIds,
            String decision,
            String decidedBy,
            String reason,
            Instant decidedAt,
            long registerVersion,
            List<String> warnings) {}

    private final Database db;
    private final RegisterService register;
    private final RegisterSight registerSight;
    private final CurrentUser user;
    private final ApprovalPolicy approvals;
    private final RunSight sight;

    public RunDecisions(
            Database db,
            RegisterService register,
            RegisterSight registerSight,
            CurrentUser user,
            ApprovalPolicy approvals,
            RunSight sight) {
        this.db = db;
        this.register = register;
        this.registerSight = registerSight;
        this.user = user;
        this.approvals = approvals;
        this.sight = sight;
    }

    private static RegisterErrors.NotFound noChange(String runId, String childId) {
        return new RegisterErrors.NotFound(
                "run " + runId + " proposes no change for child " + TextRules.quote(childId));
    }

    /** The approval the stored change needs (ProposedChanges worked it out when the run finished). */
    static MatchResult.Approval approval(ChangeRow row) {
        try {
            String approval = ContractJson.mapper()
                    .readTree(row.changeJson())
                    .path("approval")
                    .asText("");
            // A change stored without its approval is taken as needing the most: nobody accepts it by default.
            return approval.isEmpty() ? MatchResult.Approval.DIRECTOR : MatchResult.Approval.valueOf(approval);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return MatchResult.Approval.DIRECTOR;
        }
    }

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
        } else if (TextRules.codeProblem(request.childId()) != null) {
            errors.add(new ProblemError("$.childId", TextRules.codeProblem(request.childId())));
        }
        if (!"ACCEPT".equals(request.decision()) && !"REJECT".equals(request.decision())) {
            errors.add(new ProblemError("$.decision", "must be ACCEPT or REJECT"));
        }
        if (request.decidedBy() != null && !request.decidedBy().trim().equals(user.username())) {
            errors.add(new ProblemError(
                    "$.decidedBy",
                    "names " + TextRules.quote(request.decidedBy()) + ", not the signed-in user "
                            + TextRules.quote(user.username()) + ": whoever signs in decides; leave decidedBy out"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new ProblemError("$.reason", "is required: why"));
        } else if (TextRules.freeTextProblem(request.reason()) != null) {
            errors.add(new ProblemError("$.reason", TextRules.freeTextProblem(request.reason())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        Row run = db.transaction(c -> RunStore.find(c, authority, runId, false))
                .orElseThrow(() -> RunService.noRun(authority, runId));
        if (run.status() != Status.DONE) {
            throw new RegisterErrors.Conflict(
                    "$",
                    "run " + runId + " is " + run.status()
                            + "; decisions are taken on the proposals of a finished (DONE) run");
        }
        if (run.dataDeletedAt() != null) {
            throw RunViews.dataDeleted(run);
        }
        List<ChangeRow> all = db.transaction(c -> RunChangeStore.changes(c, runId));
        ChangeRow asked = all.stream()
                .filter(c -> c.childId().equals(request.childId()))
                .findFirst()
                .orElseThrow(() -> noChange(runId, request.childId()));
        List<ChangeRow> unit =
                all.stream().filter(c -> c.unitId().equals(asked.unitId())).toList();
        boolean seesAll = sight.seesAll(authority);
        if (!seesAll) {
            ChildSight seen = db.transaction(c -> RunStore.find(c, authority, runId, true))
                    .map(row -> sight.of(authority, row))
                    .orElseThrow(() -> RunService.noRun(authority, runId));
            if (unit.stream().anyMatch(change -> !seen.sees(change.childId()))) {
                // Another authority's child of a shared register (contract section 8): as if the run proposed nothing.
                throw noChange(runId, request.childId());
            }
        }
        List<String> childIds = unit.stream().map(ChangeRow::childId).toList();
        String decidedBy = user.username();
        String reason = request.reason().trim();
        boolean accept = request.decision().equals("ACCEPT");
        approvals.requireToDecide(
                accept, unit.stream().map(RunDecisions::approval).toList());
        OffsetDateTime at = Database.now();
        RegisterService.Locked undecided = (c, current) -> {
            List<ChangeRow> now = RunChangeStore.changes(c, runId).stream()
                    .filter(r -> childIds.contains(r.childId()))
                    .toList();
            for (ChangeRow row : now) {
                if (row.decision() != null) {
                    throw new RegisterErrors.Conflict(
                            "$.childId",
                            "the proposed change for " + row.childId() + " in run "
                                    + runId + " was already decided: " + row.decision() + " by " + row.decidedBy()
                                    + " at "
                                    + row.decidedAt());
                }
            }
        };
        RegisterService.AfterWrite store = (c, before, after) -> {
            RunChangeStore.insertDecisions(c, runId, childIds, request.decision(), decidedBy, reason, at);
            List<NewEntry> entries = new ArrayList<>();
            for (ChangeRow row : unit) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("decision", request.decision());
                detail.put("reason", reason);
                detail.put("kind", row.kind());
                detail.put("scoreGain", row.scoreGain());
                detail.put("childIds", childIds);
                detail.put("registerVersion", after == null ? before.version() : after.version());
                entries.add(new NewEntry(
                        accept ? Action.DECISION_ACCEPTED : Action.DECISION_REJECTED,
                        decidedBy,
                        row.childId(),
                        row.toProvider(),
                        row.fromProvider(),
                        runId,
                        RunService.detail(detail)));
            }
            AuditLog.append(c, authority, entries);
        };
        long version;
        if (accept) {
            List<RegisterChange.Move> moves = unit.stream()
                    .map(r -> new RegisterChange.Move(r.childId(), r.fromProvider(), r.toProvider()))
                    .toList();
            Register after = register.apply(
                            authority,
                            decidedBy,
                            new RegisterChange.AcceptProposal(runId, reason, asked.childId(), moves),
                            undecided,
                            store)
                    .register();
            version = after.version();
        } else {
            version = db.transaction(c -> {
                long locked = RegisterStore.lock(c, authority).orElseThrow(() -> RegisterService.noRegister(authority));
                undecided.accept(c, null);
                store.accept(c, new Register(authority, locked, null), null);
                return locked;
            });
        }
        // The warnings are worked out on the whole register: who the user does not see is named as such.
        ChildSight shown = accept && !seesAll ? registerSight.childSight(authority) : ChildSight.EVERY;
        return new DecisionView(
                runId,
                asked.childId(),
                childIds,
                request.decision(),
                decidedBy,
                reason,
                at.toInstant(),
                version,
                accept ? warnings(authority, childIds, shown) : null);
    }

    /**
     * Rules the children now break in the register (e.g. a place another proposal was to free is still taken); the
     * other children of each match the user does not see (contract section 8) are named only as
     * {@value RunSight#ANOTHER_CHILD}.
     */
    private List<String> warnings(String authority, List<String> childIds, ChildSight seen) {
        List<String> warnings = new ArrayList<>();
        try {
            ScoreBreakdown.Analysis analysis =
                    ScoreBreakdown.of(register.caseload(authority).today());
            for (ScoreBreakdown.ConstraintTotal constraint : analysis.constraints()) {
                if (!constraint.level().equals("hard")) {
                    continue;
                }
                for (ScoreBreakdown.Match match : constraint.matches()) {
                    if (match.childIds().stream().anyMatch(childIds::contains)) {
                        Set<String> unseen = new HashSet<>();
                        match.childIds().stream().filter(id -> !seen.sees(id)).forEach(unseen::add);
                        // The constraint's name already starts with its rule's code ("H1 capacity").
                        String rule = constraint.name().startsWith(constraint.code())
                                ? constraint.name()
                                : constraint.code() + " " + constraint.name();
                        warnings.add(RunSight.unnamed(
                                rule + ": " + String.join(", ", match.childIds()) + " at "
                                        + String.join(", ", match.providerIds()) + " (" + match.score() + ")",
                                unseen));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("warnings not worked out: %s", LogSafe.failure(e));
        }
        return warnings;
    }
}
