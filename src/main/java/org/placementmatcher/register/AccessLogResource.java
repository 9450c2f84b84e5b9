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
import org.placementmatcher.security.Role;

/** The authority's access log: who read which child's record or audit, or which run's plan, and when. */
@Path("/api/register/{authority}/access-log")
@Produces(MediaType.APPLICATION_JSON)
// Who read which child's record is itself sensitive: the Director's to oversee (contract section 6).
@RolesAllowed(Role.DIRECTOR_NAME)
public class AccessLogResource {

    private final Database db;
    private final RegisterSight registerSight;

    public AccessLogResource(Database db, RegisterSight registerSight) {
        this.db = db;
        this.registerSight = registerSight;
    }

    @GET
    @Operation(
            summary = "The authority's access log, newest first, a page at a time (after: the last seq seen)",
            description = "Every successful read of one child's record (CHILD_RECORD), of a child's audit "
                    + "(CHILD_AUDIT), and of a run's plan, snapshot or analysis (RUN_PLAN, RUN_SNAPSHOT, "
                    + "RUN_ANALYSIS): who (username), when (accessedAt), which child or run. The next page: "
                    + "after = the seq of the last entry seen.")
    @APIResponse(
            responseCode = "200",
            description = "A page of reads, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AccessLog.Entry.class)))
    @APIResponse(responseCode = "400", description = "A bad query parameter, named")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public List<AccessLog.Entry> page(
            @PathParam("authority") String authority,
            @QueryParam("after")
                    @Parameter(
                            description =
                                    "The seq of the last entry seen: the page holds older ones (none: the newest)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    Long after,
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
        List<AccessLog.Entry> page = db.transaction(c -> {
            if (RegisterStore.header(c, RegisterService.checkAuthority(authority))
                    .isEmpty()) {
                throw RegisterService.noRegister(authority);
            }
            return AccessLog.page(c, authority, after, limit);
        });
        // A director of one authority of a shared register sees the reads of its authorities' children only. Reads
        // about no one child (a run's plan, a list) are left out too: the log does not keep the reader's authorities,
        // so another council's user's reads would show (contract section 8).
        ChildSight seen = registerSight.childSight(authority);
        if (seen.ids() == null) {
            return page;
        }
        return page.stream()
                .filter(entry -> entry.childId() != null && seen.ids().contains(entry.childId()))
                .toList();
    }
}
