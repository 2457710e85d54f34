package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP validators of a feed document move whenever its bytes do, so no conditional GET keeps stale bytes. */
class RenderedFeedsTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    static EnrichedPost post(String id, int version, String answer, Instant received, boolean minorEdit) {
        return EnrichedPost.builder().id(id).version(version).title("Opening hours " + id).published(T).updated(T)
                .language("en").qa(List.of(new EnrichedQa("when", "When?", answer, null))).contentHash("h" + version)
                .minorEdit(minorEdit).receivedAt(received).build();
    }

    @Test
    void after_a_typo_fix_both_etag_and_last_modified_move_though_the_entry_keeps_its_updated_time() {
        PostStore store = new PostStore();
        RenderedFeeds feeds = new RenderedFeeds(store, new Feeds(store, 50, "Herald"), new FeedLinks("https://h.example", Optional.empty()));
        store.apply(post("a", 1, "Nine to fve.", T, false));
        RenderedFeeds.Document before = feeds.get("/feeds/all.atom").orElseThrow();
        store.apply(post("a", 2, "Nine to five.", T.plusSeconds(3600), true));
        RenderedFeeds.Document after = feeds.get("/feeds/all.atom").orElseThrow();
        assertNotEquals(before.etag(), after.etag());
        assertTrue(after.lastModified().isAfter(before.lastModified()), before.lastModified() + " then " + after.lastModified());
        assertTrue(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8).contains("<updated>2026-03-01T09:00:00Z</updated>"),
                "the entry's updated stays");
    }

    @Test
    void when_an_entry_leaves_last_modified_still_moves() {
        PostStore store = new PostStore();
        RenderedFeeds feeds = new RenderedFeeds(store, new Feeds(store, 50, "Herald"), new FeedLinks("https://h.example", Optional.empty()));
        store.apply(post("a", 1, "Nine to five.", T, false));
        store.apply(post("b", 1, "Ten to six.", T.plusSeconds(60), false));
        RenderedFeeds.Document before = feeds.get("/feeds/all.atom").orElseThrow();
        store.delete("b");
        RenderedFeeds.Document after = feeds.get("/feeds/all.atom").orElseThrow();
        assertNotEquals(before.etag(), after.etag());
        assertTrue(after.lastModified().isAfter(before.lastModified()));
        assertEquals(1, new String(after.body(), java.nio.charset.StandardCharsets.UTF_8).split("<entry>").length - 1);
    }
}
