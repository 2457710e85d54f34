package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A feed path read once into what it asks for, and written back the way the feeds link to it. */
class FeedRequestTest {

    @Test
    void a_path_names_its_feed_its_page_and_its_format() {
        assertEquals(Optional.of(new FeedRequest("all", 0, "atom")), FeedRequest.parse("/feeds/all.atom"));
        assertEquals(Optional.of(new FeedRequest("tags/heat-pumps", 2, "rss")), FeedRequest.parse("/feeds/tags/heat-pumps/archive/2.rss"));
        assertEquals(Optional.of(new FeedRequest("tags/热泵", 0, "json")), FeedRequest.parse("/feeds/tags/%E7%83%AD%E6%B3%B5.json"));
        assertEquals("/feeds/tags/%E7%83%AD%E6%B3%B5/archive/3.json", new FeedRequest("tags/热泵", 3, "json").path());
        assertEquals("tags/热泵/archive/3.json", new FeedRequest("tags/热泵", 3, "json").cacheKey());
    }

    @Test
    void what_names_no_feed_document_is_no_request() {
        for (String path : new String[] {"/feeds", "/feeds/", "/feeds/index.html", "/feeds/all.xml", "/feeds/.atom", "/posts/all.atom",
            "/feeds/all/archive/0.atom"}) {
            assertTrue(FeedRequest.parse(path).isEmpty(), path);
        }
        // More than six digits is no page number: the whole is the feed's name, which no feed has.
        assertEquals("all/archive/1234567", FeedRequest.parse("/feeds/all/archive/1234567.rss").orElseThrow().feed());
    }
}
