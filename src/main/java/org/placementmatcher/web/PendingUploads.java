package org.placementmatcher.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.placementmatcher.register.RegisterChange.Kind;

/**
 * CSV uploads previewed and not yet confirmed, kept on the server between the preview and the confirmation so the
 * browser never carries (and cannot alter) what was previewed: keyed by an unguessable id, held to the user and the
 * authority that previewed it, for {@link #LIFETIME}, and taken (used once) on confirmation. The register's version
 * at the preview is kept too: a register changed meanwhile is previewed again rather than applied unseen.
 * Held in this instance's memory: a restart forgets a pending upload, which is then simply uploaded again.
 */
@ApplicationScoped
public class PendingUploads {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 200;

    /** A previewed upload. */
    public record Pending(
            String username, String authority, Kind kind, boolean replace, String csv, long version, Instant expires) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PendingUploads(Clock clock) {
        this.clock = clock;
    }

    String keep(String username, String authority, Kind kind, boolean replace, String csv, long version) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            pending.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.expires().compareTo(b.expires())))
                    .ifPresent(oldest -> pending.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        pending.put(id, new Pending(username, authority, kind, replace, csv, version, now.plus(LIFETIME)));
        return id;
    }

    /** The pending upload with the id, if this user previewed it for this authority and it has not expired. */
    Optional<Pending> take(String id, String username, String authority) {
        Pending found = id == null ? null : pending.get(id);
        if (found == null
                || !found.username().equals(username)
                || !found.authority().equals(authority)
                || found.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        pending.remove(id);
        return Optional.of(found);
    }
}
