package org.placementmatcher.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.register.RegisterChange.DeleteRecord;
import org.placementmatcher.register.RegisterChange.EndPlacement;
import org.placementmatcher.register.RegisterChange.ImportRows;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.PatchRecord;
import org.placementmatcher.register.RegisterChange.PutRecord;
import org.placementmatcher.register.RegisterChange.ReplaceRegister;
import org.placementmatcher.register.RegisterChange.StartPlacement;
import org.placementmatcher.register.RegisterService.Applied;
import org.placementmatcher.rest.MatchResource;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The register of each authority: import and read it whole as a contract problem, change one provider or
 * child, record placements starting and ending, import CSV, read the audit log, and ask match and
 * emergency questions of it. Reading needs VIEWER; changing the register and asking match and emergency
 * questions of it need OFFICER (contract section 6). Who makes a change is the authenticated user, recorded in
 * the audit log; a user sees only the registers of the authorities it holds (security.AccessFilter).
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public class RegisterResource {

    static final String VERSION = "X-Register-Version";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String CSV = "text/csv";

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

    /** The body of a register match or emergency query: the child, or the whole placeTogether sibling group. */
    public record MatchRequest(List<String> childIds) {}

    /** The body of a placement start. */
    public record PlacementStart(String providerId, LocalDate startDate, Boolean pinned, String reason) {}

    /** The body of a placement end. */
    public record PlacementEnd(LocalDate endDate, String reason) {}

    /** How a CSV import treats the records already there. */
    public enum ImportMode {
        /** Each row adds a record or replaces the one with its id; other records stay. */
        UPSERT,
        /** The list becomes exactly the rows. */
        REPLACE
    }

    private static final String MODE = "upsert (default): each row adds a record or replaces the one with its id; "
            + "replace: the list becomes exactly the rows";
    private static final String LIMIT = "At most this many options";

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

    // Providers and children.

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
                .header(VERSION, stored.version())
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
                .header(VERSION, stored.version())
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

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
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
        PlacementStart start = bind(body, PlacementStart.class);
        TextRules.requireFreeText("$.reason", start.reason());
        Map<String, Object> context = new LinkedHashMap<>();
        putIfPresent(context, "startDate", start.startDate());
        putIfPresent(context, "reason", start.reason());
        return register.apply(
                        authority, user.username(), new StartPlacement(id, start.providerId(), start.pinned(), context))
                .record(Kind.CHILD, id);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
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
        PlacementEnd end =
                body == null || body.isBlank() ? new PlacementEnd(null, null) : bind(body, PlacementEnd.class);
        TextRules.requireFreeText("$.reason", end.reason());
        Map<String, Object> context = new LinkedHashMap<>();
        putIfPresent(context, "endDate", end.endDate());
        putIfPresent(context, "reason", end.reason());
        return register.apply(authority, user.username(), new EndPlacement(id, context))
                .record(Kind.CHILD, id);
    }

    // CSV.

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
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
    @RolesAllowed(Role.OFFICER_NAME)
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

    // Audit log.

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
        return register.auditOfChild(authority, id);
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
        return register.auditOfProvider(authority, id);
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
        return register.audit(authority, after, limit);
    }

    // Queries against the stored register.

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
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
    @RolesAllowed(Role.OFFICER_NAME)
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
        register.requireSeen(authority, childIds);
        return MatchService.match(register.caseload(authority), childIds, limit, emergency);
    }

    // Helpers.

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

    static <T> T bind(String body, Class<T> type) {
        JsonNode root = ProblemReader.jsonObject(body);
        try {
            return ContractJson.mapper().treeToValue(root, type);
        } catch (JsonProcessingException | DateTimeParseException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                            && !mapping.getPath().isEmpty()
                    ? "." + mapping.getPath().getFirst().getFieldName()
                    : "";
            // Jackson's own words name Java types; say what is wrong in the API's terms instead.
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$" + field,
                    field.isEmpty()
                            ? "cannot be read as this request's JSON object"
                            : "has the wrong type or format (numbers as numbers, dates as yyyy-mm-dd)")));
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
