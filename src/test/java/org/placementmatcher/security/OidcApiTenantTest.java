package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import org.junit.jupiter.api.Test;

/** The API's tenant: the default one's settings, bearer tokens only; pages keep the default (code flow). */
class OidcApiTenantTest {

    @Test
    void withSingleSignOnOffNothingIsResolved() {
        OidcTenantConfig off = OidcTenantConfig.builder().tenantEnabled(false).build();
        assertThat(OidcApiTenant.apiTenant(off)).isNull();
        assertThat(new OidcApiTenant(OidcApiTenant.apiTenant(off)).forPath("/api/plans"))
                .isNull();
    }

    @Test
    void theApiServesBearerTokensOnlyWithTheDefaultTenantsSettings() {
        OidcTenantConfig hybrid = OidcTenantConfig.builder()
                .tenantEnabled(true)
                .authServerUrl("https://sso.council.example/realms/council")
                .clientId("placement-matcher")
                .applicationType(ApplicationType.HYBRID)
                .roles()
                .roleClaimPath("realm_access/roles")
                .end()
                .build();
        OidcTenantConfig api = OidcApiTenant.apiTenant(hybrid);
        assertThat(api.applicationType()).contains(ApplicationType.SERVICE);
        assertThat(api.tenantId()).contains(OidcApiTenant.API_TENANT);
        assertThat(api.authServerUrl()).contains("https://sso.council.example/realms/council");
        assertThat(api.clientId()).contains("placement-matcher");
        assertThat(api.roles().roleClaimPath()).contains(java.util.List.of("realm_access/roles"));
        // Tokens issued to other applications of the same identity provider are not taken.
        assertThat(api.token().audience()).contains(java.util.List.of("placement-matcher"));
        OidcTenantConfig configured = OidcTenantConfig.builder(hybrid)
                .token()
                .audience("api://placement-matcher")
                .end()
                .build();
        assertThat(OidcApiTenant.apiTenant(configured).token().audience())
                .contains(java.util.List.of("api://placement-matcher"));

        OidcApiTenant tenants = new OidcApiTenant(api);
        assertThat(tenants.forPath("/api/register/E09000001/children/C1")).isSameAs(api);
        assertThat(tenants.forPath("/q/metrics")).isNull();
        assertThat(tenants.forPath("/")).isNull();
        assertThat(tenants.forPath("/apiary")).isNull();
    }
}
