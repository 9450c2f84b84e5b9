package org.placementmatcher.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * With single sign-on on, the API accepts bearer tokens only and is never sent to the identity provider: the
 * default tenant is hybrid (Quarkus takes a request without an Authorization header for a browser, and sends
 * it to sign in), so {@code /api/*} gets a copy of it that serves bearer tokens alone, and an API call without
 * credentials gets 401 as contract section 6 asks, not a redirect. Pages keep the default tenant's code flow.
 * With single sign-on off this resolves nothing, and the default tenant (disabled) stays.
 */
@ApplicationScoped
public class OidcApiTenant implements TenantConfigResolver {

    static final String API_TENANT = "api";
    private static final String API_PATH = "/api/";

    private final OidcTenantConfig api;

    @Inject
    OidcApiTenant(OidcConfig config) {
        this(apiTenant(OidcConfig.getDefaultTenant(config)));
    }

    OidcApiTenant(OidcTenantConfig api) {
        this.api = api;
    }

    /** The API's copy of the default tenant: bearer tokens only; none when single sign-on is off. */
    static OidcTenantConfig apiTenant(io.quarkus.oidc.runtime.OidcTenantConfig defaults) {
        if (!defaults.tenantEnabled()) {
            return null;
        }
        OidcTenantConfigBuilder api =
                OidcTenantConfig.builder(defaults).tenantId(API_TENANT).applicationType(ApplicationType.SERVICE);
        // A bearer token must have been issued for this service: without an audience, a token the same identity
        // provider issued to another application (with its own roles claim) would be taken here too.
        if (defaults.token().audience().isEmpty() && defaults.clientId().isPresent()) {
            api = api.token().audience(defaults.clientId().get()).end();
        }
        return api.build();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext request, OidcRequestContext<OidcTenantConfig> context) {
        return Uni.createFrom().item(forPath(request.normalizedPath()));
    }

    /** The tenant of a path: the API's for {@code /api/...}; null (the default tenant) for anything else. */
    OidcTenantConfig forPath(String path) {
        return api != null && path != null && path.startsWith(API_PATH) ? api : null;
    }
}
