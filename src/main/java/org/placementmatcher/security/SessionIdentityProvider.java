package org.placementmatcher.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signed-in user of a session cookie (form sign-in): the cookie, encrypted by Quarkus, names the user;
 * the account is read again on every request, so a user disabled or deleted, or given other roles, is
 * treated accordingly at once. A lock-out does not end a session already open (the lock is against guessing).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountStore accounts;

    public SessionIdentityProvider(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.find(request.getPrincipal())
                .filter(Account::enabled)
                .map(LocalAccountIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("the session's user can no longer sign in")));
    }
}
