package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A captured CMS webhook sent again is refused, and an older notification never replaces a newer version. */
class WebhookReplayTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_signature_is_taken_once_within_its_window() {
        SeenSignatures seen = new SeenSignatures(Duration.ofMinutes(20));
        assertTrue(seen.first("sha256=ab, t=1", T));
        assertFalse(seen.first("sha256=ab, t=1", T.plusSeconds(30)), "the same request again");
        assertTrue(seen.first("sha256=cd, t=2", T.plusSeconds(31)));
        seen.forget("sha256=cd, t=2");
        assertTrue(seen.first("sha256=cd, t=2", T.plusSeconds(40)), "Ghost's retry after Herald could not take it");
        assertTrue(seen.first("sha256=ab, t=1", T.plusSeconds(3600)), "long after the window the time check refuses it anyway");
    }

    @Test
    void the_time_a_cms_changed_the_post_is_read_from_ghost_and_wordpress() {
        CmsWebhookParser parser = new CmsWebhookParser();
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), parser.updatedAt(
                "{\"post\":{\"current\":{\"title\":\"T\",\"updated_at\":\"2026-11-30T08:00:00.000Z\"}}}").orElseThrow());
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), parser.updatedAt(
                "{\"post\":{\"current\":{},\"previous\":{\"updated_at\":\"2026-11-30T08:00:00Z\"}}}").orElseThrow(), "a deletion");
        assertEquals(Instant.parse("2026-11-29T07:06:05Z"), parser.updatedAt(
                "{\"title\":{\"rendered\":\"T\"},\"modified_gmt\":\"2026-11-29T07:06:05\"}").orElseThrow());
        assertTrue(parser.updatedAt("{\"title\":\"T\"}").isEmpty());
    }

    @Test
    void a_notification_older_than_the_held_version_is_older_than_held() {
        PostLedger ledger = new PostLedger();
        ledger.record("p", "h2", "webhook:ghost", T);
        assertTrue(ledger.olderThanHeld("p", T.minusSeconds(1)));
        assertFalse(ledger.olderThanHeld("p", T.plusSeconds(1)));
        assertFalse(ledger.olderThanHeld("p", null), "a notification that does not say is not judged");
        assertFalse(ledger.olderThanHeld("other", T.minusSeconds(1)));
    }
}
