package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.AccessLog;
import org.placementmatcher.register.AccessLogged;
import org.placementmatcher.register.AuditLog;
import org.placementmatcher.register.RegisterErrors;
import org.placementmatcher.register.RegisterSight;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The register's pages to read (VIEWER, contract section 6): providers with their free places, children waiting
 * and placed, each filtered, sorted and paged on the server; one record's page with every field in words, its
 * current placement and its audit trail. Reading a child's record and audit, or a provider's audit, is
 * access-logged as the API's reads are.
 */
@Path("/registers/{authority}")
@RolesAllowed(Role.VIEWER_NAME)
public class RegisterPages {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    /** A summary list's row: what, and its value in words. */
    @TemplateData
    public record Field(String label, String value) {}

    /** An audit entry as shown: when, who, what, which fields. */
    @TemplateData
    public record AuditRow(String when, String who, String what, String fields) {}

    private final Template providers;
    private final Template children;
    private final Template provider;
    private final Template child;
    private final RegisterTables tables;
    private final RegisterSight registerSight;
    private final CurrentUser user;

    public RegisterPages(
            @Location("web/register/providers.html") Template providers,
            @Location("web/register/children.html") Template children,
            @Location("web/register/provider.html") Template provider,
            @Location("web/register/child.html") Template child,
            RegisterTables tables,
            RegisterSight registerSight,
            CurrentUser user) {
        this.providers = providers;
        this.children = children;
        this.provider = provider;
        this.child = child;
        this.tables = tables;
        this.registerSight = registerSight;
        this.user = user;
    }

    @GET
    @Path("providers")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance providers(
            @PathParam("authority") String authority,
            @QueryParam("type") String type,
            @QueryParam("free") String free,
            @QueryParam("age") String age,
            @QueryParam("need") String need,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("deleted") String deleted) {
        RegisterTables.Tables register = tables.of(authority);
        Integer ageYears = age == null || !age.strip().matches("\\d{1,2}") ? null : Integer.valueOf(age.strip());
        List<RegisterTables.ProviderRow> rows = register.providers().stream()
                .filter(RegisterTables.providerFilter(type, "yes".equals(free), ageYears, need))
                .sorted(RegisterTables.providerOrder(sort))
                .toList();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", type);
        query.put("free", free);
        query.put("age", ageYears == null ? null : ageYears.toString());
        query.put("need", need);
        query.put("sort", sort);
        TreeSet<String> needs = new TreeSet<>();
        register.providers().forEach(p -> {
            if (p.input().capabilities() != null) {
                needs.addAll(p.input().capabilities());
            }
        });
        return providers
                .data("authority", authority)
                .data("paging", Paging.of(rows, page, "/registers/" + authority + "/providers", query))
                .data("query", query)
                .data("ageInvalid", age != null && !age.isBlank() && ageYears == null)
                .data("types", RegisterTables.providerTypes())
                .data("needs", needs)
                .data("deleted", deleted != null)
                .data("officer", user.has(Role.OFFICER));
    }

    @GET
    @Path("children")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @AccessLogged(AccessLog.Kind.ALL_CHILDREN)
    public TemplateInstance children(
            @PathParam("authority") String authority,
            @QueryParam("status") String status,
            @QueryParam("urgency") String urgency,
            @QueryParam("age") String ageBand,
            @QueryParam("need") String need,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("deleted") String deleted) {
        RegisterTables.Tables register = tables.of(authority);
        List<RegisterTables.ChildRow> rows = register.children().stream()
                .filter(RegisterTables.childFilter(status, urgency, ageBand, need))
                .sorted(RegisterTables.childOrder(sort))
                .toList();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("urgency", urgency);
        query.put("age", ageBand);
        query.put("need", need);
        query.put("sort", sort);
        TreeSet<String> needs = new TreeSet<>();
        register.children().forEach(c -> {
            if (c.input().needs() != null) {
                needs.addAll(c.input().needs());
            }
        });
        long waiting = register.children().stream()
                .filter(RegisterTables.ChildRow::waiting)
                .count();
        return children.data("authority", authority)
                .data("paging", Paging.of(rows, page, "/registers/" + authority + "/children", query))
                .data("query", query)
                .data("urgencies", List.of(Urgency.values()))
                .data("ageBands", List.of("0-4", "5-9", "10-15", "16+"))
                .data("needs", needs)
                .data("waiting", waiting)
                .data("placed", register.children().size() - waiting)
                .data("deleted", deleted != null)
                .data("officer", user.has(Role.OFFICER));
    }

