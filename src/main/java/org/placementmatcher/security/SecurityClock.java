package org.placementmatcher.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The time for sign-in lock-outs: its own bean so that tests can move it (QuarkusMock) without waiting. */
@ApplicationScoped
public class SecurityClock {

    public Instant now() {
        return Instant.now();
    }
}
