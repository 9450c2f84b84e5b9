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
import java.util.Set;

/**
 * Username and password (HTTP Basic on every API call, and the sign-in form) against the local accounts.
 * <p>
 * Cost: every HTTP Basic request verifies the password with bcrypt again, about 50-100 ms of one core at the
 * default cost 10 ({@code placement.security.bcrypt-cost}); that is the price of a slow hash, paid on a worker
 * thread (runBlocking), never on the event loop. The sign-in form pays it once, then the session cookie is used.
 */
@ApplicationScoped
public class LocalAccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountStore accounts;

    public LocalAccountIdentityProvider(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String password = new String(request.getPassword().getPassword());
            AccountStore.SignIn signIn = accounts.signIn(request.getUsername(), password);
            if (!signIn.ok()) {
                // One answer for every refusal: the caller learns nothing about which names exist or are locked.
                throw new AuthenticationFailedException("sign-in failed");
            }
            return identity(signIn.account());
        });
    }

    /** The identity of an account: its stored roles, and its authorities as {@link Role#AUTHORITIES_ATTRIBUTE}. */
    static SecurityIdentity identity(Account account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addAttribute(Role.AUTHORITIES_ATTRIBUTE, Set.copyOf(account.authorities()));
        account.roles().forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }
}
