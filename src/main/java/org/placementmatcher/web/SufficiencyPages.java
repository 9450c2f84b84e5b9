package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;
import org.placementmatcher.sufficiency.AnalysisJobs;
import org.placementmatcher.sufficiency.JobSight;
import org.placementmatcher.sufficiency.SufficiencyCsv;
import org.placementmatcher.sufficiency.SufficiencyJobs;
import org.placementmatcher.sufficiency.SufficiencyReport;
import org.placementmatcher.sufficiency.SufficiencyResource;

/**
 * The sufficiency pages of a register (docs/contract.md section 7): start a report on the register as it stands
 * (OFFICER), then read where one more place would do the most good, the kinds of place worth commissioning, and
 * the children whose need the plan meets least well, with the CSV exports. A report is held in memory and seen
 * by who started it and the users of its authority, as in the API.
 */
@Path("/registers/{authority}/sufficiency")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER_NAME)
public class SufficiencyPages {

    private static final String CSV = "text/csv";

    private final Template start;
    private final Template report;
    private final RegisterService registers;
    private final SufficiencyJobs jobs;
    private final CurrentUser user;
    private final JobSight sight;

    public SufficiencyPages(
            @Location("web/sufficiency/start.html") Template start,
            @Location("web/sufficiency/report.html") Template report,
            RegisterService registers,
            SufficiencyJobs jobs,
            CurrentUser user,
            JobSight sight) {
        this.sight = sight;
        this.start = start;
        this.report = report;
        this.registers = registers;
        this.jobs = jobs;
        this.user = user;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance start(@PathParam("authority") String authority) {
        registers.get(authority);
        return startPage(authority, String.valueOf(SufficiencyResource.DEFAULT_SECONDS), null);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("authority") String authority, @FormParam("seconds") String seconds) {
        Integer asked;
        try {
            asked = seconds == null || seconds.isBlank() ? null : Integer.valueOf(seconds.trim());
        } catch (NumberFormatException e) {
            return invalid(authority, seconds, "Enter the time limit as a whole number of seconds");
        }
        long limit;
        try {
            limit = SufficiencyResource.seconds(jobs, asked);
        } catch (InvalidProblemException e) {
            return invalid(authority, seconds, "Enter a time limit from 1 to " + jobs.maxSeconds() + " seconds");
        }
        AnalysisJobs.Job<SufficiencyReport> job =
                jobs.submitOnRegister(registers.whole(authority).problem(), limit, user.username());
        return Response.seeOther(URI.create(SufficiencyView.base(authority) + "/" + job.id()))
                .build();
    }

    private Response invalid(String authority, String seconds, String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(startPage(authority, seconds, message))
                .build();
    }

    private TemplateInstance startPage(String authority, String seconds, String error) {
        return start.data("authority", authority)
                .data("seconds", seconds)
                .data("error", error)
                .data("errors", error == null ? List.of() : List.of(new FieldError("seconds", error)))
                .data("maxSeconds", jobs.maxSeconds())
                .data("mayStart", user.has(Role.OFFICER));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance report(@PathParam("authority") String authority, @PathParam("id") String id) {
        AnalysisJobs.Job<SufficiencyReport> job = job(authority, id);
        // The status before the report: a job ends by setting its final report, then DONE, so DONE read first comes
        // with the whole report; read after, it could come with the partial report of the plan alone.
        AnalysisJobs.Status status = job.status();
        SufficiencyReport shown = sight.report(job);
        return report.data(
                "view",
                SufficiencyView.of(
                        authority, job, status, shown, registers.get(authority).problem()));
    }

    @GET
    @Path("{id}/segments.csv")
    @Produces(CSV)
    @Operation(hidden = true)
    public Response segments(@PathParam("authority") String authority, @PathParam("id") String id) {
        return csv(authority, id, "segments", done -> SufficiencyCsv.segments(done.segments()));
    }

    @GET
    @Path("{id}/unmet-need.csv")
    @Produces(CSV)
    @Operation(hidden = true)
    public Response unmetNeed(@PathParam("authority") String authority, @PathParam("id") String id) {
        return csv(authority, id, "unmet-need", done -> SufficiencyCsv.unmetNeed(done.unmetNeed()));
    }

    private Response csv(String authority, String id, String name, Function<SufficiencyReport, String> write) {
        AnalysisJobs.Job<SufficiencyReport> job = job(authority, id);
        if (job.status() != AnalysisJobs.Status.DONE) {
            throw new NotFoundException("the report is not ready yet");
        }
        return Response.ok(write.apply(sight.report(job)), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + authority + "-" + name + ".csv\"")
                .build();
    }

    /** The report of this register, if the user may see it; otherwise unknown (404), as in the API. */
    private AnalysisJobs.Job<SufficiencyReport> job(String authority, String id) {
        return jobs.find(id)
                .filter(job -> authority.equals(job.homeAuthority()))
                .filter(job -> user.maySeeWorkOf(job.startedBy(), job.homeAuthority()))
                .orElseThrow(() -> new NotFoundException("no sufficiency report " + id + " for this register"));
    }
}
