package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.rest.MatchResource;
import org.placementmatcher.security.Role;

/**
 * Match and emergency questions asked of a stored register: as POST /api/match and /api/emergency, with the
 * register as the problem and the child (or placeTogether group) named by id. OFFICER (contract section 6).
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
@Tag(ref = RegisterResource.TAG)
public class RegisterMatchResource {

    /** The body of a register match or emergency query: a child, who brings the rest of its placeTogether group. */
    public record MatchRequest(List<String> childIds) {}

    private static final String LIMIT = "At most this many options";

    private final RegisterService register;
    private final RegisterSight registerSight;

    public RegisterMatchResource(RegisterService register, RegisterSight registerSight) {
        this.register = register;
        this.registerSight = registerSight;
    }

    @POST
    @Path("{authority}/match")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ranked placement options for a child (or placeTogether group) of the stored register",
            description = "As POST /api/match, with the register as the problem: body {\"childIds\": [...]}")
    @APIResponse(
            responseCode = "200",
            description = "The options, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public MatchResult match(
            @PathParam("authority") String authority,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = MatchRequest.class)))
                    String body,
            @QueryParam("limit")
                    @DefaultValue("" + MatchService.DEFAULT_LIMIT)
                    @Parameter(
                            description = LIMIT,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MatchService.MAX_LIMIT))
                    int limit) {
        return query(authority, body, limit, false);
    }

    @POST
    @Path("{authority}/emergency")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Same-day emergency query against the stored register",
            description = "As POST /api/emergency, with the register as the problem: body {\"childIds\": [...]}")
    @APIResponse(
            responseCode = "200",
            description = "The options, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public MatchResult emergency(
            @PathParam("authority") String authority,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = MatchRequest.class)))
                    String body,
            @QueryParam("limit")
                    @DefaultValue("" + MatchService.DEFAULT_LIMIT)
                    @Parameter(
                            description = LIMIT,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MatchService.MAX_LIMIT))
                    int limit) {
        return query(authority, body, limit, true);
    }

    private MatchResult query(String authority, String body, int limit, boolean emergency) {
        JsonNode root = ProblemReader.jsonObject(body);
        List<ProblemError> errors = new ArrayList<>();
        List<String> childIds = MatchResource.MatchRequest.childIds(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        registerSight.requireSeen(authority, childIds);
        return MatchService.match(register.caseload(authority), childIds, limit, emergency);
    }
}
