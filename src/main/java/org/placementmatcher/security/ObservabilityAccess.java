package org.placementmatcher.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui} (contract section 6): users with
 * role ADMIN (a Prometheus scraper's account over HTTP Basic will do), or everyone when
 * {@code placement.observability.open=true}, e.g. on a private network. The paths are bound to this policy in
 * application.properties ({@code quarkus.http.auth.permission.observability}); {@code /q/health*} is always open.
 * Refused without a user: 401; refused with a user who is not ADMIN: 403.
 */
@ApplicationScoped
public class ObservabilityAccess implements HttpSecurityPolicy {

    /** The policy's name, as application.properties refers to it. */
    public static final String NAME = "observability";

    private final boolean open;

    public ObservabilityAccess(@ConfigProperty(name = "placement.observability.open") boolean open) {
        this.open = open;
    }

    @Override
    public Uni<CheckResult> checkPermission(
            RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        if (open) {
            return CheckResult.permit();
        }
        return identity.map(user -> user != null && !user.isAnonymous() && user.hasRole(Role.ADMIN_NAME)
                ? CheckResult.PERMIT
                : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
