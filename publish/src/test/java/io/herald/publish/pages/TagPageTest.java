package io.herald.publish.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.publish.PostStore;
import io.herald.publish.feeds.StaticExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, item 7: a post page's tag leads to the topic's page, served and exported, never to raw Atom XML. */
class TagPageTest {

    @TempDir
    Path out;

    static EnrichedPost post(String id, String title, String day, List<String> tags, String url) {
        return EnrichedPost.builder().id(id).version(1).title(title).published(Instant.parse(day + "T09:00:00Z"))
                .updated(Instant.parse(day + "T09:00:00Z")).language("en").url(url).tags(tags).summary("About " + title + ".")
                .readingTimeMinutes(2).contentHash(id).receivedAt(Instant.parse(day + "T09:00:00Z")).build();
    }

    @Test
    void a_topics_page_lists_its_posts_newest_first_with_the_feed_to_follow_and_links_each_to_where_it_lives() {
        PostStore store = new PostStore();
        store.apply(post("beans", "Sowing beans", "2026-03-01", List.of("Kitchen Garden"), null));
        store.apply(post("soil", "Soil tests", "2026-03-05", List.of("kitchen garden", "Soil"), "https://club.example/soil"));
        store.apply(post("bees", "Bees", "2026-03-07", List.of("Pollinators"), null));
        String html = TagPage.renderAll(store, PostPageTest.SITE, "https://herald.example").get("kitchen-garden");
        Document page = Jsoup.parse(html);
        assertEquals("kitchen garden", page.selectFirst("h1").text(), "as the newest post with it writes it");
        assertEquals(List.of("Soil tests", "Sowing beans"), page.select(".list h2 a").eachText());
        assertEquals(List.of("https://club.example/soil", "https://herald.example/posts/beans"), page.select(".list h2 a").eachAttr("href"),
                "a post with its own URL is linked there");
        assertEquals("https://herald.example/feeds/tags/kitchen-garden.atom", page.selectFirst("link[rel=alternate]").attr("href"));
        assertEquals("https://herald.example/tags/kitchen-garden", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("2 posts", page.selectFirst("p.count").text());
        assertEquals("width=device-width, initial-scale=1", page.selectFirst("meta[name=viewport]").attr("content"));
        assertTrue(page.select("script").isEmpty());
    }

    @Test
    void the_export_writes_each_topics_page_where_the_post_pages_link_and_removes_one_no_post_has_any_more() throws Exception {
        PostStore store = new PostStore();
        store.apply(post("beans", "Sowing beans", "2026-03-01", List.of("Kitchen Garden"), null));
        store.apply(post("bees", "Bees", "2026-03-07", List.of("Pollinators"), null));
        StaticExport export = new StaticExport(out);
        export.exportTagPages(TagPage.renderAll(store, PostPageTest.SITE, "https://herald.example"));
        assertTrue(Files.readString(out.resolve("tags/kitchen-garden/index.html")).contains("Sowing beans"));
        assertTrue(Files.exists(out.resolve("tags/pollinators/index.html")));
        store.delete("bees");
        export.exportTagPages(TagPage.renderAll(store, PostPageTest.SITE, "https://herald.example"));
        assertFalse(Files.exists(out.resolve("tags/pollinators/index.html")));
        assertTrue(Files.exists(out.resolve("tags/kitchen-garden/index.html")));
    }
}
