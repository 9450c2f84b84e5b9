package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.register.RegisterChange.EndPlacement;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.StartPlacement;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Placements recorded as they happen: a child's placement starting (or a move) and ending. OFFICER, like every
 * change of a register; each is audited with its date and reason.
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
@Tag(ref = RegisterResource.TAG)
public class PlacementResource {

    /** The body of a placement start. */
    public record PlacementStart(String providerId, LocalDate startDate, Boolean pinned, String reason) {}

    /** The body of a placement end. */
    public record PlacementEnd(LocalDate endDate, String reason) {}

    private final RegisterService register;
    private final CurrentUser user;

    public PlacementResource(RegisterService register, CurrentUser user) {
        this.register = register;
        this.user = user;
    }

    @POST
    @Path("{authority}/children/{id}/placement/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a placement starting (or a move): the child's current placement becomes the provider",
            description = "Body {\"providerId\", \"startDate\", \"pinned\", \"reason\"}; needsMove is cleared.")
    @APIResponse(
            responseCode = "200",
            description = "The child as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(responseCode = "409", description = "Already placed there, or the register would break a rule")
    public JsonNode startPlacement(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PlacementStart.class)))
                    String body) {
        PlacementStart start = JsonBodies.bind(body, PlacementStart.class);
        TextRules.requireFreeText("$.reason", start.reason());
        Map<String, Object> context = new LinkedHashMap<>();
        putIfPresent(context, "startDate", start.startDate());
        putIfPresent(context, "reason", start.reason());
        return register.apply(
                        authority, user.username(), new StartPlacement(id, start.providerId(), start.pinned(), context))
                .record(Kind.CHILD, id);
    }

    @POST
    @Path("{authority}/children/{id}/placement/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a placement ending: the child has no current placement any more",
            description = "Body {\"endDate\", \"reason\"}; pinned and needsMove are cleared.")
    @APIResponse(
            responseCode = "200",
            description = "The child as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(responseCode = "409", description = "The child has no current placement")
    public JsonNode endPlacement(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PlacementEnd.class)))
                    String body) {
        PlacementEnd end = body == null || body.isBlank()
                ? new PlacementEnd(null, null)
                : JsonBodies.bind(body, PlacementEnd.class);
        TextRules.requireFreeText("$.reason", end.reason());
        Map<String, Object> context = new LinkedHashMap<>();
        putIfPresent(context, "endDate", end.endDate());
        putIfPresent(context, "reason", end.reason());
        return register.apply(authority, user.username(), new EndPlacement(id, context))
                .record(Kind.CHILD, id);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
