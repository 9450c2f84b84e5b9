package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.RunDecisions.DecisionRequest;
import org.placementmatcher.register.RunDecisions.DecisionView;
import org.placementmatcher.register.RunStore.Trigger;
import org.placementmatcher.register.RunViews.RunSummary;
import org.placementmatcher.register.RunViews.RunView;
import org.placementmatcher.rest.QueryParams;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Re-optimisation runs of an authority's register, their proposed changes, and the decisions on them. Reading
 * needs VIEWER, starting, stopping and restarting runs OFFICER, deciding at least MANAGER (and more for some
 * changes: security.ApprovalPolicy). Who asks is the authenticated user.
 */
@Path("/api/register/{authority}/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class RunResource {

    /** The answer to a run started or restarted: its id (the Location header names the run). */
    public record Started(String id) {}

    private static final String GONE = "The run's snapshot, plan and analysis were deleted under the retention "
            + "policy (placement.retention.run-data); the JSON error says so. Its summary and decisions remain.";
    private static final String SECONDS = "Time limit in seconds, at most placement.runs.max-seconds";

    private final RunService runs;
    private final RunViews views;
    private final RunDecisions decisions;
    private final CurrentUser user;

    public RunResource(RunService runs, RunViews views, RunDecisions decisions, CurrentUser user) {
        this.runs = runs;
        this.views = views;
        this.decisions = decisions;
        this.user = user;
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Operation(
            summary = "Start a re-optimisation run of the register now",
            description =
                    "Solves a snapshot of the register in the background, as POST /api/plans would. seconds: time "
                            + "limit (default placement.runs.seconds, at most placement.runs.max-seconds, more is refused with 400); referenceDate: "
                            + "'today' for the run (default the register's referenceDate). Who asks: the authenticated user.")
    @APIResponse(
            responseCode = "202",
            description = "Started (QUEUED until a solving thread is free); Location names the run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @APIResponse(responseCode = "400", description = "A bad seconds or referenceDate, named")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(responseCode = "409", description = "The service is stopping")
    public Response start(
            @PathParam("authority") String authority,
            @QueryParam("seconds")
                    @Parameter(
                            description = SECONDS,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    Integer seconds,
            @QueryParam("referenceDate")
                    @Parameter(
                            description = "'Today' for the run, YYYY-MM-DD",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String referenceDate) {
        RegisterService.checkAuthority(authority);
        long limit = QueryParams.inRange("seconds", seconds, 1, runs.maxSeconds(), runs.defaultSeconds());
        RunSummary run = runs.start(authority, limit, date(referenceDate), Trigger.MANUAL, user.username());
        return accepted(authority, run.id());
    }

    @GET
    @Operation(summary = "The authority's runs, newest first, without their plans")
    @APIResponse(
            responseCode = "200",
            description = "The runs, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RunSummary.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, named")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public List<RunSummary> list(
            @PathParam("authority") String authority,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Parameter(
                            description = "At most this many runs",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "10000"))
                    int limit) {
        return views.list(authority, limit);
    }

    @GET
    @Path("{id}")
    @Operation(
            summary =
                    "A run: status (QUEUED, SOLVING, DONE, INTERRUPTED, FAILED), time spent and limit, plan, KPIs and proposed changes with decisions",
            description = "Once the run's data were deleted under the retention policy, dataDeletedAt says when: the "
                    + "plan is gone and each proposed change keeps only childId, kind, fromProviderId, toProviderId, "
                    + "scoreGain and its decision.")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    @AccessLogged(AccessLog.Kind.RUN_PLAN)
    public RunView get(@PathParam("authority") String authority, @PathParam("id") String id) {
        return views.view(authority, id);
    }

    @GET
    @Path("{id}/snapshot")
    @Operation(summary = "The PlacementProblem the run solved, as it was when the run started")
    @APIResponse(
            responseCode = "200",
            description = "The problem as the run saw it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlacementProblem.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    @APIResponse(responseCode = "410", description = GONE)
    @AccessLogged(AccessLog.Kind.RUN_SNAPSHOT)
    public PlacementProblem snapshot(@PathParam("authority") String authority, @PathParam("id") String id) {
        return views.snapshot(authority, id);
    }

    @GET
    @Path("{id}/analysis")
    @Operation(summary = "The run's plan scored per constraint, with the children and providers behind each point")
    @APIResponse(
            responseCode = "200",
            description = "Per constraint: its total and the children and providers behind each point")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    @APIResponse(responseCode = "409", description = "The run has not finished: no analysis yet")
    @APIResponse(responseCode = "410", description = GONE)
    @AccessLogged(AccessLog.Kind.RUN_ANALYSIS)
    public JsonNode analysis(@PathParam("authority") String authority, @PathParam("id") String id) {
        return views.analysis(authority, id);
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "The audit entries of the run: started, finished or interrupted, restarted, decisions")
    @APIResponse(
            responseCode = "200",
            description = "The run's entries, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditLog.Entry.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    public List<AuditLog.Entry> audit(@PathParam("authority") String authority, @PathParam("id") String id) {
        return views.audit(authority, id);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{id}/restart")
    @Operation(
            summary = "Solve an INTERRUPTED (or FAILED) run again from its stored snapshot, under the same id",
            description = "seconds: a new time limit (default the run's own)")
    @APIResponse(
            responseCode = "202",
            description = "Restarted; Location names the run",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @APIResponse(responseCode = "400", description = "A bad seconds, named")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    @APIResponse(
            responseCode = "409",
            description = "The run is SOLVING or DONE, solving on another instance, or the service is stopping")
    @APIResponse(responseCode = "410", description = GONE)
    public Response restart(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @QueryParam("seconds")
                    @Parameter(
                            description = SECONDS + " (default the run's own)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    Integer seconds) {
        Long limit = seconds == null ? null : (long) QueryParams.inRange("seconds", seconds, 1, runs.maxSeconds(), 0);
        runs.restart(authority, id, limit, user.username());
        return accepted(authority, id);
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{id}")
    @Operation(summary = "Stop solving early: the run finishes (DONE) with the best plan found so far")
    @APIResponse(
            responseCode = "200",
            description = "The run, stopped",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RunSummary.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such run")
    @APIResponse(responseCode = "409", description = "The run is solving on another instance of the service")
    public RunSummary stop(@PathParam("authority") String authority, @PathParam("id") String id) {
        return runs.stop(authority, id);
    }

    @POST
    @RolesAllowed(Role.MANAGER_NAME)
    @Path("{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept or reject a proposed change",
            description =
                    "Body {\"childId\", \"decision\": \"ACCEPT\"|\"REJECT\", \"reason\"} (\"decidedBy\", if given, must be the "
                            + "authenticated user, who is recorded). Rejecting needs MANAGER; accepting needs the role the change's "
                            + "approval names (NONE: MANAGER). A change of a "
                            + "placeTogether group is decided for the whole group. Accepting updates the child's current placement "
                            + "in the register; both are audited. A second decision on the same change is refused (409).")
    @APIResponse(
            responseCode = "200",
            description = "Decided; warnings name rules the children now break in the register",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid decision, or a decidedBy other than the user: every error with its JSON path")
    @APIResponse(responseCode = "403", description = "The change's approval needs a role the user does not hold")
    @APIResponse(
            responseCode = "404",
            description = "No register for the authority, no such run, or the run proposes no change for the child")
    @APIResponse(
            responseCode = "409",
            description = "Already decided, the run is not DONE, or the register changed since")
    @APIResponse(responseCode = "410", description = GONE)
    public DecisionView decide(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = DecisionRequest.class)))
                    String body) {
        return decisions.decide(authority, id, JsonBodies.bind(body, DecisionRequest.class));
    }

    private static Response accepted(String authority, String id) {
        return Response.accepted(new Started(id))
                .location(URI.create("/api/register/" + authority + "/runs/" + id))
                .build();
    }

    private static LocalDate date(String value) {
        return QueryParams.isoDate("referenceDate", value);
    }
}
