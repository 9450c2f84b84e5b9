package org.placementmatcher.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.rest.QueryParams;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The overnight runs started by hand (ADMIN only, an operations endpoint): every register's run now, as the
 * cluster's overnight trigger would start them but requested by the administrator (their username), each executed by whichever instance of the cluster is free (docs/operations.md).
 */
@Path("/api/admin/overnight")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class OvernightResource {

    /** A run started: its authority and id. */
    public record StartedRun(String authority, String id) {}

    /** The answer: the runs started, one per register without a run still solving. */
    public record Started(List<StartedRun> runs) {}

    private final RunSchedule schedule;
    private final RunService runs;
    private final CurrentUser user;

    public OvernightResource(RunSchedule schedule, RunService runs, CurrentUser user) {
        this.schedule = schedule;
        this.runs = runs;
        this.user = user;
    }

    @POST
    @Operation(
            summary = "Start the overnight run of every register now",
            description =
                    "A scheduled run (requestedBy: the administrator's username) of every register that has no run still solving,"
                            + " as of today or the register's later referenceDate; the runs are queued for the instances of"
                            + " the cluster, each executed by one (executedBy in the run's view).")
    @APIResponse(
            responseCode = "202",
            description = "The runs started, with their authorities and ids",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @APIResponse(responseCode = "400", description = "A bad seconds, or an authority without a register, named")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Response start(
            @QueryParam("seconds")
                    @Parameter(
                            description = "Time limit of each run in seconds (default placement.runs.seconds, at most"
                                    + " placement.runs.max-seconds)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    Integer seconds,
            @QueryParam("authority")
                    @Parameter(description = "Only these registers' runs (repeatable); none: every register's")
                    List<String> authorities) {
        List<ProblemError> errors = new ArrayList<>();
        long limit = runs.defaultSeconds();
        try {
            limit = QueryParams.inRange("seconds", seconds, 1, runs.maxSeconds(), runs.defaultSeconds());
        } catch (InvalidProblemException e) {
            errors.addAll(e.errors());
        }
        List<String> named = authorities == null ? List.of() : authorities;
        errors.addAll(schedule.withoutRegister(named));
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        List<StartedRun> started = schedule.overnightNow(limit, named, user.username()).stream()
                .map(run -> new StartedRun(run.authority(), run.id()))
                .toList();
        return Response.accepted(new Started(started)).build();
    }
}
