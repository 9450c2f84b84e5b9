package org.placementmatcher.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Role inclusion for every kind of identity (local account, OpenID Connect token, test): a user holding a data
 * role also holds every data role before it ({@link Role#withIncluded()}), so {@code @RolesAllowed(VIEWER)}
 * admits a DIRECTOR; ADMIN includes no data role.
 * <p>
 * An augmentor rather than {@code quarkus.http.auth.roles-mapping}: the order is then written once, in
 * {@link Role}, not repeated in configuration where it could drift from the code; and it applies to each
 * identity whatever mechanism made it.
 */
@ApplicationScoped
public class RoleInclusion implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> included = included(identity.getRoles());
        if (included.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRoles(included)
                        .build());
    }

    /** The roles given and every data role they include; names that are no role are kept as they are. */
    static Set<String> included(Set<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        for (String name : roles) {
            Role role = Role.named(name);
            if (role != null) {
                role.withIncluded().forEach(r -> all.add(r.name()));
            }
        }
        return all;
    }
}
