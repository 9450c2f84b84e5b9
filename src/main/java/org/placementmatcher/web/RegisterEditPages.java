package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.register.AccessLog;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.Database;
import org.placementmatcher.register.RegisterChange.DeleteRecord;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.PutRecord;
import org.placementmatcher.register.RegisterCsv;
import org.placementmatcher.register.RegisterErrors;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Adding, changing and deleting a provider or child from the browser (OFFICER, contract section 6). A form is
 * read as a CSV row is and applied as the API's PUT is, so its errors are the register's own, shown on the field
 * they name; a success redirects (POST-redirect-GET) to the record's page with a banner.
 */
@Path("/registers/{authority}/{list: providers|children}")
@RolesAllowed(Role.OFFICER_NAME)
public class RegisterEditPages {

    private final Template form;
    private final Template delete;
    private final RegisterService registers;
    private final RegisterTables tables;
    private final CurrentUser user;
    private final Database db;
    private final Clock clock;

    public RegisterEditPages(
            @Location("web/register/form.html") Template form,
            @Location("web/register/delete.html") Template delete,
            RegisterService registers,
            RegisterTables tables,
            CurrentUser user,
            Database db,
            Clock clock) {
        this.form = form;
        this.delete = delete;
        this.registers = registers;
        this.tables = tables;
        this.user = user;
        this.db = db;
        this.clock = clock;
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance add(@PathParam("authority") String authority, @PathParam("list") String list) {
        tables.of(authority); // 404 when there is no register
        Kind kind = kind(list);
        // A council's user of a shared register adds its own council's children (contract section 8).
        ChildScope scope = registers.scope(authority);
        Map<String, String> values = kind == Kind.CHILD
                        && !scope.isAll()
                        && scope.authorities().size() == 1
                ? Map.of("responsibleAuthority", scope.authorities().iterator().next())
                : Map.of();
        return page(authority, kind, null, values, List.of());
    }

    @GET
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance edit(
            @PathParam("authority") String authority, @PathParam("list") String list, @PathParam("id") String id) {
        Kind kind = kind(list);
        Map<String, String> values = new HashMap<>(RegisterCsv.cells(kind, registers.record(authority, kind, id)));
        if (kind == Kind.CHILD) {
            // The form shows the child's whole record: a read the access log holds, as the API's GET is.
            AccessLog.recordReads(
                    db, authority, user.username(), AccessLog.Kind.CHILD_RECORD, List.of(id), clock.instant());
        }
        values.replaceAll((column, value) -> switch (value) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> value;
        });
        return page(authority, kind, id, values, List.of());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response create(
            @PathParam("authority") String authority,
            @PathParam("list") String list,
            MultivaluedMap<String, String> body) {
        Kind kind = kind(list);
        Map<String, String> values = values(body);
        String id = values.getOrDefault("id", "").strip();
        if (!id.isEmpty() && exists(authority, kind, id)) {
            return invalid(
                    authority,
                    kind,
                    null,
                    values,
                    List.of(new ProblemError("$.id", "a " + noun(kind) + " with this reference is already there")));
        }
        return save(authority, kind, null, id, values);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response update(
            @PathParam("authority") String authority,
            @PathParam("list") String list,
            @PathParam("id") String id,
            MultivaluedMap<String, String> body) {
        Kind kind = kind(list);
        registers.record(authority, kind, id); // 404 for a record that is not there
        return save(authority, kind, id, id, values(body));
    }

    @GET
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance confirmDelete(
            @PathParam("authority") String authority, @PathParam("list") String list, @PathParam("id") String id) {
        Kind kind = kind(list);
        registers.record(authority, kind, id);
        return deletePage(authority, kind, id, null);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response delete(
            @PathParam("authority") String authority, @PathParam("list") String list, @PathParam("id") String id) {
        Kind kind = kind(list);
        try {
            registers.apply(authority, user.username(), new DeleteRecord(kind, id));
        } catch (RegisterErrors.Conflict refused) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(deletePage(
                            authority, kind, id, refused.errors().getFirst().message()))
                    .build();
        }
        return Response.seeOther(URI.create("/registers/" + authority + "/" + list + "?deleted=" + id))
                .build();
    }

    private Response save(String authority, Kind kind, String editing, String id, Map<String, String> values) {
        try {
            registers.apply(authority, user.username(), new PutRecord(kind, id, RegisterCsv.record(kind, values)));
        } catch (InvalidProblemException e) {
            return invalid(authority, kind, editing, values, e.errors());
        } catch (RegisterErrors.Conflict e) {
            return invalid(authority, kind, editing, values, e.errors());
        }
        return Response.seeOther(URI.create("/registers/" + authority + "/" + list(kind) + "/" + id + "?saved=1"))
                .build();
    }

    private Response invalid(
            String authority, Kind kind, String editing, Map<String, String> values, List<ProblemError> errors) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(authority, kind, editing, values, errors))
                .build();
    }

    private TemplateInstance page(
            String authority, Kind kind, String editing, Map<String, String> values, List<ProblemError> errors) {
        Map<String, String> byField = RecordForm.byField(kind, errors);
        List<RecordForm.FormField> fields = RecordForm.fields(kind, values, byField, editing == null);
        return form.data("authority", authority)
                .data("list", list(kind))
                .data("noun", noun(kind))
                .data("editing", editing)
                .data("fields", fields)
                .data("errors", RecordForm.summary(byField, fields.getFirst().name()))
                .data(
                        "action",
                        "/registers/" + authority + "/" + list(kind) + "/"
                                + (editing == null ? "new" : editing + "/edit"));
    }

    private TemplateInstance deletePage(String authority, Kind kind, String id, String refusal) {
        return delete.data("authority", authority)
                .data("list", list(kind))
                .data("noun", noun(kind))
                .data("id", id)
                .data("refusal", refusal);
    }

    private boolean exists(String authority, Kind kind, String id) {
        RegisterTables.Tables register = tables.of(authority);
        return kind == Kind.PROVIDER ? register.provider(id) != null : register.child(id) != null;
    }

    private static Map<String, String> values(MultivaluedMap<String, String> body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((name, all) -> values.put(name, all.isEmpty() ? "" : all.getFirst()));
        }
        return values;
    }

    private static Kind kind(String list) {
        return list.equals("providers") ? Kind.PROVIDER : Kind.CHILD;
    }

    private static String list(Kind kind) {
        return kind == Kind.PROVIDER ? "providers" : "children";
    }

    private static String noun(Kind kind) {
        return kind == Kind.PROVIDER ? "provider" : "child";
    }
}
