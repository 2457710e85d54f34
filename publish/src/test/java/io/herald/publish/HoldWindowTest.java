package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deletion inside the hold window cancels what was held; a post published again is no longer cancelled. */
class HoldWindowTest {

    static EnrichedPost post(String id) {
        return new EnrichedPost(Schema.VERSION, id, 1, "T", null, Instant.EPOCH, Instant.EPOCH, null, "en", null, List.of(), null,
                List.of(), List.of(), List.of(), null, 1, 1, List.of(), "h", List.of(), false, Instant.EPOCH);
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
}
