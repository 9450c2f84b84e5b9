package org.placementmatcher.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.ProblemReader;

/**
 * User administration (contract section 6), for role ADMIN only: local accounts listed, created, changed
 * (roles, authorities, password, enabled; a new password also lifts a lock-out, as does {@code "unlock": true})
 * and deleted. Passwords and hashes are never shown. The last enabled ADMIN can be neither disabled, nor
 * deprived of ADMIN, nor deleted (409). Every change is logged with usernames only.
 */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class UserResource {

    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "roles", "authorities", "enabled");
    private static final Set<String> PATCH_FIELDS = Set.of("password", "roles", "authorities", "enabled", "unlock");

    /** The body of a new user. */
    public record NewUser(
            String username, String password, List<String> roles, List<String> authorities, Boolean enabled) {}

    /** The body of a change: only the fields given change. */
    public record UserChange(
            String password, List<String> roles, List<String> authorities, Boolean enabled, Boolean unlock) {}

    private final AccountStore accounts;
    private final UserAdministration administration;
    private final SecurityIdentity caller;

    public UserResource(AccountStore accounts, UserAdministration administration, SecurityIdentity caller) {
        this.accounts = accounts;
        this.administration = administration;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every local account (no passwords)")
    public List<Account.View> list() {
        return accounts.list().stream().map(Account::view).toList();
    }

    @GET
    @Path("{username}/audit")
    @Operation(
            summary = "Who created, changed or deleted the account, when, and the fields that changed with their new"
                    + " values (a password only as changed), oldest first; also after the account was deleted")
    public List<AccountAudit.Entry> audit(@PathParam("username") String username) {
        return accounts.audit(username);
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One local account (no password)")
    @APIResponse(responseCode = "404", description = "No such user")
    public Account.View get(@PathParam("username") String username) {
        return accounts.find(username)
                .orElseThrow(() -> AccountStore.notFound(username))
                .view();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a local account")
    @APIResponse(
            responseCode = "201",
            description = "The account as created (no password)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Account.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = NewUser.class)))
                    String body) {
        ObjectNode json = ProblemReader.jsonObject(body);
        ProblemErrors errors = new ProblemErrors();
        UserJson.unknownFields(errors, json, CREATE_FIELDS);
        String username = UserJson.text(errors, json, "username", true);
        String password = UserJson.text(errors, json, "password", true);
        List<String> roleNames = UserJson.texts(errors, json, "roles", true);
        List<String> codes = UserJson.texts(errors, json, "authorities", false);
        Boolean enabled = UserJson.bool(errors, json, "enabled");
        Account created = administration.create(
                errors, new UserAdministration.NewAccount(username, password, roleNames, codes, enabled), actor());
        return Response.created(URI.create("/api/admin/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .entity(created.view())
                .build();
    }

    @PATCH
    @Path("{username}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a local account's roles, authorities, password or enabled",
            description = "Only the fields given change. A new password, or \"unlock\": true, lifts a lock-out.")
    @APIResponse(responseCode = "200", description = "The account as changed (no password)")
    @APIResponse(responseCode = "400", description = "Invalid request: every error with its JSON path")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The change would leave no enabled ADMIN")
    public Account.View patch(
            @PathParam("username") String username,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = UserChange.class)))
                    String body) {
        ObjectNode json = ProblemReader.jsonObject(body);
        ProblemErrors errors = new ProblemErrors();
        UserJson.unknownFields(errors, json, PATCH_FIELDS);
        String password = UserJson.text(errors, json, "password", false);
        List<String> roleNames = UserJson.texts(errors, json, "roles", false);
        List<String> codes = UserJson.texts(errors, json, "authorities", false);
        Boolean enabled = UserJson.bool(errors, json, "enabled");
        Boolean unlock = UserJson.bool(errors, json, "unlock");
        Account.View changed = administration
                .change(
                        errors,
                        username,
                        new UserAdministration.AccountChange(password, roleNames, codes, enabled, unlock),
                        actor())
                .view();
        return changed;
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a local account")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The last enabled ADMIN")
    public Response delete(@PathParam("username") String username) {
        administration.delete(username, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
