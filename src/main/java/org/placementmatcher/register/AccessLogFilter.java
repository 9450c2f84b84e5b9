package org.placementmatcher.register;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.rest.ApiErrors;

/**
 * Records the reads of {@link AccessLogged} methods in the {@link AccessLog}: only answers that succeeded (2xx;
 * a 404 read nothing), who from the request's security context. A read that cannot be recorded is refused (503)
 * rather than served unrecorded.
 */
@Provider
public class AccessLogFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AccessLogFilter.class);

    private final Database db;
    private final Clock clock;

    @Context
    ResourceInfo resource;

    public AccessLogFilter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The resource method that answered, or null when none did (a 404, or a 415 for a body no method of the path
     * takes: the request-scoped ResourceInfo then has no product, and asking it would turn the 415 into a 500).
     */
    private Method resourceMethod() {
        try {
            return resource == null ? null : resource.getResourceMethod();
        } catch (jakarta.enterprise.inject.IllegalProductException e) {
            return null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resourceMethod();
        AccessLogged logged = method == null ? null : method.getAnnotation(AccessLogged.class);
        if (logged == null || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        try {
            String authority = request.getUriInfo().getPathParameters().getFirst("authority");
            String id = request.getUriInfo().getPathParameters().getFirst("id");
            Principal user = request.getSecurityContext() == null
                    ? null
                    : request.getSecurityContext().getUserPrincipal();
            String username = user == null ? null : user.getName();
            db.transaction(c -> {
                for (AccessLog.Kind kind : logged.value()) {
                    AccessLog.record(c, authority, username, kind, id, clock.instant());
                }
                return null;
            });
        } catch (RuntimeException e) {
            // A read that cannot be recorded is not served: every read of children's data is in the log.
            LOG.errorf(
                    "a %s read could not be recorded in the access log: %s",
                    java.util.Arrays.toString(logged.value()), LogSafe.failure(e));
            response.setStatus(Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
            response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
            response.setEntity(ApiErrors.of(
                    "$", "the read could not be recorded in the access log, so it is not answered; try again shortly"));
        }
    }
}
