package org.placementmatcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;
import org.placementmatcher.solver.PlanService;
import org.placementmatcher.solver.PlanService.PlanJob;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * Plans: solve a whole caseload in the background, read the best plan so far, its breakdown, stop early.
 * Starting and stopping need OFFICER, reading VIEWER; a plan is seen only by the user who started it and by users
 * holding its problem's homeAuthority (for anyone else it does not exist: 404).
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class PlanResource {

    static final int DEFAULT_SECONDS = 30;

    /**
     * A plan's status as the API tells it: {@code SOLVING} or {@code DONE} (contract section 5); {@code FAILED},
     * with an {@code error}, is an extension. A plan still waiting for a free solving thread
     * ({@code placement.plans.solver-threads}) is {@code SOLVING}, marked {@code queued}.
     */
    public enum PlanStatus {
        SOLVING,
        DONE,
        FAILED;

        static PlanStatus of(PlanService.Status status) {
            return switch (status) {
                case QUEUED, SOLVING -> SOLVING;
                case DONE -> DONE;
                case FAILED -> FAILED;
            };
        }
    }

    /** {@code queued} on the wire: true while the plan waits for a solving thread, absent otherwise. */
    static Boolean queuedFlag(PlanService.Status status) {
        return status == PlanService.Status.QUEUED ? Boolean.TRUE : null;
    }

    /**
     * {@code GET /api/plans/{id}}: status, whether the plan still waits for a solving thread, the best plan so far,
     * the time spent solving (0 while queued) and the time limit, in seconds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(
            String id,
            PlanStatus status,
            @Schema(description = QUEUED_DESCRIPTION) Boolean queued,
            PlacementPlan plan,
            String error,
            long elapsedSeconds,
            long limitSeconds) {
        static PlanView of(PlanJob job) {
            PlanService.Status status = job.status();
            return new PlanView(
                    job.id(),
                    PlanStatus.of(status),
                    queuedFlag(status),
                    job.plan(),
                    job.error(),
                    job.elapsedSeconds(),
                    job.limitSeconds());
        }
    }

    static final String QUEUED_DESCRIPTION = "Extension: true while the plan waits for a free solving thread "
            + "(status SOLVING, plan the unsolved start, elapsedSeconds 0); absent once it is solving or done";

    /** {@code POST /api/plans}: the id of the plan now solving. */
    public record PlanAccepted(String id) {}

    /** {@code GET /api/plans/{id}/analysis}: the best plan's score, per constraint, with who is behind each point. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnalysisView(
            String id,
            PlanStatus status,
            @Schema(description = QUEUED_DESCRIPTION) Boolean queued,
            String score,
            List<ScoreBreakdown.ConstraintTotal> constraints) {}

    private final PlanService plans;
    private final CurrentUser user;

    public PlanResource(PlanService plans, CurrentUser user) {
        this.plans = plans;
        this.user = user;
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start solving a PlacementProblem in the background",
            description = "Returns 202 with the plan id at once. seconds: the time limit, default 30, from 1 to "
                    + "placement.plans.max-seconds (600 by default); a value outside that range is not capped but "
                    + "refused with 400 naming seconds, and nothing is started.")
    @APIResponse(
            responseCode = "202",
            description = "Solving started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlanAccepted.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid problem, or seconds outside 1 to placement.plans.max-seconds: every error with "
                    + "its JSON path (seconds for the time limit)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    @APIResponse(responseCode = "429", description = "Too many plans held, all still solving")
    public Response create(
            @RequestBody(
                            description = "A PlacementProblem (contract section 1)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PlacementProblem.class)))
                    String body,
            @Parameter(
                            description = "time limit in seconds, default 30: from 1 to "
                                    + "placement.plans.max-seconds (600 by default); above it the request is "
                                    + "refused with 400, not capped",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("seconds")
                    Integer seconds) {
        int maxSeconds = (int) Math.min(Integer.MAX_VALUE, plans.maxSeconds());
        long limit = QueryParams.inRange("seconds", seconds, 1, maxSeconds, Math.min(DEFAULT_SECONDS, maxSeconds));
        PlacementProblem problem = ProblemReader.read(body);
        PlanJob job = plans.submit(problem, limit, user.username());
        return Response.accepted(new PlanAccepted(job.id()))
                .location(URI.create("/api/plans/" + job.id()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Status (SOLVING or DONE), time spent and limit, and the best PlacementPlan so far",
            description = "status is SOLVING or DONE (contract section 5); FAILED, with an error, if solving broke "
                    + "(an extension). A plan waiting for a free solving thread (placement.plans.solver-threads) is "
                    + "SOLVING with \"queued\": true (an extension), its plan the unsolved start and elapsedSeconds "
                    + "0; once it solves, queued is absent.")
    @APIResponse(
            responseCode = "200",
            description = "The plan's status, time spent, limit and best plan so far",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan id")
    public PlanView get(@PathParam("id") String id) {
        return PlanView.of(job(id));
    }

    @GET
    @Path("{id}/analysis")
    @Operation(
            summary =
                    "The best plan's score broken down per constraint, with the children and providers behind each point")
    @APIResponse(
            responseCode = "200",
            description = "The breakdown; its parts add up to the score",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan id")
    public AnalysisView analysis(@PathParam("id") String id) {
        PlanJob job = job(id);
        ScoreBreakdown.Analysis analysis = ScoreBreakdown.of(job.best());
        PlanService.Status status = job.status();
        return new AnalysisView(
                job.id(), PlanStatus.of(status), queuedFlag(status), analysis.score(), analysis.constraints());
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{id}")
    @Operation(summary = "Stop solving early; the best plan so far stays readable")
    @APIResponse(
            responseCode = "200",
            description = "The plan as it stands, solving stopped",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan id")
    public PlanView stop(@PathParam("id") String id) {
        job(id);
        return PlanView.of(plans.stop(id).orElseThrow(() -> notFound(id)));
    }

    /** The plan, if the user may see it: otherwise it is answered as unknown. */
    private PlanJob job(String id) {
        return plans.find(id)
                .filter(job -> user.maySeeWorkOf(job.startedBy(), job.homeAuthority()))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no plan with id " + id);
    }
}
