package org.placementmatcher.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The key that encrypts session cookies ({@code quarkus.http.auth.session.encryption-key}). Without one
 * configured, Quarkus would make one and write it to the log, where anyone who reads the log could forge a
 * session; so the launcher (cli.Main) makes a random one for this run first, kept only in memory, and this
 * says (without the key) what follows: sessions end when the service restarts, and instances behind one
 * address cannot share sessions.
 */
public class SessionKey {

    public static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String GENERATED_MARKER = "placement.session-key.generated";
    private static final Logger LOG = Logger.getLogger(SessionKey.class);

    /** Sets a random key for this run as a system property, unless one is configured. */
    public static void generateIfAbsent(boolean configured) {
        if (configured) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty(PROPERTY, Base64.getEncoder().encodeToString(key));
        System.setProperty(GENERATED_MARKER, "true");
    }

    void onStart(@Observes StartupEvent event) {
        if (Boolean.getBoolean(GENERATED_MARKER)) {
            LOG.warn("no session key configured (" + PROPERTY + ", env QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY):"
                    + " a random one is used for this run, so every sign-in session ends when the service restarts");
        }
    }
}
