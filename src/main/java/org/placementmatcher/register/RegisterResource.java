package org.placementmatcher.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.register.RegisterChange.ReplaceRegister;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The register of each authority as a whole: the registers the user may open, and one register imported and read
 * whole as a contract problem. Its parts have resources of their own under the same path: the providers and
 * children ({@link RegisterRecordResource}), placements starting and ending ({@link PlacementResource}), CSV
 * imports ({@link RegisterCsvResource}), the audit log ({@link RegisterAuditResource}), and match and emergency
 * questions asked of it ({@link RegisterMatchResource}). Reading needs VIEWER; changing the register and asking
 * match and emergency questions of it need OFFICER (contract section 6). Who makes a change is the authenticated
 * user, recorded in the audit log; a user sees only the registers of the authorities it holds
 * (security.AccessFilter).
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
@Tag(ref = RegisterResource.TAG)
public class RegisterResource {

    static final String VERSION = "X-Register-Version";

    /**
     * The OpenAPI tag of every register resource: the one the register's endpoints had while they were one class,
     * so that they stay one group in the document.
     */
    static final String TAG = "Register Resource";

    /** A register's size and version, the answer to a change of it. */
    public record Summary(String authority, long version, int providers, int children) {
        static Summary of(Register register) {
            return new Summary(
                    register.authority(),
                    register.version(),
                    register.problem().providers().size(),
                    register.problem().children().size());
        }
    }

    /** An authority holding a register, and the register's version. */
    public record Authority(String authority, long version) {}

    private final RegisterService register;
    private final CurrentUser user;
    private final RegisterAccess access;

    public RegisterResource(RegisterService register, CurrentUser user, RegisterAccess access) {
        this.register = register;
        this.user = user;
        this.access = access;
    }

    @GET
    @Operation(
            summary = "The registers the user may open, with each register's version",
            description = "Those of the authorities it holds, and the shared registers of which it holds a member")
    public List<Authority> authorities() {
        List<Authority> list = new ArrayList<>();
        access.openableOnly(register.authorities())
                .forEach((authority, version) -> list.add(new Authority(authority, version)));
        return list;
    }

    @PUT
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("{authority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the authority's register with a PlacementProblem, all or nothing",
            description = "Validated like POST /api/plans; homeAuthority must be the authority of the path. Concurrent "
                    + "changes to one register never interleave: one waits for the other, or gets 409.")
    @APIResponse(
            responseCode = "200",
            description = "The register's version and size",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "Invalid problem: every error with its JSON path")
    @APIResponse(responseCode = "409", description = "Another change to the register was being made at the same time")
    public Summary replace(
            @PathParam("authority") String authority,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PlacementProblem.class)))
                    String body) {
        RegisterService.checkAuthority(authority);
        PlacementProblem problem = ProblemReader.readRegister(body);
        return Summary.of(register.apply(authority, user.username(), new ReplaceRegister(problem))
                .register());
    }

    @AccessLogged(AccessLog.Kind.WHOLE_REGISTER)
    @GET
    @Path("{authority}")
    @Operation(summary = "The whole register as a PlacementProblem (what PUT stored, in the same order)")
    @APIResponse(
            responseCode = "200",
            description = "The register; header X-Register-Version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlacementProblem.class)))
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public Response get(@PathParam("authority") String authority) {
        Register stored = register.get(authority);
        return Response.ok(stored.problem()).header(VERSION, stored.version()).build();
    }
}
