package org.placementmatcher.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
 * Held in this instance's memory: a restart forgets a pending upload, which is then simply uploaded again. The
 * memory is bounded: a user keeps at most {@link #PER_USER} (a new preview drops that user's oldest), and all
 * together hold at most {@link #MAX_CHARS} characters and {@link #MAX_PENDING} uploads; a preview beyond those is
 * refused rather than dropping another user's.
 */
@ApplicationScoped
public class PendingUploads {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int PER_USER = 3;
    static final long MAX_CHARS = 50_000_000;
    static final int MAX_PENDING = 200;

    /** A previewed upload. */
    public record Pending(
            String username, String authority, Kind kind, boolean replace, String csv, long version, Instant expires) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int perUser;
    private final long maxChars;

    @Inject
    public PendingUploads(Clock clock) {
        this(clock, PER_USER, MAX_CHARS);
    }

    PendingUploads(Clock clock, int perUser, long maxChars) {
        this.clock = clock;
        this.perUser = perUser;
        this.maxChars = maxChars;
    }

    /**
     * Keeps the previewed upload and gives its id; empty when keeping it would hold more than the bound allows
     * (the preview is then refused, and nothing of anyone else's is dropped).
     */
    synchronized Optional<String> keep(
            String username, String authority, Kind kind, boolean replace, String csv, long version) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        Map.Entry<String, Pending> dropped = null;
        if (pending.values().stream().filter(p -> p.username().equals(username)).count() >= perUser) {
            dropped = pending.entrySet().stream()
                    .filter(e -> e.getValue().username().equals(username))
                    .min(Comparator.comparing(e -> e.getValue().expires()))
                    .orElseThrow();
        }
        long held = pending.values().stream().mapToLong(p -> p.csv().length()).sum()
                - (dropped == null ? 0 : dropped.getValue().csv().length());
        int count = pending.size() - (dropped == null ? 0 : 1);
        if (held + csv.length() > maxChars || count >= MAX_PENDING) {
            return Optional.empty();
        }
        if (dropped != null) {
            pending.remove(dropped.getKey(), dropped.getValue());
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        pending.put(id, new Pending(username, authority, kind, replace, csv, version, now.plus(LIFETIME)));
        return Optional.of(id);
    }

    /**
     * The pending upload with the id, if this user previewed it for this authority and it has not expired; taken
     * once: of two confirmations at the same time, only the one that removes it gets it.
     */
    Optional<Pending> take(String id, String username, String authority) {
        Pending found = id == null ? null : pending.get(id);
        if (found == null
                || !found.username().equals(username)
                || !found.authority().equals(authority)
                || found.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return pending.remove(id, found) ? Optional.of(found) : Optional.empty();
    }
}
