package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.rest.ApiErrors;
import org.placementmatcher.rest.QueryParams;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Sufficiency reports (docs/contract.md section 7): where one more place would do the most good, worked out in the
 * background; the report as JSON, its segments and unmet need also as CSV.
 */
@Path("/api/sufficiency")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class SufficiencyResource {

    /** The plan's default time limit: the whole county report is then ready within a minute. */
    public static final int DEFAULT_SECONDS = 15;

    static final String CSV = "text/csv";

    /** {@code POST}: the id of the report now being worked out. */
    public record Accepted(String id) {}

    /**
     * {@code GET /api/sufficiency/{id}}: status (QUEUED, SOLVING, DONE, FAILED or STOPPED), the report (while
     * SOLVING, once the plan is ready: the plan alone), the time spent and the plan's time limit in seconds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(
            String id,
            AnalysisJobs.Status status,
            SufficiencyReport report,
            String error,
            long elapsedSeconds,
            long limitSeconds) {
        static ReportView of(AnalysisJobs.Job<SufficiencyReport> job, JobSight sight) {
            return new ReportView(
                    job.id(), job.status(), sight.report(job), job.error(), job.elapsedSeconds(), job.limitSeconds());
        }
    }

    private final SufficiencyJobs jobs;
    private final JobSight sight;
    private final CurrentUser user;

    public SufficiencyResource(SufficiencyJobs jobs, CurrentUser user, JobSight sight) {
        this.jobs = jobs;
        this.sight = sight;
        this.user = user;
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a sufficiency report on a PlacementProblem in the background",
            description = "Returns 202 with the report's id at once. seconds: the plan's time limit (default 15, "
                    + "at most placement.sufficiency.max-seconds, more is refused with 400); the place values take a few "
                    + "seconds more.")
    @APIResponse(
            responseCode = "202",
            description = "Started; Location names the report",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid problem or seconds: every error with its JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    @APIResponse(responseCode = "429", description = "Too many reports held, all still being worked out")
    public Response create(
            @RequestBody(
                            description = "A PlacementProblem (contract section 1)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PlacementProblem.class)))
                    String body,
            @Parameter(
                            description = "the plan's time limit in seconds (default 15, at most "
                                    + "placement.sufficiency.max-seconds)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("seconds")
                    Integer seconds) {
        long limit = seconds(jobs, seconds);
        return accepted(jobs.submit(ProblemReader.read(body), limit, user.username()));
    }

    /** The seconds asked for, checked (400 naming {@code seconds}), or the default. */
    public static long seconds(SufficiencyJobs jobs, Integer seconds) {
        int max = (int) Math.min(Integer.MAX_VALUE, jobs.maxSeconds());
        return QueryParams.inRange("seconds", seconds, 1, max, Math.min(DEFAULT_SECONDS, max));
    }

    static Response accepted(AnalysisJobs.Job<SufficiencyReport> job) {
        return Response.accepted(new Accepted(job.id()))
                .location(URI.create(SufficiencyJobs.PATH + "/" + job.id()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The report's status and, once done, the report")
    @APIResponse(
            responseCode = "200",
            description = "Status, report (or the plan alone while the values are worked out), time spent and limit",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown report id")
    public ReportView get(@PathParam("id") String id) {
        return ReportView.of(job(id), sight);
    }

    @GET
    @Path("{id}/segments.csv")
    @Produces(CSV)
    @Operation(summary = "The report's segments as CSV (header row; columns as in the JSON)")
    @APIResponse(responseCode = "200", description = "The segments, best first")
    @APIResponse(responseCode = "404", description = "Unknown report id")
    @APIResponse(responseCode = "409", description = "The report is not ready yet")
    public Response segments(@PathParam("id") String id) {
        return csv(id, "segments", report -> SufficiencyCsv.segments(report.segments()));
    }

    @GET
    @Path("{id}/unmet-need.csv")
    @Produces(CSV)
    @Operation(summary = "The report's unmet need as CSV (header row; columns as in the JSON)")
    @APIResponse(responseCode = "200", description = "The groups of children, the largest first")
    @APIResponse(responseCode = "404", description = "Unknown report id")
    @APIResponse(responseCode = "409", description = "The report is not ready yet")
    public Response unmetNeed(@PathParam("id") String id) {
        return csv(id, "unmet-need", report -> SufficiencyCsv.unmetNeed(report.unmetNeed()));
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{id}")
    @Operation(summary = "Stop the report early; what was worked out so far stays readable")
    @APIResponse(
            responseCode = "200",
            description = "The report as it stands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown report id")
    public ReportView stop(@PathParam("id") String id) {
        job(id);
        return ReportView.of(jobs.stop(id).orElseThrow(() -> notFound(id)), sight);
    }

    private Response csv(String id, String name, Function<SufficiencyReport, String> write) {
        AnalysisJobs.Job<SufficiencyReport> job = job(id);
        if (job.status() != AnalysisJobs.Status.DONE) {
            throw new ClientErrorException("the report is not ready yet (status " + job.status() + ")", 409);
        }
        return Response.ok(write.apply(sight.report(job)), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .build();
    }

    /** The report, if the user may see it (who asked, or a user of its home authority): otherwise unknown. */
    private AnalysisJobs.Job<SufficiencyReport> job(String id) {
        return jobs.find(id)
                .filter(job -> user.maySeeWorkOf(job.startedBy(), job.homeAuthority()))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no sufficiency report with id " + id);
    }
}
