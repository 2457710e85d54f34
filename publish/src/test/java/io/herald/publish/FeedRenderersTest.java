package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.publish.feeds.AtomRenderer;
import io.herald.publish.feeds.FeedIds;
import io.herald.publish.feeds.FeedLinks;
import io.herald.publish.feeds.FeedPage;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.Feeds;
import io.herald.publish.feeds.JsonFeedRenderer;
import io.herald.publish.feeds.RenderedFeeds;
import io.herald.publish.feeds.RssRenderer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** RSS, Atom and JSON Feed documents: their elements, stable ids, archive pages, and validity whatever the text. */
class FeedRenderersTest {

    static final FeedLinks LINKS = new FeedLinks("https://news.example/", Optional.of("https://hub.example/"));

    static EnrichedPost post(String id, int version, String published, String answer, List<String> tags) {
        return EnrichedPost.builder().id(id).version(version).title("Title of " + id).author("Kim")
                .published(Instant.parse(published)).updated(Instant.parse(published).plusSeconds(version))
                .url("https://site.example/" + id).language("en").intro("Intro.")
                .qa(List.of(new EnrichedQa("is-it-safe", "Is 3 < 5 safe?", answer, "<p>" + answer.replace("&", "&amp;") + "</p>")))
                .images(List.of("https://site.example/img/" + id + ".png")).tags(tags).summary("A summary.")
                .readingTimeMinutes(1).wordCount(10).contentHash("h" + version).receivedAt(Instant.parse(published)).build();
    }

    static PostStore store(EnrichedPost... posts) {
        PostStore store = new PostStore();
        for (EnrichedPost p : posts) {
            store.apply(p);
        }
        return store;
    }

