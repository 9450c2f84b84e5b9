package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.register.RegisterChange.DeleteRecord;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.PatchRecord;
import org.placementmatcher.register.RegisterChange.PutRecord;
import org.placementmatcher.register.RegisterService.Applied;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The providers and children of a register, one record at a time or every record of one kind: read (VIEWER), add or
 * replace whole, change some fields (JSON merge patch) and remove (OFFICER). Each change is one register change,
 * audited as the authenticated user's; the register must stay valid as a whole.
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(ref = RegisterResource.TAG)
public class RegisterRecordResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final RegisterService register;
    private final CurrentUser user;

    public RegisterRecordResource(RegisterService register, CurrentUser user) {
        this.register = register;
        this.user = user;
    }

    @GET
    @Path("{authority}/providers")
    @Operation(summary = "Every provider of the register")
    @APIResponse(
            responseCode = "200",
            description = "Every provider; header X-Register-Version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderInput.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public Response providers(@PathParam("authority") String authority) {
        Register stored = register.get(authority);
        return Response.ok(stored.problem().providers())
                .header(RegisterResource.VERSION, stored.version())
                .build();
    }

    @AccessLogged(AccessLog.Kind.ALL_CHILDREN)
    @GET
    @Path("{authority}/children")
    @Operation(summary = "Every child of the register")
    @APIResponse(
            responseCode = "200",
            description = "Every child; header X-Register-Version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ChildInput.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public Response children(@PathParam("authority") String authority) {
        Register stored = register.get(authority);
        return Response.ok(stored.problem().children())
                .header(RegisterResource.VERSION, stored.version())
                .build();
    }

    @GET
    @Path("{authority}/providers/{id}")
    @Operation(summary = "One provider")
    @APIResponse(
            responseCode = "200",
            description = "The provider",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderInput.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    public JsonNode provider(@PathParam("authority") String authority, @PathParam("id") String id) {
        return register.record(authority, Kind.PROVIDER, id);
    }

    @GET
    @Path("{authority}/children/{id}")
    @Operation(summary = "One child")
    @APIResponse(
            responseCode = "200",
            description = "The child",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @AccessLogged(AccessLog.Kind.CHILD_RECORD)
    public JsonNode child(@PathParam("authority") String authority, @PathParam("id") String id) {
        return register.record(authority, Kind.CHILD, id);
    }

    @PUT
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/providers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a provider, or replace it whole",
            description = "The contract's provider record (section 1.1); "
                    + "the register must stay valid as a whole. 201 when added, 200 when replaced.")
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names the record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderInput.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public Response putProvider(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ProviderInput.class)))
                    String body) {
        return putRecord(authority, Kind.PROVIDER, id, body);
    }

    @PUT
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/children/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a child, or replace it whole",
            description = "The contract's child record (section 1.2); "
                    + "the register must stay valid as a whole. 201 when added, 200 when replaced.")
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names the record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public Response putChild(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ChildInput.class)))
                    String body) {
        return putRecord(authority, Kind.CHILD, id, body);
    }

    @PATCH
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/providers/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change some fields of a provider (JSON merge patch: null removes a field)")
    @APIResponse(
            responseCode = "200",
            description = "The provider as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public JsonNode patchProvider(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            description = "The fields to change (JSON merge patch); null removes one",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ProviderInput.class)),
                                @Content(
                                        mediaType = MERGE_PATCH,
                                        schema = @Schema(implementation = ProviderInput.class))
                            })
                    String body) {
        return patchRecord(authority, Kind.PROVIDER, id, body);
    }

    @PATCH
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/children/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change some fields of a child (JSON merge patch: null removes a field)")
    @APIResponse(
            responseCode = "200",
            description = "The child as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChildInput.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public JsonNode patchChild(
            @PathParam("authority") String authority,
            @PathParam("id") String id,
            @RequestBody(
                            description = "The fields to change (JSON merge patch); null removes one",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ChildInput.class)),
                                @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ChildInput.class))
                            })
                    String body) {
        return patchRecord(authority, Kind.CHILD, id, body);
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/providers/{id}")
    @Operation(
            summary = "Remove a provider",
            description = "409 while a child is placed there or it is otherwise referred to")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(responseCode = "409", description = "A child is placed there or another record refers to it")
    public Response deleteProvider(@PathParam("authority") String authority, @PathParam("id") String id) {
        register.apply(authority, user.username(), new DeleteRecord(Kind.PROVIDER, id));
        return Response.noContent().build();
    }

    @DELETE
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}/children/{id}")
    @Operation(summary = "Remove a child (e.g. leaving care)", description = "409 while a provider refers to the child")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @APIResponse(responseCode = "409", description = "A provider refers to the child")
    public Response deleteChild(@PathParam("authority") String authority, @PathParam("id") String id) {
        register.apply(authority, user.username(), new DeleteRecord(Kind.CHILD, id));
        return Response.noContent().build();
    }

    private Response putRecord(String authority, Kind kind, String id, String body) {
        Applied applied =
                register.apply(authority, user.username(), new PutRecord(kind, id, ProblemReader.jsonObject(body)));
        URI location = URI.create("/api/register/" + authority + "/" + kind.list + "/" + id);
        return (applied.added(kind, id) ? Response.created(location) : Response.ok())
                .entity(applied.record(kind, id, register.scope(authority)))
                .build();
    }

    private JsonNode patchRecord(String authority, Kind kind, String id, String body) {
        return register.apply(authority, user.username(), new PatchRecord(kind, id, ProblemReader.jsonObject(body)))
                .record(kind, id, register.scope(authority));
    }
}
