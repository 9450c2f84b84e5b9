package org.placementmatcher.sufficiency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/** A sufficiency report on an authority's register as it stands; read it at {@code /api/sufficiency/{id}}. */
@Path("/api/register/{authority}/sufficiency")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
public class RegisterSufficiencyResource {

    private final RegisterService registers;
    private final SufficiencyJobs jobs;
    private final CurrentUser user;

    public RegisterSufficiencyResource(RegisterService registers, SufficiencyJobs jobs, CurrentUser user) {
        this.user = user;
        this.registers = registers;
        this.jobs = jobs;
    }

    @POST
    @Operation(
            summary = "Start a sufficiency report on the register's current state",
            description = "As POST /api/sufficiency with the register's problem; read the report at "
                    + "/api/sufficiency/{id}. seconds: the plan's time limit (default 15).")
    @APIResponse(
            responseCode = "202",
            description = "Started; Location names the report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SufficiencyResource.Accepted.class)))
    @APIResponse(responseCode = "400", description = "A bad seconds or authority, named")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(responseCode = "429", description = "Too many reports held, all still being worked out")
    public Response start(
            @PathParam("authority") String authority,
            @Parameter(
                            description = "the plan's time limit in seconds (default 15, at most "
                                    + "placement.sufficiency.max-seconds)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("seconds")
                    Integer seconds) {
        long limit = SufficiencyResource.seconds(jobs, seconds);
        // The whole register (contract section 8): every child holds its place; readers see only their children.
        return SufficiencyResource.accepted(
                jobs.submitOnRegister(registers.whole(authority).problem(), limit, user.username()));
    }
}
