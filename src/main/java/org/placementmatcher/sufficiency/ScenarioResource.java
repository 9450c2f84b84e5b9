package org.placementmatcher.sufficiency;

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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.rest.ApiErrors;
import org.placementmatcher.rest.QueryParams;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;
import org.placementmatcher.sufficiency.AnalysisJobs.Job;
import org.placementmatcher.sufficiency.ScenarioResults.Baseline;
import org.placementmatcher.sufficiency.ScenarioResults.Outcome;
import org.placementmatcher.sufficiency.ScenarioResults.Result;

/**
 * What-if scenarios (contract section 7): the baseline and each scenario optimised side by side in the background
 * from the same starting state, each plan with its difference from the baseline's.
 */
@Path(ScenarioService.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class ScenarioResource {

    static final int DEFAULT_SECONDS = 30;

    static final String SECONDS =
            "time limit of each solve in seconds (default 30, at most placement.plans.max-seconds); "
                    + "each solve normally ends sooner, after its fixed budget of moves tried, so the same request gives the same plans";

    /** One scenario of a request (documentation of the body; the body itself is read by {@link ScenarioReader}). */
    public record ScenarioInput(
            @Schema(required = true, description = "unique within the request")
            String name,

            List<ProviderInput> addProviders,

            @Schema(description = "providers closed: the children placed there must move or are left unplaced")
            List<String> removeProviderIds,

            List<WeeklyCost> weeklyCosts,
            List<ChildInput> addChildren,

            @Schema(description = "laid over the problem's weights")
            Map<String, Long> weights) {}

    public record WeeklyCost(String providerId, double weeklyCost) {}

    /** {@code POST /api/scenarios}: a problem and up to placement.scenarios.max-scenarios scenarios. */
    public record ScenariosRequest(PlacementProblem problem, List<ScenarioInput> scenarios) {}

    /** {@code POST /api/register/{authority}/scenarios}: the register is the problem. */
    public record RegisterScenariosRequest(List<ScenarioInput> scenarios) {}

    public record ScenariosAccepted(String id) {}

    /**
     * {@code GET /api/scenarios/{id}}: status, how many solves are done of how many (the baseline and each scenario),
     * and the baseline's and scenarios' plans so far.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScenariosView(
            String id,
            AnalysisJobs.Status status,
            String error,
            AnalysisJobs.Progress progress,
            long elapsedSeconds,
            long limitSeconds,
            Baseline baseline,
            List<Outcome> scenarios) {
        static ScenariosView of(Job<Result> job, JobSight sight) {
            // The status before the result: a job ends by setting its final result, then DONE, so DONE read first
            // comes with every scenario; read after, it could come with the partial result of the baseline alone.
            AnalysisJobs.Status status = job.status();
            Result result = sight.result(job);
            return new ScenariosView(
                    job.id(),
                    status,
                    job.error(),
                    job.progress(),
                    job.elapsedSeconds(),
                    job.limitSeconds(),
                    result == null ? null : result.baseline(),
                    result == null ? List.of() : result.scenarios());
        }
    }

    private final ScenarioService scenarios;
    private final CurrentUser user;
    private final JobSight sight;

    public ScenarioResource(ScenarioService scenarios, CurrentUser user, JobSight sight) {
        this.scenarios = scenarios;
        this.sight = sight;
        this.user = user;
    }

    /** The seconds asked for, checked against the cap: a 400 naming {@code seconds} when out of range. */
    static long seconds(ScenarioService scenarios, Integer seconds) {
        int max = (int) Math.min(Integer.MAX_VALUE, scenarios.maxSeconds());
        return QueryParams.inRange("seconds", seconds, 1, max, Math.min(DEFAULT_SECONDS, max));
    }

    static Response accepted(Job<Result> job) {
        return Response.accepted(new ScenariosAccepted(job.id()))
                .location(URI.create(ScenarioService.PATH + "/" + job.id()))
                .build();
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Optimise a problem and its what-if scenarios side by side in the background",
            description = "Returns 202 with the id at once. The baseline and every scenario start from the same state, "
                    + "with the same budget and time limit.")
    @APIResponse(
            responseCode = "202",
            description = "Started (QUEUED until a thread is free); Location names the job",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenariosAccepted.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid problem, scenarios or seconds: every error with its JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    @APIResponse(responseCode = "429", description = "Too many scenario jobs held, all still running")
    public Response create(
            @RequestBody(
                            description = "A PlacementProblem and the scenarios to try on it (contract section 7)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ScenariosRequest.class)))
                    String body,
            @Parameter(description = SECONDS, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("seconds")
                    Integer seconds) {
        long limit = seconds(scenarios, seconds);
        return accepted(scenarios.submit(body, limit, user.username()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Status (QUEUED, SOLVING, DONE, FAILED or STOPPED), progress, the baseline's plan and each "
                    + "scenario's plan with its delta from the baseline, so far")
    @APIResponse(
            responseCode = "200",
            description = "The job as it stands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenariosView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    public ScenariosView get(@PathParam("id") String id) {
        return ScenariosView.of(job(id), sight);
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{id}")
    @Operation(summary = "Stop early: the plans worked out so far stay readable, the job is STOPPED")
    @APIResponse(
            responseCode = "200",
            description = "The job as it stands, stopping",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenariosView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    public ScenariosView stop(@PathParam("id") String id) {
        job(id);
        return ScenariosView.of(scenarios.stop(id).orElseThrow(() -> notFound(id)), sight);
    }

    /** The job, if the user may see it (who asked, or a user of its home authority): otherwise unknown. */
    private Job<Result> job(String id) {
        return scenarios
                .find(id)
                .filter(job -> user.maySeeWorkOf(job.startedBy(), job.homeAuthority()))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no scenarios with id " + id);
    }
}
