package org.placementmatcher.sufficiency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.rest.ApiErrors;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/** What-if scenarios on a register's current state: read once, then solved as {@code POST /api/scenarios} would. */
@Path("/api/register/{authority}/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
public class RegisterScenarioResource {

    private final ScenarioService scenarios;
    private final RegisterService registers;
    private final CurrentUser user;

    public RegisterScenarioResource(ScenarioService scenarios, RegisterService registers, CurrentUser user) {
        this.scenarios = scenarios;
        this.registers = registers;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Optimise the register's current state and what-if scenarios on it side by side",
            description = "Returns 202 with the id at once; read the answer at GET /api/scenarios/{id}. The body has "
                    + "only \"scenarios\": the register, as it stands now, is the problem.")
    @APIResponse(
            responseCode = "202",
            description = "Started; Location names the job",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScenarioResource.ScenariosAccepted.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid scenarios or seconds: every error with its JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(responseCode = "429", description = "Too many scenario jobs held, all still running")
    public Response create(
            @PathParam("authority") String authority,
            @RequestBody(
                            description = "The scenarios to try on the register (contract section 7)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema =
                                                    @Schema(
                                                            implementation =
                                                                    ScenarioResource.RegisterScenariosRequest.class)))
                    String body,
            @Parameter(
                            description = ScenarioResource.SECONDS,
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("seconds")
                    Integer seconds) {
        long limit = ScenarioResource.seconds(scenarios, seconds);
        RegisterService.checkAuthority(authority);
        PlacementProblem register = registers.whole(authority).problem();
        return ScenarioResource.accepted(
                scenarios.submitOn(body, register, registers.scope(authority), limit, user.username()));
    }
}
