package org.placementmatcher.security;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * A local account as stored: the password only as its bcrypt hash. {@link #view()} is what the API shows,
 * never the hash.
 */
public record Account(
        String username,
        String passwordHash,
        SortedSet<Role> roles,
        SortedSet<String> authorities,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt) {

    /** Locked by failed sign-ins at that instant. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public View view() {
        return new View(
                username,
                roles.stream().map(Role::name).toList(),
                List.copyOf(authorities),
                enabled,
                lockedUntil,
                createdAt,
                updatedAt);
    }

    /** An account as the user administration API shows it: no password, no hash. */
    public record View(
            String username,
            List<String> roles,
            List<String> authorities,
            boolean enabled,
            Instant lockedUntil,
            Instant createdAt,
            Instant updatedAt) {}
}