    static SyndFeed rome(String xml) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    static void wellFormed(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void atom_has_self_hub_content_summary_categories_author_and_the_image_as_enclosure() throws Exception {
        Feeds feeds = new Feeds(store(post("a", 1, "2026-01-02T00:00:00Z", "Yes & no.", List.of("tips"))), 50, "Herald");
        String xml = new AtomRenderer(LINKS).render(feeds.subscription(FeedSpec.all("Herald")));
        assertTrue(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://news.example/feeds/all.atom\""), xml);
        assertTrue(xml.contains("<link rel=\"hub\" href=\"https://hub.example/\""), xml);
        assertTrue(xml.contains("rel=\"enclosure\" type=\"image/png\" href=\"https://site.example/img/a.png\""), xml);
        assertTrue(xml.contains("<updated>2026-01-02T00:00:01Z</updated>"), "RFC 3339 dates: " + xml);
        SyndFeed feed = rome(xml);
        var entry = feed.getEntries().get(0);
        assertEquals("Title of a", entry.getTitle());
        assertEquals("https://site.example/a", entry.getLink());
        assertEquals("Kim", entry.getAuthor());
        assertEquals("tips", entry.getCategories().get(0).getName());
        assertEquals("A summary.", entry.getDescription().getValue());
        assertTrue(entry.getContents().get(0).getValue().contains("Is 3 &lt; 5 safe?"));
    }

    @Test
    void rss_has_content_encoded_a_non_permalink_guid_rfc_822_dates_and_atom_self_and_hub_links() throws Exception {
        Feeds feeds = new Feeds(store(post("a", 1, "2026-01-02T00:00:00Z", "Yes.", List.of("tips"))), 50, "Herald");
        String xml = new RssRenderer(LINKS).render(feeds.subscription(FeedSpec.all("Herald")));
        assertTrue(xml.contains("rel=\"self\" href=\"https://news.example/feeds/all.rss\" type=\"application/rss+xml\""), xml);
        assertTrue(xml.contains("rel=\"hub\" href=\"https://hub.example/\""), xml);
        assertTrue(xml.contains("<guid isPermaLink=\"false\">urn:uuid:"), xml);
        assertTrue(xml.contains("<pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate>"), xml);
        assertTrue(xml.contains("<content:encoded>"), xml);
        assertTrue(xml.contains("<dc:creator>Kim</dc:creator>"), xml);
        assertTrue(xml.contains("<enclosure url=\"https://site.example/img/a.png\" length=\"0\" type=\"image/png\""), xml);
        wellFormed(xml);
    }

    @Test
    void json_feed_1_1_has_its_required_fields() throws Exception {
        Feeds feeds = new Feeds(store(post("a", 1, "2026-01-02T00:00:00Z", "Yes.", List.of("tips"))), 50, "Herald");
        JsonNode feed = Json.mapper().readTree(new JsonFeedRenderer(LINKS).render(feeds.subscription(FeedSpec.all("Herald"))));
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals("https://news.example/feeds/all.json", feed.get("feed_url").asText());
        assertEquals("WebSub", feed.get("hubs").get(0).get("type").asText());
        JsonNode item = feed.get("items").get(0);
        assertEquals(FeedIds.entryId("a"), item.get("id").asText());
        assertEquals("https://site.example/img/a.png", item.get("image").asText());
        assertEquals("2026-01-02T00:00:00Z", item.get("date_published").asText());
        assertEquals("Kim", item.get("authors").get(0).get("name").asText());
    }

    @Test
    void ids_survive_an_edit_and_a_new_base_url() throws Exception {
        var v1 = new Feeds(store(post("a", 1, "2026-01-02T00:00:00Z", "v1", List.of())), 50, "Herald");
        var v2 = new Feeds(store(post("a", 2, "2026-01-02T00:00:00Z", "v2", List.of())), 50, "Herald");
        String before = rome(new AtomRenderer(LINKS).render(v1.subscription(FeedSpec.all("Herald")))).getEntries().get(0).getUri();
        String after = rome(new AtomRenderer(new FeedLinks("http://localhost:9", Optional.empty()))
                .render(v2.subscription(FeedSpec.all("Herald")))).getEntries().get(0).getUri();
        assertEquals(before, after);
    }

    @Test
    void the_qa_feed_has_one_entry_per_pair_titled_by_the_question_linking_to_its_anchor() throws Exception {
        Feeds feeds = new Feeds(store(post("a", 1, "2026-01-02T00:00:00Z", "Yes.", List.of())), 50, "Herald");
        var entry = rome(new AtomRenderer(LINKS).render(feeds.subscription(FeedSpec.qa("Herald")))).getEntries().get(0);
        assertEquals("Is 3 < 5 safe?", entry.getTitle());
        assertEquals("https://site.example/a#is-it-safe", entry.getLink());
        assertNotEquals(FeedIds.entryId("a"), entry.getUri());
    }

    @Test
    void older_entries_are_on_stable_archive_pages_linked_both_ways_and_no_entry_is_in_two_documents() throws Exception {
        PostStore store = new PostStore();
        for (int i = 0; i < 7; i++) {
            store.apply(post("p" + i, 1, "2026-01-0" + (i + 1) + "T00:00:00Z", "x", List.of()));
        }
        Feeds feeds = new Feeds(store, 3, "Herald");
        FeedPage current = feeds.subscription(FeedSpec.all("Herald"));
        assertEquals(List.of("p6", "p5", "p4", "p3"), ids(current), "everything not archived, at least the feed size");
        assertEquals(1, current.prevArchive());
        FeedPage oldest = feeds.archive(FeedSpec.all("Herald"), 1).orElseThrow();
        assertEquals(List.of("p2", "p1", "p0"), ids(oldest));
        assertTrue(feeds.archive(FeedSpec.all("Herald"), 2).isEmpty());
        String archive = new AtomRenderer(LINKS).render(oldest);
        assertTrue(archive.contains("<fh:archive"), archive);
        assertTrue(archive.contains("rel=\"current\""), archive);
        assertTrue(new AtomRenderer(LINKS).render(current).contains("href=\"https://news.example/feeds/all/archive/1.atom\""));

        // Two more posts: page 1 stays as it was, page 2 fills, the subscription holds the newest three.
        store.apply(post("p7", 1, "2026-01-08T00:00:00Z", "x", List.of()));
        store.apply(post("p8", 1, "2026-01-09T00:00:00Z", "x", List.of()));
        assertEquals(List.of("p2", "p1", "p0"), ids(feeds.archive(FeedSpec.all("Herald"), 1).orElseThrow()));
        FeedPage second = feeds.archive(FeedSpec.all("Herald"), 2).orElseThrow();
        assertEquals(List.of("p5", "p4", "p3"), ids(second));
        assertEquals(1, second.prevArchive());
        assertEquals(List.of("p8", "p7", "p6"), ids(feeds.subscription(FeedSpec.all("Herald"))));
        assertTrue(new AtomRenderer(LINKS).render(feeds.archive(FeedSpec.all("Herald"), 1).orElseThrow()).contains("rel=\"next-archive\""));
    }

    static List<String> ids(FeedPage page) {
        return page.items().stream().map(i -> i.post().id()).toList();
    }

    @Test
    void feeds_stay_valid_xml_whatever_the_text_holds() throws Exception {
        String nasty = "ctrl\u0001\u0008 cdata ]]> end <![CDATA[ x ]]> emoji \uD83D\uDE80 lone \uD83D cjk 中国科技 rtl مرحبا שלום & < >";
        EnrichedPost p = EnrichedPost.builder().id("n").title(nasty).author(nasty).published(Instant.parse("2026-01-01T00:00:00Z"))
                .updated(Instant.parse("2026-01-01T00:00:00Z")).language("und").intro(nasty)
                .qa(List.of(new EnrichedQa("q", nasty, nasty, "<p>" + nasty + "</p>"))).outro(nasty).tags(List.of(nasty))
                .summary(nasty).readingTimeMinutes(1).wordCount(1).contentHash("h").build();
        Feeds feeds = new Feeds(store(p), 50, "Herald");
        for (FeedSpec spec : List.of(FeedSpec.all("Herald"), FeedSpec.qa("Herald"))) {
            String atom = new AtomRenderer(LINKS).render(feeds.subscription(spec));
            String rss = new RssRenderer(LINKS).render(feeds.subscription(spec));
            wellFormed(atom);
            wellFormed(rss);
            String title = rome(atom).getEntries().get(0).getTitle();
            assertTrue(title.contains("中国科技") && title.contains("مرحبا") && title.contains("\uD83D\uDE80")
                    && title.contains("]]>"), title);
            assertFalse(atom.contains("\u0001"));
            Json.mapper().readTree(new JsonFeedRenderer(LINKS).render(feeds.subscription(spec)));
        }
    }

    @Test
    void a_document_is_rendered_again_only_when_its_entries_change() {
        PostStore store = store(post("a", 1, "2026-01-02T00:00:00Z", "x", List.of("tips")),
                post("b", 1, "2026-01-03T00:00:00Z", "x", List.of("other")));
        RenderedFeeds rendered = new RenderedFeeds(store, new Feeds(store, 50, "Herald"), LINKS);
        var tips1 = rendered.get("/feeds/tags/tips.atom").orElseThrow();
        long renders = rendered.renders();
        store.apply(post("b", 2, "2026-01-03T00:00:00Z", "edited", List.of("other")));
        var tips2 = rendered.get("/feeds/tags/tips.atom").orElseThrow();
        assertEquals(renders, rendered.renders(), "a change to another tag's post costs no render");
        assertEquals(tips1.etag(), tips2.etag());
        var all = rendered.get("/feeds/all.atom").orElseThrow();
        store.apply(post("a", 2, "2026-01-02T00:00:00Z", "edited", List.of("tips")));
        assertNotEquals(all.etag(), rendered.get("/feeds/all.atom").orElseThrow().etag());
        assertTrue(rendered.get("/feeds/tags/nope.atom").isEmpty());
        assertTrue(rendered.get("/feeds/all.xml").isEmpty());
    }
}
