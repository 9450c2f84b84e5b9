package org.placementmatcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.register.RegisterErrors;
import org.placementmatcher.security.Account;
import org.placementmatcher.security.AccountAudit;
import org.placementmatcher.security.AccountStore;
import org.placementmatcher.security.Role;
import org.placementmatcher.security.UserAdministration;
import org.placementmatcher.security.UserAdministration.AccountChange;
import org.placementmatcher.security.UserAdministration.NewAccount;

/**
 * The users pages (contract section 6, ADMIN only): the list, a new user, one user with its account audit and a
 * form to change it, and its deletion after a confirmation. The rules and errors are the administration API's
 * ({@link UserAdministration}); a password is never shown, put back into a form, or logged.
 */
@Path("/users")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final Template list;
    private final Template form;
    private final Template user;
    private final Template delete;
    private final AccountStore accounts;
    private final UserAdministration administration;
    private final SecurityIdentity caller;

    public UserPages(
            @Location("web/users/list.html") Template list,
            @Location("web/users/new.html") Template form,
            @Location("web/users/user.html") Template user,
            @Location("web/users/delete.html") Template delete,
            AccountStore accounts,
            UserAdministration administration,
            SecurityIdentity caller) {
        this.list = list;
        this.form = form;
        this.user = user;
        this.delete = delete;
        this.accounts = accounts;
        this.administration = administration;
        this.caller = caller;
    }

    /** One account as the list and the user page show it. */
    public record Row(String username, List<String> roles, List<String> authorities, boolean enabled, boolean locked) {
        static Row of(Account account, java.time.Instant now) {
            return new Row(
                    account.username(),
                    account.roles().stream().map(Role::name).toList(),
                    account.authorities().stream().map(AuthorityNames::label).toList(),
                    account.enabled(),
                    account.lockedAt(now));
        }

        public String path() {
            return "/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8);
        }
    }

    /** What a form shows: the values given (never a password), and the errors by field. */
    public record Form(
            String username, List<String> roles, String authorities, boolean enabled, List<FieldError> errors) {
        public boolean has(String role) {
            return roles.contains(role);
        }

        public String error(String field) {
            return errors.stream()
                    .filter(e -> field.equals(e.field()))
                    .map(FieldError::message)
                    .reduce((a, b) -> a + ". " + b)
                    .orElse(null);
        }
    }

    /** One account audit entry in words. */
    public record AuditRow(String when, String who, String what, String detail) {}

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("deleted") String deleted) {
        java.time.Instant now = accounts.now();
        return list.data(
                        "users",
                        accounts.list().stream().map(a -> Row.of(a, now)).toList())
                .data("deleted", deleted);
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance newUser() {
        return newForm(new Form("", List.of(), "", true, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("roles") List<String> roles,
            @FormParam("authorities") String authorities,
            @FormParam("enabled") String enabled) {
        Form given = new Form(nonNull(username), nonNull(roles), nonNull(authorities), enabled != null, List.of());
        try {
            Account created = administration.create(
                    new ProblemErrors(),
                    new NewAccount(
                            nonNull(username), nonNull(password), nonNull(roles), codes(authorities), enabled != null),
                    actor());
            return Response.seeOther(URI.create(Row.of(created, accounts.now()).path() + "?created=1"))
                    .build();
        } catch (InvalidProblemException invalid) {
            return page(400, newForm(withErrors(given, invalid.reported())));
        } catch (RegisterErrors.Conflict taken) {
            return page(409, newForm(withErrors(given, taken.errors())));
        }
    }

    @GET
    @Path("{username}")
    @Operation(hidden = true)
    public TemplateInstance show(
            @PathParam("username") String username,
            @QueryParam("created") String created,
            @QueryParam("saved") String saved) {
        Account account = find(username);
        String banner = created != null ? "User " + username + " created" : saved != null ? "Changes saved" : null;
        return userPage(account, formOf(account), banner);
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(
            @PathParam("username") String username,
            @FormParam("password") String password,
            @FormParam("roles") List<String> roles,
            @FormParam("authorities") String authorities,
            @FormParam("enabled") String enabled,
            @FormParam("unlock") String unlock) {
        Account account = find(username);
        Form given = new Form(username, nonNull(roles), nonNull(authorities), enabled != null, List.of());
        try {
            administration.change(
                    new ProblemErrors(),
                    username,
                    new AccountChange(
                            password == null || password.isEmpty() ? null : password,
                            nonNull(roles),
                            codes(authorities),
                            enabled != null,
                            unlock != null ? Boolean.TRUE : null),
                    actor());
            return Response.seeOther(URI.create(Row.of(account, accounts.now()).path() + "?saved=1"))
                    .build();
        } catch (InvalidProblemException invalid) {
            return page(400, userPage(account, withErrors(given, invalid.reported()), null));
        } catch (RegisterErrors.Conflict lastAdmin) {
            return page(409, userPage(account, withErrors(given, lastAdmin.errors()), null));
        }
    }

    @GET
    @Path("{username}/delete")
    @Operation(hidden = true)
    public TemplateInstance confirmDelete(@PathParam("username") String username) {
        return delete.data("user", Row.of(find(username), accounts.now()))
                .data("form", new Form(username, List.of(), "", true, List.of()));
    }

    @POST
    @Path("{username}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("username") String username) {
        Account account = find(username);
        try {
            administration.delete(username, actor());
            return Response.seeOther(
                            URI.create("/users?deleted=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .build();
        } catch (RegisterErrors.Conflict lastAdmin) {
            return page(
                    409,
                    delete.data("user", Row.of(account, accounts.now()))
                            .data("form", new Form(username, List.of(), "", true, fieldErrors(lastAdmin.errors()))));
        }
    }

    private TemplateInstance newForm(Form given) {
        return form.data("form", given)
                .data("roles", roleNames())
                .data("minPasswordLength", administration.minPasswordLength());
    }

    private TemplateInstance userPage(Account account, Form given, String banner) {
        return user.data("user", Row.of(account, accounts.now()))
                .data("form", given)
                .data("roles", roleNames())
                .data("minPasswordLength", administration.minPasswordLength())
                .data("banner", banner)
                .data("audit", audit(account.username()));
    }

    private List<AuditRow> audit(String username) {
        List<AuditRow> rows = new ArrayList<>();
        for (AccountAudit.Entry entry : accounts.audit(username)) {
            String what = switch (entry.action()) {
                case USER_CREATED -> "Created";
                case USER_CHANGED -> "Changed";
                case USER_DELETED -> "Deleted";
            };
            rows.add(new AuditRow(WHEN.format(entry.recordedAt()), entry.actor(), what, detail(entry.detail())));
        }
        return rows;
    }

    /** The changed fields in words: "roles: VIEWER, OFFICER; enabled: yes; password: changed". */
    static String detail(JsonNode detail) {
        if (detail == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detail.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String text;
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(
                        field.getKey().equals("authorities") ? AuthorityNames.label(v.asText()) : v.asText()));
                text = items.isEmpty() ? "none" : String.join(", ", items);
            } else if (value.isBoolean()) {
                text = value.asBoolean() ? "yes" : "no";
            } else {
                text = value.asText();
            }
            parts.add(field.getKey() + ": " + text);
        }
        return String.join("; ", parts);
    }

    private Account find(String username) {
        return accounts.find(username).orElseThrow(() -> AccountStore.notFound(username));
    }

    private static Form formOf(Account account) {
        return new Form(
                account.username(),
                account.roles().stream().map(Role::name).toList(),
                String.join(", ", account.authorities()),
                account.enabled(),
                List.of());
    }

    private static Form withErrors(Form given, List<ProblemError> errors) {
        return new Form(given.username(), given.roles(), given.authorities(), given.enabled(), fieldErrors(errors));
    }

    /** The API's errors on the form's fields: {@code $.roles[1]} belongs to the roles, {@code $} to the page. */
    static List<FieldError> fieldErrors(List<ProblemError> errors) {
        List<FieldError> fields = new ArrayList<>();
        for (ProblemError error : errors) {
            String path = error.path();
            String field = path.startsWith("$.") ? path.substring(2).replaceFirst("\\[.*$", "") : null;
            String label = field == null
                    ? ""
                    : switch (field) {
                        case "username" -> "Username ";
                        case "password" -> "Password ";
                        case "roles" -> "Roles: ";
                        case "authorities" -> "Authorities: ";
                        default -> field + " ";
                    };
            fields.add(new FieldError(field, label + error.message()));
        }
        return fields;
    }

    /** Authority codes as typed: separated by commas or spaces. */
    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.trim().split("[,\\s]+"))
                .filter(code -> !code.isEmpty())
                .toList();
    }

    private static List<String> roleNames() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