    @GET
    @Path("providers/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @AccessLogged(AccessLog.Kind.PROVIDER_AUDIT)
    public TemplateInstance provider(
            @PathParam("authority") String authority, @PathParam("id") String id, @QueryParam("saved") String saved) {
        RegisterTables.Tables register = tables.of(authority);
        RegisterTables.ProviderRow row = register.provider(id);
        if (row == null) {
            throw new RegisterErrors.NotFound("no provider " + id + " in the register of " + authority);
        }
        List<RegisterTables.ChildRow> placed = register.children().stream()
                .filter(c -> c.provider() != null && c.provider().id().equals(id))
                .toList();
        return provider.data("authority", authority)
                .data("row", row)
                .data("fields", fields(row))
                .data("placed", placed)
                .data("audit", audit(registerSight.auditOfProvider(authority, id)))
                .data("saved", saved != null)
                .data("officer", user.has(Role.OFFICER));
    }

    @GET
    @Path("children/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @AccessLogged({AccessLog.Kind.CHILD_RECORD, AccessLog.Kind.CHILD_AUDIT})
    public TemplateInstance child(
            @PathParam("authority") String authority, @PathParam("id") String id, @QueryParam("saved") String saved) {
        RegisterTables.Tables register = tables.of(authority);
        RegisterTables.ChildRow row = register.child(id);
        if (row == null) {
            throw new RegisterErrors.NotFound("no child " + id + " in the register of " + authority);
        }
        return child.data("authority", authority)
                .data("row", row)
                .data("fields", fields(row))
                .data("audit", audit(registerSight.auditOfChild(authority, id)))
                .data("saved", saved != null)
                .data("officer", user.has(Role.OFFICER));
    }

    private static List<Field> fields(RegisterTables.ProviderRow row) {
        ProviderInput p = row.input();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Reference", p.id()));
        fields.add(new Field("Name", p.name() == null ? "Not given" : p.name()));
        fields.add(new Field("Contact", p.contact() == null ? "Not given" : p.contact()));
        fields.add(new Field("Type", row.typeLabel()));
        fields.add(
                new Field("Local authority", p.localAuthority() + (row.outOfArea() ? " (out of area)" : " (in area)")));
        fields.add(
                new Field("Location", p.location().lat() + ", " + p.location().lon()));
        fields.add(new Field("Places", p.places() + " (" + row.placed() + " placed, " + row.free() + " free)"));
        fields.add(new Field("Ages", row.ages()));
        fields.add(new Field("Takes", p.acceptsGenders() == null ? "Any gender" : Words.list(p.acceptsGenders())));
        fields.add(new Field("Needs met", row.needsMet()));
        fields.add(new Field("Weekly cost", row.cost() + " per child per week"));
        fields.add(new Field(
                "Available from",
                p.availableFrom() == null ? "Now" : p.availableFrom().toString()));
        fields.add(new Field("Emergency approved", Words.yesNo(p.emergencyApproved())));
        fields.add(new Field("Connected children", Words.list(p.connectedChildren())));
        fields.add(new Field("Exempt from the fostering limit", Words.yesNo(p.fosteringLimitExemption())));
        fields.add(new Field("Languages", p.languages() == null ? "en" : Words.list(p.languages())));
        fields.add(new Field("Religion", p.religion() == null ? "Not given" : p.religion()));
        fields.add(new Field(
                "Placed children by distance",
                row.within20() + " within " + (int) RegisterTables.FAR_MILES + " miles, " + row.over20() + " further"));
        return fields;
    }

    private static List<Field> fields(RegisterTables.ChildRow row) {
        ChildInput c = row.input();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Reference", c.id()));
        fields.add(new Field("Date of birth", c.dateOfBirth() + " (age " + row.age() + ")"));
        fields.add(new Field("Gender", c.gender()));
        fields.add(new Field("Urgency", Words.urgency(c.urgency())));
        fields.add(new Field(
                "Responsible authority",
                c.responsibleAuthority() == null
                        ? "The register's own authority"
                        : AuthorityNames.label(c.responsibleAuthority())));
        fields.add(new Field(
                "Needed by", c.neededBy() == null ? "Now" : c.neededBy().toString()));
        fields.add(new Field("Needs", row.needs()));
        fields.add(new Field("Home", c.home().lat() + ", " + c.home().lon()));
        fields.add(new Field(
                "School",
                c.school() == null
                        ? "Not given"
                        : c.school().lat() + ", " + c.school().lon()));
        fields.add(new Field(
                "Sibling group",
                c.siblingGroup() == null
                        ? "None"
                        : c.siblingGroup() + (c.placeTogetherOrDefault() ? " (placed together)" : " (may be apart)")));
        fields.add(new Field("Must stay where placed", Words.yesNo(c.pinned())));
        fields.add(new Field("Placement ending", Words.yesNo(c.needsMove())));
        fields.add(new Field("Risk to younger children", Words.yesNo(c.riskToYoungerChildren())));
        fields.add(new Field("Needs a placement alone", Words.yesNo(c.requiresSolePlacement())));
        fields.add(new Field(
                "Areas to keep away from",
                c.excludedAreas() == null || c.excludedAreas().isEmpty()
                        ? "None"
                        : c.excludedAreas().size() + (c.excludedAreas().size() == 1 ? " area" : " areas")));
        fields.add(new Field("Languages", Words.list(c.languages())));
        fields.add(new Field("Religion", c.religion() == null ? "Not given" : c.religion()));
        return fields;
    }

    private static List<AuditRow> audit(List<AuditLog.Entry> entries) {
        List<AuditRow> rows = new ArrayList<>(entries.size());
        for (AuditLog.Entry e : entries.reversed()) {
            List<String> changed = new ArrayList<>();
            if (e.detail() != null && e.detail().path("fields").isObject()) {
                e.detail().path("fields").fieldNames().forEachRemaining(changed::add);
            }
            String what = e.action().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (e.providerId() != null && e.action().name().startsWith("PLACEMENT")) {
                what += " at " + e.providerId();
            }
            rows.add(new AuditRow(
                    WHEN.format(e.recordedAt()),
                    e.actor(),
                    Character.toUpperCase(what.charAt(0)) + what.substring(1),
                    String.join(", ", changed)));
        }
        return rows;
    }
}
