package org.placementmatcher.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authorities of a single sign-on user (contract section 6): read from the token claim named by
 * {@code placement.oidc.authorities-claim} (default {@code placement_authorities}) and put, as a
 * {@code Set<String>}, into the identity attribute {@link Role#AUTHORITIES_ATTRIBUTE}, where every kind of
 * identity carries them. The claim may be a JSON array of codes or one string of codes separated by spaces or
 * commas; a token without it gives an empty set (no register is visible). Only identities whose principal is a
 * token ({@link JsonWebToken}: OpenID Connect's ID and access tokens) are touched; local accounts carry their
 * authorities already. The roles come from the claim Quarkus reads ({@code quarkus.oidc.roles.role-claim-path},
 * set from {@code placement.oidc.roles-claim}).
 */
@ApplicationScoped
public class OidcAuthorities implements SecurityIdentityAugmentor {

    private final String claim;

    public OidcAuthorities(@ConfigProperty(name = "placement.oidc.authorities-claim") String claim) {
        this.claim = claim;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(Role.AUTHORITIES_ATTRIBUTE, authorities(token.getClaim(claim)))
                        .build());
    }

    /** The codes of a claim's value as the token library hands it over (JSON values, strings or collections). */
    static Set<String> authorities(Object value) {
        Set<String> codes = new LinkedHashSet<>();
        collect(value, codes);
        return Collections.unmodifiableSet(codes);
    }

    private static void collect(Object value, Set<String> codes) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonString string) {
            split(string.getString(), codes);
        } else if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                collect(element, codes);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collect(element, codes);
            }
        } else if (value instanceof String string) {
            split(string, codes);
        }
    }

    private static void split(String codes, Set<String> into) {
        for (String code : codes.split("[\\s,]+")) {
            if (!code.isEmpty()) {
                into.add(code);
            }
        }
    }
}
