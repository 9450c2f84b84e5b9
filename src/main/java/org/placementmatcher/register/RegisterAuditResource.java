package org.placementmatcher.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.security.Role;

/**
 * The register's audit log (VIEWER): the whole log a page at a time, or every entry about one child or provider.
 * Which reads of it are themselves recorded is the {@link AccessLogged} annotation's to say.
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(ref = RegisterResource.TAG)
public class RegisterAuditResource {

    private final RegisterSight registerSight;

    public RegisterAuditResource(RegisterSight registerSight) {
        this.registerSight = registerSight;
    }

    @GET
    @Path("{authority}/children/{id}/audit")
    @Operation(summary = "Every audit entry about the child, oldest first: record changes, placements, decisions")
    @APIResponse(
            responseCode = "200",
            description = "The entries, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditLog.Entry.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    @AccessLogged(AccessLog.Kind.CHILD_AUDIT)
    public List<AuditLog.Entry> childAudit(@PathParam("authority") String authority, @PathParam("id") String id) {
        return registerSight.auditOfChild(authority, id);
    }

    @AccessLogged(AccessLog.Kind.PROVIDER_AUDIT)
    @GET
    @Path("{authority}/providers/{id}/audit")
    @Operation(summary = "Every audit entry about the provider, oldest first: its record, placements there, decisions")
    @APIResponse(
            responseCode = "200",
            description = "The entries, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditLog.Entry.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority, or no such record")
    public List<AuditLog.Entry> providerAudit(@PathParam("authority") String authority, @PathParam("id") String id) {
        return registerSight.auditOfProvider(authority, id);
    }

    @AccessLogged(AccessLog.Kind.WHOLE_AUDIT)
    @GET
    @Path("{authority}/audit")
    @Operation(summary = "The authority's audit log, oldest first, a page at a time (after: the last seq seen)")
    @APIResponse(
            responseCode = "200",
            description = "A page of entries, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditLog.Entry.class)))
    @APIResponse(responseCode = "400", description = "A bad query parameter, named")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public List<AuditLog.Entry> audit(
            @PathParam("authority") String authority,
            @QueryParam("after")
                    @DefaultValue("0")
                    @Parameter(
                            description = "The seq of the last entry seen",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                    long after,
            @QueryParam("limit")
                    @DefaultValue("1000")
                    @Parameter(
                            description = "At most this many entries",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "10000"))
                    int limit) {
        return registerSight.audit(authority, after, limit);
    }
}
