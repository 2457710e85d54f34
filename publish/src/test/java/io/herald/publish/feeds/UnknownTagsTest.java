package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.publish.PostStore;
import org.junit.jupiter.api.Test;

/** Regression (#22): requests for invented tag names grew the heap by 92 MB; now they are 404 and leave nothing behind. */
class UnknownTagsTest {

    @Test
    void thousands_of_invented_long_tag_names_are_not_found_and_not_remembered() {
        PostStore store = new PostStore();
        store.apply(ExportAndCacheTest.post(1, 1));
        Feeds feeds = new Feeds(store, 5, "Herald");
        RenderedFeeds rendered = new RenderedFeeds(store, feeds, ExportAndCacheTest.LINKS);
        assertTrue(rendered.get("/feeds/tags/hours.atom").isPresent(), "a tag a post has is a feed");
        int heldFeeds = feeds.heldFeeds();
        long heldSlugs = TagSlug.heldBytes();
        for (int i = 0; i < 6_000; i++) {
            String invented = "invented-" + i + "-" + "x".repeat(2_000);
            assertTrue(rendered.get("/feeds/tags/" + invented + ".atom").isEmpty(), "no post has " + i);
            FeedRequest.parse("/feeds/tags/" + invented.replace('-', ' ') + ".rss").flatMap(rendered::movedTo);
        }
        assertEquals(heldFeeds, feeds.heldFeeds(), "no feed is held for a name no post has");
        assertTrue(TagSlug.heldBytes() - heldSlugs < 64 * 1024, "slugs of requested names are not cached: " + (TagSlug.heldBytes() - heldSlugs));
    }
}
