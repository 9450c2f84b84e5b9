package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on end to end, with bearer tokens signed by a key of the test's own (Quarkus OIDC checks them
 * against quarkus.oidc.public-key, so no identity provider runs): roles and authorities come from the
 * configured claims, here a nested roles claim as Keycloak sends it and an authorities claim of another name.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.SingleSignOn.class)
class OidcBearerTest {

    static final String ISSUER = "https://sso.placement.test/realms/council";
    static final KeyPair KEYS = FakeIdentityProvider.newKeyPair();

    public static class SingleSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "placement.oidc.enabled", "true",
                    "placement.oidc.roles-claim", "realm_access/roles",
                    "placement.oidc.authorities-claim", "councils",
                    // A public key instead of a provider's keys serves bearer tokens only, not the code flow.
                    "quarkus.oidc.application-type", "service",
                    "quarkus.oidc.public-key",
                            Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    @Inject
    SignIns signIns;

    @Test
    void anAdminTokenReadsMetricsAndCarriesItsAuthorities() {
        signIns.clear();
        given().auth()
                .oauth2(token(List.of(Role.ADMIN_NAME), List.of("E09000001", "E10000002")))
                .get("/q/metrics")
                .then()
                .statusCode(200);
        SecurityIdentity user = signIns.last();
        assertThat(user).isNotNull();
        assertThat(user.getPrincipal().getName()).isEqualTo("jo.bloggs");
        assertThat(user.getRoles()).containsExactly(Role.ADMIN_NAME);
        assertThat(user.<Set<String>>getAttribute(Role.AUTHORITIES_ATTRIBUTE))
                .containsExactlyInAnyOrder("E09000001", "E10000002");
    }

    @Test
    void theApiTakesBearerTokensThroughItsOwnTenant() {
        signIns.clear();
        given().auth()
                .oauth2(token(List.of(Role.DIRECTOR_NAME), List.of("*")))
                .get("/api/plans/no-such-plan")
                .then()
                .statusCode(404);
        SecurityIdentity user = signIns.last();
        assertThat(user).isNotNull();
        assertThat(user.<String>getAttribute("tenant-id")).isEqualTo(OidcApiTenant.API_TENANT);
        // The token says DIRECTOR; the roles it includes come with it (RoleInclusion).
        assertThat(user.getRoles())
                .containsExactlyInAnyOrderElementsOf(
                        Role.DIRECTOR.withIncluded().stream().map(Role::name).toList());
        assertThat(user.<Set<String>>getAttribute(Role.AUTHORITIES_ATTRIBUTE)).containsExactly("*");
    }

    @Test
    void aDataRoleTokenIsForbiddenMetrics() {
        given().auth()
                .oauth2(token(List.of(Role.DIRECTOR_NAME), List.of("*")))
                .get("/q/metrics")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = Jwt.issuer(ISSUER)
                .upn("jo.bloggs")
                .claim("realm_access", Map.of("roles", List.of(Role.ADMIN_NAME)))
                .sign(FakeIdentityProvider.newKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/q/metrics").then().statusCode(401);
    }

    @Test
    void healthStaysOpen() {
        given().auth().none().get("/q/health").then().statusCode(200);
    }

    private static String token(List<String> roles, List<String> authorities) {
        return Jwt.issuer(ISSUER)
                .upn("jo.bloggs")
                .claim("realm_access", Map.of("roles", roles))
                .claim("councils", String.join(" ", authorities))
                .expiresIn(300)
                .sign(KEYS.getPrivate());
    }
}
