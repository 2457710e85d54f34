package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Atom feed: entries newest first, ids that survive edits and base-URL changes, markup escaped. */
class AtomRendererTest {

    static EnrichedPost post(String id, int version, String published, String answer) {
        return new EnrichedPost(Schema.VERSION, id, version, "Title of " + id, null, Instant.parse(published),
                Instant.parse(published).plusSeconds(version), null, "en", "Intro.",
                List.of(new EnrichedQa("q1", "Is <b> safe?", answer, null)), null, List.of(), List.of(),
                List.of("tips"), null, 1, 10, List.of(), "h" + version, List.of(), false,
                Instant.parse(published));
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void entries_carry_title_content_category_and_a_self_link() throws Exception {
        String xml = new AtomRenderer("https://news.example.org/").render("all", "All", "/feeds/all.atom",
                List.of(post("a", 1, "2026-01-02T00:00:00Z", "Yes & no.")));
        assertTrue(xml.contains("href=\"https://news.example.org/feeds/all.atom\""), xml);
        SyndFeed feed = parse(xml);
        assertEquals(1, feed.getEntries().size());
        var entry = feed.getEntries().get(0);
        assertEquals("Title of a", entry.getTitle());
        assertEquals("tips", entry.getCategories().get(0).getName());
        String html = entry.getContents().get(0).getValue();
        assertTrue(html.contains("Is &lt;b&gt; safe?"), html);
        assertTrue(html.contains("Yes &amp; no."), html);
    }

    @Test
    void an_entry_id_does_not_change_with_an_edit_or_another_base_url() throws Exception {
        String before = parse(new AtomRenderer("http://localhost:8080").render("all", "All", "/feeds/all.atom",
                List.of(post("a", 1, "2026-01-02T00:00:00Z", "v1")))).getEntries().get(0).getUri();
        String after = parse(new AtomRenderer("https://elsewhere.example").render("all", "All", "/feeds/all.atom",
                List.of(post("a", 2, "2026-01-02T00:00:00Z", "v2")))).getEntries().get(0).getUri();
        assertEquals(before, after);
        assertTrue(before.startsWith("urn:uuid:"), before);
        assertFalse(before.equals(FeedIds.entryId("b")));
    }

    @Test
    void the_store_orders_newest_first_and_ignores_an_older_version() {
        PostStore store = new PostStore();
        store.apply(post("old", 1, "2026-01-01T00:00:00Z", "x"));
        store.apply(post("new", 2, "2026-02-01T00:00:00Z", "x"));
        store.apply(post("new", 1, "2026-02-01T00:00:00Z", "stale"));
        assertEquals(List.of("new", "old"), store.newest(0, 10).stream().map(EnrichedPost::id).toList());
        assertEquals(2, store.get("new").orElseThrow().version());
        store.delete("old");
        assertEquals(1, store.size());
    }
}
