package org.placementmatcher.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated user of the request being served: the only actor of what it changes (audit entries, runs,
 * decisions), and the authorities whose registers and plans it may see. Every identity carries its authority
 * codes in {@link Role#AUTHORITIES_ATTRIBUTE} ({@code "*"}: all); an identity without it sees none.
 */
@ApplicationScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The username, recorded as the actor of whatever the request changes. */
    public String username() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("no authenticated user");
        }
        return identity.getPrincipal().getName();
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** Whether the user holds the role (data roles include the ones before them, see {@link RoleInclusion}). */
    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    /** The user's authority codes as the identity gives them (a Set, any collection, or one code). */
    public Set<String> authorities() {
        Object value = identity.getAttribute(Role.AUTHORITIES_ATTRIBUTE);
        Set<String> codes = new TreeSet<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        } else if (value instanceof String code) {
            codes.add(code);
        }
        return codes;
    }

    /** Whether the user may see the authority's register, runs and plans. */
    public boolean holds(String authority) {
        if (identity.isAnonymous()) {
            return false;
        }
        Set<String> codes = authorities();
        return codes.contains(Role.ANY_AUTHORITY) || authority != null && codes.contains(authority);
    }

    /** Only the entries of authorities the user holds, in the same order. */
    public <V> Map<String, V> heldOnly(Map<String, V> byAuthority) {
        Map<String, V> held = new LinkedHashMap<>();
        byAuthority.forEach((authority, value) -> {
            if (holds(authority)) {
                held.put(authority, value);
            }
        });
        return held;
    }

    /**
     * Work held in memory (a plan, scenarios, a sufficiency report) is seen by the user who started it and by users
     * holding its problem's home authority; to anyone else it is unknown (404).
     */
    public boolean maySeeWorkOf(String startedBy, String homeAuthority) {
        return !identity.isAnonymous() && (username().equals(startedBy) || holds(homeAuthority));
    }
}
