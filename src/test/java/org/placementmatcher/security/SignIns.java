package org.placementmatcher.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/** Test aid: the identity of the last successful sign-in, as the application saw it after augmentation. */
@ApplicationScoped
public class SignIns {

    private final AtomicReference<SecurityIdentity> last = new AtomicReference<>();

    void onSignIn(@Observes AuthenticationSuccessEvent event) {
        last.set(event.getSecurityIdentity());
    }

    public SecurityIdentity last() {
        return last.get();
    }

    public void clear() {
        last.set(null);
    }
}
