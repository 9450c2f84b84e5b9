package org.placementmatcher.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.placementmatcher.register.RegisterChange.ImportRows;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterResource.Summary;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The import of providers or children from CSV (README "CSV columns"): all or nothing, every error named by line
 * and column. OFFICER, like every change of a register; audited as the authenticated user's.
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
@Tag(ref = RegisterResource.TAG)
public class RegisterCsvResource {

    static final String CSV = "text/csv";

    /** How a CSV import treats the records already there. */
    public enum ImportMode {
        /** Each row adds a record or replaces the one with its id; other records stay. */
        UPSERT,
        /** The list becomes exactly the rows. */
        REPLACE
    }

    private static final String MODE = "upsert (default): each row adds a record or replaces the one with its id; "
            + "replace: the list becomes exactly the rows";

    private final RegisterService register;
    private final CurrentUser user;

    public RegisterCsvResource(RegisterService register, CurrentUser user) {
        this.register = register;
        this.user = user;
    }

    @POST
    @Path("{authority}/providers/csv")
    @Consumes(CSV)
    @Operation(
            summary = "Import providers from CSV (README: CSV columns)",
            description = "Each row adds a provider or replaces the one with its id; mode=replace makes the providers "
                    + "exactly the rows. All or nothing; errors are named by line and column.")
    @APIResponse(
            responseCode = "200",
            description = "The register's version and size",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "Invalid rows: every error named by line and column")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public Summary providersCsv(
            @PathParam("authority") String authority,
            @QueryParam("mode")
                    @DefaultValue("upsert")
                    @Parameter(description = MODE, schema = @Schema(enumeration = {"upsert", "replace"}))
                    ImportMode mode,
            @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))) String body) {
        return Summary.of(register.apply(
                        authority,
                        user.username(),
                        new ImportRows(Kind.PROVIDER, RegisterCsv.providers(body), mode == ImportMode.REPLACE))
                .register());
    }

    @POST
    @Path("{authority}/children/csv")
    @Consumes(CSV)
    @Operation(
            summary = "Import children from CSV (README: CSV columns)",
            description = "Each row adds a child or replaces the one with its id; mode=replace makes the children "
                    + "exactly the rows. All or nothing; errors are named by line and column.")
    @APIResponse(
            responseCode = "200",
            description = "The register's version and size",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "Invalid rows: every error named by line and column")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    @APIResponse(
            responseCode = "409",
            description =
                    "The change conflicts with the register's state, or another change was being made at the same time")
    public Summary childrenCsv(
            @PathParam("authority") String authority,
            @QueryParam("mode")
                    @DefaultValue("upsert")
                    @Parameter(description = MODE, schema = @Schema(enumeration = {"upsert", "replace"}))
                    ImportMode mode,
            @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))) String body) {
        return Summary.of(register.apply(
                        authority,
                        user.username(),
                        new ImportRows(Kind.CHILD, RegisterCsv.children(body), mode == ImportMode.REPLACE))
                .register());
    }
}
