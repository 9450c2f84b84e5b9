package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.matching.MatchResult.Approval;
import org.placementmatcher.register.AccessLog;
import org.placementmatcher.register.AccessLogged;
import org.placementmatcher.register.AuditLog;
import org.placementmatcher.register.ProposedChanges.Kind;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RunDecisions;
import org.placementmatcher.register.RunDecisions.DecisionRequest;
import org.placementmatcher.register.RunService;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.register.RunViews;
import org.placementmatcher.register.RunViews.RunSummary;
import org.placementmatcher.register.RunViews.RunView;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;
import org.placementmatcher.solver.PlanProof;

/**
 * The runs pages: the authority's runs and a form to start one; one run's progress while it solves, and once done
 * its proposed changes to review and decide (contract section 6: reading VIEWER, starting, stopping and restarting
 * OFFICER, deciding MANAGER and up by the change's approval, which {@link RunDecisions} checks).
 */
@Path("/registers/{authority}/runs")
@RolesAllowed(Role.VIEWER_NAME)
public class RunPages {

    private static final int RUNS_LISTED = 50;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final Template list;
    private final Template run;
    private final RunService runs;
    private final RunViews views;
    private final RunDecisions decisions;
    private final RunExplanations explanations;
    private final CurrentUser user;

    public RunPages(
            @Location("web/runs/list.html") Template list,
            @Location("web/runs/run.html") Template run,
            RunService runs,
            RunViews views,
            RunDecisions decisions,
            RunExplanations explanations,
            CurrentUser user) {
        this.list = list;
        this.run = run;
        this.runs = runs;
        this.views = views;
        this.decisions = decisions;
        this.explanations = explanations;
        this.user = user;
    }

    /** One choice of a filter's select. */
    public record Choice(String value, String label, boolean selected) {}

    /** One entry of the run's audit trail, in words. */
    public record AuditRow(String when, String what, String who) {}

    /** A run as the list shows it. */
    private static boolean solving(RunView view) {
        return view.status() == Status.QUEUED || view.status() == Status.SOLVING;
    }

    public record RunRow(String id, String when, String startedBy, String status, String limit, String result) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance list(@PathParam("authority") String authority) {
        return listPage(authority, String.valueOf(runs.defaultSeconds()), List.of());
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response start(@PathParam("authority") String authority, @FormParam("seconds") String seconds) {
        RegisterService.checkAuthority(authority);
        String problem = secondsProblem(seconds);
        if (problem != null) {
            return Response.status(400)
                    .entity(listPage(authority, seconds, List.of(new FieldError("seconds", problem))))
                    .build();
        }
        RunSummary started =
                runs.start(authority, Long.parseLong(seconds.trim()), null, Trigger.MANUAL, user.username());
        return seeOther(runPath(authority, started.id()) + "?done=started");
    }

    private String secondsProblem(String seconds) {
        String bounds = "Enter a time limit from 1 to " + runs.maxSeconds() + " seconds";
        if (seconds == null || seconds.isBlank()) {
            return bounds;
        }
        try {
            long value = Long.parseLong(seconds.trim());
            return value < 1 || value > runs.maxSeconds() ? bounds : null;
        } catch (NumberFormatException e) {
            return "The time limit must be a whole number of seconds, from 1 to " + runs.maxSeconds();
        }
    }

