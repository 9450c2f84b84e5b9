package org.placementmatcher.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * TEMPORARY, TEST ONLY: the fixed TEST ACCOUNTS of issue 11, checked over HTTP Basic, until the real local
 * accounts (another branch) are merged; the coordinator replaces this file with them at the merge. Each account
 * holds one role as stored (inclusion is {@link RoleInclusion}'s) and its authorities in
 * {@link Role#AUTHORITIES_ATTRIBUTE}, exactly as the real accounts will.
 */
@ApplicationScoped
public class TemporaryTestIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String PASSWORD = "Test-password-1";

    /** A test account: its one role and its authorities. */
    public record Account(Role role, Set<String> authorities) {}

    public static final String OTHER_AUTHORITY = "E99999999";

    public static final Map<String, Account> ACCOUNTS = Map.of(
            "admin", new Account(Role.ADMIN, Set.of()),
            "viewer", new Account(Role.VIEWER, Set.of(Role.ANY_AUTHORITY)),
            "officer", new Account(Role.OFFICER, Set.of(Role.ANY_AUTHORITY)),
            "manager", new Account(Role.MANAGER, Set.of(Role.ANY_AUTHORITY)),
            "nominated-officer", new Account(Role.NOMINATED_OFFICER, Set.of(Role.ANY_AUTHORITY)),
            "director", new Account(Role.DIRECTOR, Set.of(Role.ANY_AUTHORITY)),
            "other-officer", new Account(Role.OFFICER, Set.of(OTHER_AUTHORITY)),
            "other-director", new Account(Role.DIRECTOR, Set.of(OTHER_AUTHORITY)));

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        Account account = ACCOUNTS.get(request.getUsername());
        if (account == null || !PASSWORD.equals(new String(request.getPassword().getPassword()))) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(request.getUsername()))
                        .addRole(account.role().name())
                        .addAttribute(Role.AUTHORITIES_ATTRIBUTE, account.authorities())
                        .build());
    }
}
