package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upstream RSS and Atom entries become posts; hostile or broken feeds are refused with a reason. */
class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    @Test
    void an_rss_item_becomes_a_post_with_its_link_as_id_and_its_content_read_for_questions() {
        List<FeedReader.Entry> entries = reader.read(Fixtures.bytes("feeds/museum-rss.xml"), "https://museum.example/feed.xml");
        assertEquals(2, entries.size());
        ParsedPost post = entries.get(0).post();
        assertEquals("Curator Q&A: The Winter Exhibition", post.title());
        assertEquals("https://museum.example/blog/curator-qa-winter", PostIdentity.idFor(post), "relative link resolved");
        assertEquals("Lotte Verhoeven", post.author());
        assertEquals(Instant.parse("2026-02-10T13:00:00Z"), post.published());
        assertEquals(List.of("Exhibitions", "Interviews"), post.tags());
        assertEquals(List.of("https://museum.example/img/winter.jpg"), post.images());
        assertEquals(2, post.qa().size());
        assertEquals("Can I take photos?", post.qa().get(1).question());
        assertEquals("We asked our curator what visitors want to know.", post.intro());
    }

    @Test
    void an_item_with_only_a_description_is_still_a_post() {
        ParsedPost post = reader.read(Fixtures.bytes("feeds/museum-rss.xml"), "https://museum.example/feed.xml").get(1).post();
        assertEquals("Opening hours over the holidays", post.title());
        assertEquals(0, post.qa().size());
        assertEquals("We are open every day except New Year's Day.", post.intro());
    }

    @Test
    void an_atom_entry_is_read_too() {
        ParsedPost post = reader.read(Fixtures.bytes("feeds/podcast-atom.xml"), "https://makers.example/feed").get(0).post();
        assertEquals("https://makers.example/episodes/12", post.url());
        assertEquals("Sam Okafor", post.author());
        assertEquals("A Japanese pull saw.", post.qa().get(0).answer());
        assertEquals(List.of("woodworking"), post.tags());
    }

    @Test
    void the_same_entry_read_twice_has_the_same_hash() {
        byte[] xml = Fixtures.bytes("feeds/museum-rss.xml");
        assertEquals(reader.read(xml, "https://museum.example/feed.xml").get(0).contentHash(),
                reader.read(xml, "https://museum.example/feed.xml").get(0).contentHash());
    }

    @Test
    void a_feed_with_a_doctype_is_refused_and_no_file_is_read() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> reader.read(Fixtures.bytes("feeds/xxe-rss.xml"), "https://x.example/feed"));
        assertTrue(e.detail().startsWith("The feed https://x.example/feed is not a readable RSS or Atom feed"), e.detail());
        assertFalse(e.detail().contains("root:"), e.detail());
    }

    @Test
    void an_entity_expansion_bomb_is_refused_quickly_without_expanding() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            bomb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><rss version=\"2.0\"><channel><title>&l10;</title></channel></rss>");
        long before = System.nanoTime();
        assertThrows(RejectedPost.class, () -> reader.read(bomb.toString().getBytes(StandardCharsets.UTF_8), "https://x.example/"));
        assertTrue(System.nanoTime() - before < 5_000_000_000L, "refused before expanding 10^10 entities");
    }

    @Test
    void something_that_is_not_a_feed_is_refused_with_a_reason() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> reader.read("<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8), "https://x.example/"));
        assertEquals(400, e.status());
    }

    @Test
    void an_atom_entry_in_xhtml_keeps_the_space_between_a_word_and_the_link_after_it() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Shop</title><id>urn:shop</id><updated>2026-03-01T00:00:00Z</updated>
                <entry><title>Returns FAQ</title><id>urn:shop:returns</id><link href="https://shop.example/returns"/>
                <updated>2026-03-01T00:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><strong>Q: How do I send it back?</strong></p>
                <p>A: See <a href="https://shop.example/guide">our guide</a> or our <a href="/r">returns page</a>.</p></div></content>
                </entry></feed>""".strip();
        ParsedPost post = reader.read(atom.getBytes(StandardCharsets.UTF_8), "https://shop.example/feed.atom").get(0).post();
        assertEquals("See our guide or our returns page.", post.qa().get(0).answer());
    }
}