    private TemplateInstance listPage(String authority, String seconds, List<FieldError> errors) {
        List<RunSummary> summaries = views.list(authority, RUNS_LISTED);
        Map<String, Kpis> kpis = views.kpis(authority, RUNS_LISTED);
        List<RunRow> rows = new ArrayList<>();
        for (RunSummary summary : summaries) {
            rows.add(new RunRow(
                    summary.id(),
                    when(summary.createdAt()),
                    summary.trigger() == Trigger.SCHEDULED ? "overnight" : summary.requestedBy(),
                    statusWords(summary.status()),
                    summary.limitSeconds() + " seconds",
                    resultWords(summary.score(), kpis.get(summary.id()))));
        }
        return list.data("authority", authority)
                .data("runs", rows)
                .data("mayStart", user.has(Role.OFFICER))
                .data("seconds", seconds)
                .data("maxSeconds", runs.maxSeconds())
                .data("errors", errors);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @AccessLogged(AccessLog.Kind.RUN_PLAN)
    public TemplateInstance run(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @QueryParam("kind") String kind,
            @QueryParam("approval") String approval,
            @QueryParam("page") String page,
            @QueryParam("unplacedPage") String unplacedPage,
            @QueryParam("done") String done,
            @QueryParam("child") String child) {
        return runPage(authority, id, new Filters(kind, approval, page, unplacedPage), done, child, null, List.of());
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response stop(@PathParam("authority") String authority, @PathParam("id") String id) {
        runs.stop(authority, id);
        return seeOther(runPath(authority, id) + "?done=stopped");
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response restart(@PathParam("authority") String authority, @PathParam("id") String id) {
        runs.restart(authority, id, null, user.username());
        return seeOther(runPath(authority, id) + "?done=restarted");
    }

    @POST
    @Path("{id}/decisions")
    @RolesAllowed(Role.MANAGER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response decide(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @FormParam("childId") String childId,
            @FormParam("decision") String decision,
            @FormParam("reason") String reason,
            @FormParam("kind") String kind,
            @FormParam("approval") String approval,
            @FormParam("page") String page) {
        Filters filters = new Filters(kind, approval, page, null);
        String given = reason == null || reason.isBlank()
                ? ("ACCEPT".equals(decision) ? "Accepted as proposed" : null)
                : reason;
        try {
            decisions.decide(authority, id, new DecisionRequest(childId, decision, null, given));
        } catch (InvalidProblemException e) {
            List<FieldError> errors = e.errors().stream()
                    .map(error -> error.path().equals("$.reason")
                            ? new FieldError("reason-" + childId, "Enter the reason for rejecting this change")
                            : new FieldError("change-" + childId, error.message()))
                    .toList();
            return Response.status(400)
                    .entity(runPage(authority, id, filters, null, null, childId, errors))
                    .build();
        }
        return seeOther(runPath(authority, id) + "?" + filters.query() + "&done=" + decision.toLowerCase(Locale.ROOT)
                + "&child=" + childId + "#change-" + childId);
    }

    /** The review's filters and pages as asked for; anything not understood is taken as "all" or page 1. */
    record Filters(Kind kind, Approval approval, int page, int unplacedPage) {
        Filters(String kind, String approval, String page, String unplacedPage) {
            this(parse(Kind.class, kind), parse(Approval.class, approval), number(page), number(unplacedPage));
        }

        public String kindValue() {
            return kind == null ? "" : kind.name();
        }

        public String approvalValue() {
            return approval == null ? "" : approval.name();
        }

        String query() {
            return query(page);
        }

        String query(int page) {
            return "kind=" + kindValue() + "&approval=" + approvalValue() + "&page=" + page;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static int number(String value) {
            try {
                return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    private TemplateInstance runPage(
            String authority,
            String id,
            Filters filters,
            String done,
            String doneChild,
            String errorChild,
            List<FieldError> errors) {
        RunView view = views.view(authority, id);
        TemplateInstance page = run.data("authority", authority)
                .data("run", view)
                .data("started", when(view.createdAt()))
                .data("startedBy", view.trigger() == Trigger.SCHEDULED ? "overnight" : view.requestedBy())
                .data("status", statusWords(view.status()))
                .data("solving", solving(view))
                .data("restartable", view.status() == Status.INTERRUPTED || view.status() == Status.FAILED)
                .data(
                        "result",
                        resultWords(
                                view.score(),
                                view.plan() == null ? null : view.plan().kpis()))
                .data("proof", view.plan() == null || solving(view) ? null : PlanProof.words(view.plan()))
                .data(
                        "bestBound",
                        view.plan() == null || solving(view)
                                ? null
                                : view.plan().bestBound())
                .data("mayRun", user.has(Role.OFFICER))
                .data("done", doneWords(done, doneChild))
                .data("doneChild", doneChild)
                .data("errorChild", errorChild)
                .data("errors", errors)
                .data("filters", filters)
                .data("kindOptions", choices(Kind.values(), filters.kind(), RunReview::kindWords))
                .data("approvalOptions", choices(Approval.values(), filters.approval(), RunReview::approvalWords))
                .data("audit", audit(authority, id));
        boolean reviewable = view.status() == Status.DONE && view.changes() != null;
        page.data("reviewable", reviewable);
        if (!reviewable) {
            return page.data("review", null).data("kpis", List.of()).data("unplaced", null);
        }
        RunReviewPage review = RunReviewPage.of(view, user::has, explanations, filters);
        String here = runPath(authority, id) + "?";
        int shown = review.changes().page();
        page.data("previousPage", here + filters.query(shown - 1) + "#changes")
                .data("nextPage", here + filters.query(shown + 1) + "#changes");
        if (review.unplaced() != null) {
            int unplacedShown = review.unplaced().page();
            page.data("previousUnplaced", here + filters.query() + "&unplacedPage=" + (unplacedShown - 1) + "#unplaced")
                    .data(
                            "nextUnplaced",
                            here + filters.query() + "&unplacedPage=" + (unplacedShown + 1) + "#unplaced");
        }
        return page.data("review", review.changes()).data("kpis", review.kpis()).data("unplaced", review.unplaced());
    }

    private static <E extends Enum<E>> List<Choice> choices(
            E[] values, E selected, java.util.function.Function<E, String> words) {
        List<Choice> choices = new ArrayList<>();
        for (E value : values) {
            choices.add(new Choice(value.name(), words.apply(value), value == selected));
        }
        return choices;
    }

    private List<AuditRow> audit(String authority, String id) {
        List<AuditRow> rows = new ArrayList<>();
        for (AuditLog.Entry entry : views.audit(authority, id)) {
            rows.add(new AuditRow(when(entry.recordedAt()), auditWords(entry), entry.actor()));
        }
        return rows;
    }

    private static String auditWords(AuditLog.Entry entry) {
        String child = entry.childId() == null ? "" : " for " + entry.childId();
        return switch (entry.action()) {
            case RUN_STARTED -> "Run started";
            case RUN_RESTARTED -> "Run restarted";
            case RUN_FINISHED -> "Run finished";
            case RUN_INTERRUPTED -> "Run interrupted";
            case RUN_FAILED -> "Run failed";
            case RUN_DATA_DELETED -> "Plan and snapshot deleted under the retention policy";
            case DECISION_ACCEPTED -> "Change accepted" + child + ": to " + entry.providerId();
            case DECISION_REJECTED -> "Change rejected" + child;
            case PLACEMENT_STARTED -> "Placement started" + child + " at " + entry.providerId();
            case PLACEMENT_MOVED -> "Placement moved" + child + " to " + entry.providerId();
            case PLACEMENT_ENDED -> "Placement ended" + child;
            default -> entry.action().name();
        };
    }

    static String resultWords(String score, Kpis kpis) {
        if (score == null) {
            return "No result yet";
        }
        long hard = -Math.min(0, Long.parseLong(score.substring(0, score.indexOf("hard"))));
        StringBuilder words = new StringBuilder(hard == 0 ? "No rules broken" : hard + " rules broken");
        if (kpis != null) {
            words.append("; ")
                    .append(kpis.unplaced())
                    .append(kpis.unplaced() == 1 ? " child" : " children")
                    .append(" without a placement; ")
                    .append(ProviderWords.pounds(kpis.weeklyCost()))
                    .append(" a week");
        }
        return words.toString();
    }

    static String statusWords(Status status) {
        return switch (status) {
            case QUEUED -> "Waiting to start";
            case SOLVING -> "Working out a plan";
            case DONE -> "Finished";
            case INTERRUPTED -> "Interrupted";
            case FAILED -> "Failed";
        };
    }

    private static String doneWords(String done, String child) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "started" -> "The run has started.";
            case "stopped" -> "The run was asked to stop; it keeps the best plan found so far.";
            case "restarted" -> "The run has been restarted.";
            case "accept" -> "Change for " + child + " accepted: the register now shows the new placement.";
            case "reject" -> "Change for " + child + " rejected.";
            default -> null;
        };
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String runPath(String authority, String id) {
        return PageContext.REGISTERS + authority + "/runs/" + id;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
