package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.RegisterChange.Kind;

/** The pending uploads' memory bound and their one-time taking. */
class PendingUploadsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aUsersFourthPreviewDropsTheirOldestOnly() {
        PendingUploads uploads = new PendingUploads(ticking, 3, 1_000);
        String other = uploads.keep("other", "A", Kind.CHILD, false, "x", 1).orElseThrow();
        String first = keepAt(uploads, "me", 0);
        String second = keepAt(uploads, "me", 1);
        String third = keepAt(uploads, "me", 2);
        String fourth = keepAt(uploads, "me", 3);
        assertThat(uploads.take(first, "me", "A")).as("the oldest is dropped").isEmpty();
        assertThat(uploads.take(second, "me", "A")).isPresent();
        assertThat(uploads.take(third, "me", "A")).isPresent();
        assertThat(uploads.take(fourth, "me", "A")).isPresent();
        assertThat(uploads.take(other, "other", "A"))
                .as("another user's is kept")
                .isPresent();
    }

    @Test
    void aPreviewBeyondTheCharactersHeldIsRefusedAndDropsNobodyElses() {
        PendingUploads uploads = new PendingUploads(clock, 3, 10);
        String other =
                uploads.keep("other", "A", Kind.CHILD, false, "1234567", 1).orElseThrow();
        assertThat(uploads.keep("me", "A", Kind.CHILD, false, "1234", 1)).isEmpty();
        assertThat(uploads.keep("me", "A", Kind.CHILD, false, "123", 1)).isPresent();
        assertThat(uploads.take(other, "other", "A")).isPresent();
    }

    @Test
    void anUploadIsTakenOnceAndOnlyByItsUserForItsAuthority() {
        PendingUploads uploads = new PendingUploads(clock);
        String id = uploads.keep("me", "A", Kind.PROVIDER, true, "csv", 4).orElseThrow();
        assertThat(uploads.take(id, "other", "A")).isEmpty();
        assertThat(uploads.take(id, "me", "B")).isEmpty();
        assertThat(uploads.take(id, "me", "A")).map(PendingUploads.Pending::csv).contains("csv");
        assertThat(uploads.take(id, "me", "A")).as("already taken").isEmpty();
    }

    private final Ticking ticking = new Ticking();

    /** Kept a second after the one before, so the previews' ages differ. */
    private String keepAt(PendingUploads uploads, String user, int n) {
        ticking.now = ticking.now.plusSeconds(1);
        return uploads.keep(user, "A", Kind.CHILD, false, "c" + n, n).orElseThrow();
    }

    /** A clock the test moves on. */
    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
