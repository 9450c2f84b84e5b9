package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The authority codes of a token's claim, as the augmentor puts them into the identity. */
class OidcAuthoritiesTest {

    private final OidcAuthorities augmentor = new OidcAuthorities("placement_authorities");

    @Test
    void aJsonArrayClaimBecomesTheAuthorities() {
        SecurityIdentity user = augmented(token(List.of("E09000001", "E10000002")));
        assertThat(authorities(user)).containsExactlyInAnyOrder("E09000001", "E10000002");
        assertThat(user.hasRole(Role.OFFICER_NAME)).isTrue();
    }

    @Test
    void aStringClaimIsSplitOnSpacesAndCommas() {
        assertThat(authorities(augmented(token("E09000001 E10000002,E06000003"))))
                .containsExactlyInAnyOrder("E09000001", "E10000002", "E06000003");
        assertThat(authorities(augmented(token("*")))).containsExactly("*");
    }

    @Test
    void aTokenWithoutTheClaimHoldsNoAuthority() {
        assertThat(authorities(augmented(token(null)))).isEmpty();
    }

    @Test
    void theClaimIsConfigurable() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("jo");
        claims.setClaim("councils", List.of("E1"));
        claims.setClaim("placement_authorities", List.of("E2"));
        SecurityIdentity user = new OidcAuthorities("councils")
                .augment(identity(new DefaultJWTCallerPrincipal(claims)), null)
                .await()
                .indefinitely();
        assertThat(authorities(user)).containsExactly("E1");
    }

    @Test
    void otherIdentitiesAreLeftAlone() {
        SecurityIdentity local = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("officer"))
                .addRole(Role.OFFICER_NAME)
                .addAttribute(Role.AUTHORITIES_ATTRIBUTE, Set.of("E1"))
                .build();
        assertThat(augmentor.augment(local, null).await().indefinitely()).isSameAs(local);
    }

    private static Principal token(Object authorities) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("jo");
        if (authorities != null) {
            claims.setClaim("placement_authorities", authorities);
        }
        return new DefaultJWTCallerPrincipal(claims);
    }

    private SecurityIdentity augmented(Principal principal) {
        return augmentor.augment(identity(principal), null).await().indefinitely();
    }

    private static SecurityIdentity identity(Principal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRole(Role.OFFICER_NAME)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> authorities(SecurityIdentity user) {
        return (Set<String>) user.getAttribute(Role.AUTHORITIES_ATTRIBUTE);
    }
}
