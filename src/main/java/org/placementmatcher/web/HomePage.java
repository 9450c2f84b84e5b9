package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.register.RegisterAccess;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * {@code GET /}: the registers the signed-in user may open, by name (an ADMIN without a data role sees none); a user
 * who may open exactly one goes straight to its overview.
 */
@Path("/")
public class HomePage {

    private final Template home;
    private final RegisterService registers;
    private final CurrentUser user;
    private final RegisterAccess access;

    public HomePage(
            @Location("web/home.html") Template home,
            RegisterService registers,
            CurrentUser user,
            RegisterAccess access) {
        this.home = home;
        this.registers = registers;
        this.user = user;
        this.access = access;
    }

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response home() {
        List<String> held = user.has(Role.VIEWER)
                ? access.openableOnly(registers.authorities()).keySet().stream()
                        .sorted()
                        .toList()
                : List.of();
        if (held.size() == 1) {
            return Response.seeOther(URI.create(PageContext.REGISTERS + held.getFirst()))
                    .build();
        }
        return Response.ok(home.data("registers", held).data("admin", user.has(Role.ADMIN)))
                .build();
    }
}
