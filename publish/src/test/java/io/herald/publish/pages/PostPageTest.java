package io.herald.publish.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.publish.SafeContent;
import io.herald.publish.Site;
import io.herald.publish.feeds.TagSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page a reader lands on: the post, its metadata for sharing and search, and nothing that runs. */
class PostPageTest {

    static final Site SITE = new Site("Allotment Society", "Answers from our growing season", "en",
            Optional.of("https://allotments.example/icon.png"), "The Committee");

    static EnrichedPost post(String title, String answer, String url) {
        return SafeContent.of(EnrichedPost.builder().id("allotment-questions").version(1).title(title).published(Instant.parse("2026-03-01T09:00:00Z"))
                .updated(Instant.parse("2026-03-01T09:00:00Z")).language("en").url(url).intro("We answered your questions.")
                .qa(List.of(new EnrichedQa("when-do-i-sow-beans", "When do I sow beans?", answer, "<p>" + answer + "</p>"),
                        new EnrichedQa("water", "Do I water daily?", "Twice a week.", null)))
                .tags(List.of("gardening", "city planning")).summary("Sow in May; water twice a week.").readingTimeMinutes(1)
                .wordCount(20).contentHash("h").receivedAt(Instant.parse("2026-03-01T09:00:00Z")).build());
    }

    @Test
    void a_page_has_every_question_as_a_heading_with_its_anchor_and_the_metadata_search_and_sharing_need() throws Exception {
        Document page = Jsoup.parse(PostPage.render(post("Allotment questions", "In May.", null), SITE, "https://herald.example"));
        assertEquals("https://herald.example/posts/allotment-questions", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Allotment questions", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("Allotment Society", page.selectFirst("meta[property=og:site_name]").attr("content"));
        assertEquals("summary", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals("https://herald.example/feeds/all.atom", page.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"));
        assertEquals("When do I sow beans?", page.selectFirst("h2#when-do-i-sow-beans").text());
        assertEquals("Do I water daily?", page.selectFirst("h2#water").text());
        assertEquals("By The Committee · 1 March 2026 · 1 min read", page.selectFirst(".meta").text());
        // Issue 27, item 7: a tag leads to the topic's page, not to raw Atom XML.
        assertEquals("https://herald.example/tags/city-planning", page.select(".tags a").get(1).attr("href"));
        JsonNode faq = Json.mapper().readTree(page.select("script[type=application/ld+json]").last().data());
        assertEquals("FAQPage", faq.get("@type").asText());
        assertEquals("In May.", faq.get("mainEntity").get(0).get("acceptedAnswer").get("text").asText());
        assertEquals(2, page.select("script").size(), "the JSON-LD (BlogPosting, FAQPage) are the only script elements");
        assertEquals(2, page.select("script[type=application/ld+json]").size());
    }

    @Test
    void a_post_with_its_own_url_names_it_as_canonical() {
        Document page = Jsoup.parse(PostPage.render(post("Q", "A.", "https://allotments.example/blog/questions"), SITE, "https://herald.example"));
        assertEquals("https://allotments.example/blog/questions", page.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void hostile_text_is_shown_as_text_and_cannot_close_the_json_ld_or_run() {
        String hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
        String html = PostPage.render(post("Title " + hostile, "Answer " + hostile, null), SITE, "https://herald.example");
        Document page = Jsoup.parse(html);
        assertEquals(2, page.select("script").size(), html);
        assertEquals(2, page.select("script[type=application/ld+json]").size(), html);
        assertTrue(page.select("[onerror]").isEmpty(), html);
        for (var script : page.select("script[type=application/ld+json]")) {
            assertFalse(script.data().contains("</script"));
        }
        assertTrue(PostPage.CONTENT_SECURITY_POLICY.startsWith("default-src 'none'"), "and the policy lets no script run");
    }

    @Test
    void tag_slugs_are_lower_case_hyphenated_accent_folded_and_keep_other_scripts() {
        assertEquals("city-planning", TagSlug.of("City Planning"));
        assertEquals("economie-circulaire", TagSlug.of("Économie circulaire"));
        assertEquals("chinese-central-government", TagSlug.of("chinese central government"));
        assertEquals("城市规划", TagSlug.of("城市规划"));
        assertEquals("हिंदी-भाषा", TagSlug.of("हिंदी भाषा"), "Devanagari keeps its vowel signs");
        assertEquals("c-c", TagSlug.of("C++ & C#"));
    }
}
