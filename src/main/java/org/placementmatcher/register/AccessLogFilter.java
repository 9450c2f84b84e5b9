package org.placementmatcher.register;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;

/**
 * Records the reads of {@link AccessLogged} methods in the {@link AccessLog}: only answers that succeeded (2xx;
 * a 404 read nothing), who from the request's security context (as given; none recorded as none). A failure to
 * record is logged and never fails the read itself.
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

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
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
                AccessLog.record(c, authority, username, logged.value(), id, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("a %s read could not be recorded in the access log: %s", logged.value(), LogSafe.failure(e));
        }
    }
}
