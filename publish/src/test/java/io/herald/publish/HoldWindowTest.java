package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A deletion inside the hold window cancels what was held; a post published again is no longer cancelled. */
class HoldWindowTest {

    static EnrichedPost post(String id) {
        return EnrichedPost.builder().id(id).title("T").published(Instant.EPOCH).updated(Instant.EPOCH).language("en")
                .contentHash("h").receivedAt(Instant.EPOCH).build();
    }

    @Test
    void a_tombstone_seen_by_the_channel_or_by_the_store_cancels() {
        PostStore store = new PostStore();
        HoldWindow window = new HoldWindow(Duration.ofSeconds(30), store);
        window.observe("a", post("a"));
        assertFalse(window.cancels("a"));
        window.observe("a", null);
        assertTrue(window.cancels("a"), "the channel's own consumer saw the tombstone");
        window.observe("a", post("a"));
        assertFalse(window.cancels("a"), "published again");
        store.apply(post("b"));
        store.delete("b");
        assertTrue(window.cancels("b"), "the store's consumer saw the tombstone first");
    }

    @Test
    void the_hold_runs_from_when_the_version_was_written_not_from_when_it_is_read() {
        HoldWindow window = new HoldWindow(Duration.ofSeconds(20), new PostStore());
        assertEquals(20_000, window.remaining(1_000, 1_000), "read at once: the whole hold");
        assertEquals(5_000, window.remaining(1_000, 16_000), "read 15 s late (after another post's hold): 5 s left");
        assertEquals(0, window.remaining(1_000, 90_000), "read after a restart, long after: goes out at once");
        assertEquals(20_000, window.remaining(5_000, 1_000), "a broker clock ahead of ours never makes the hold longer");
    }
}
