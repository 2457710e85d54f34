package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository's samples, in each format, read the way the quick start sends them. */
class SamplesTest {

    final Intake intake = new Intake(Clock.systemUTC(), 1 << 20, new PostLedger());

    RawPost accept(String sample, String contentType) {
        return intake.accept(Samples.bytes(sample), contentType, "test").post();
    }

    @Test
    void the_plain_text_webinar_has_its_title_intro_twelve_whole_pairs_and_outro_without_the_navigation_line() {
        RawPost post = accept(Samples.WEBINAR, "text/plain");
        assertEquals(Samples.WEBINAR_TITLE, post.title());
        assertEquals(Samples.WEBINAR_ID, post.id());
        assertTrue(post.intro().startsWith("Last Thursday, Brightwater Energy Co-op hosted"), post.intro());
        assertEquals(Samples.WEBINAR_PAIRS, post.qa().size());
        for (QaPair pair : post.qa()) {
            assertTrue(pair.question().endsWith("?"), pair.question());
            assertFalse(pair.answer().isBlank(), pair.question());
        }
        assertTrue(post.qa().get(4).answer().contains("\n\nThe efficiency figure to ask for"), "second paragraph kept");
        assertTrue(post.qa().get(1).answer().contains("seal the draughts") && post.qa().get(1).answer().contains("only then measure"),
                "the list stays in its answer");
        assertTrue(post.outro().startsWith("Thanks to everyone who joined us"), post.outro());
        assertFalse(post.outro().contains("Back to Blog"), post.outro());
        assertTrue(post.links().contains("https://video.brightwater.example/heat-pumps-older-homes"), post.links().toString());
    }

    @Test
    void the_markdown_sample_takes_title_author_date_tags_and_image_from_its_front_matter() {
        RawPost post = accept(Samples.MARKDOWN, "text/markdown");
        assertEquals("Community Solar AMA: Your Questions Answered", post.title());
        assertEquals("Ingrid Solberg", post.author());
        assertEquals(Instant.parse("2026-03-18T16:00:00Z"), post.published());
        assertEquals(List.of("community solar", "energy co-op", "webinar"), post.tags());
        assertEquals(List.of("https://www.brightwater.example/images/solar-roof.jpg"), post.images());
        assertEquals("https://www.brightwater.example/blog/community-solar-ama", post.id(), "the canonical URL without utm_*");
        assertEquals(5, post.qa().size());
        assertEquals("How do I join the community solar project?", post.qa().get(0).question());
        assertTrue(post.qa().get(0).answer().contains("\n\nMembers who rent"), post.qa().get(0).answer());
        assertTrue(post.links().contains("https://www.brightwater.example/docs/depot-prospectus.pdf"), post.links().toString());
    }

    @Test
    void the_html_sample_is_read_from_its_article_without_header_navigation_aside_share_or_footer() {
        RawPost post = accept(Samples.HTML, "text/html; charset=utf-8");
        assertEquals("Repair Café Open Day FAQ", post.title());
        assertEquals("https://www.brightwater.example/events/repair-cafe-faq", post.id());
        assertEquals("Tomasz Nowak", post.author());
        assertEquals(4, post.qa().size());
        assertEquals("Do I need to book a slot?", post.qa().get(2).question());
        assertTrue(post.qa().get(2).answer().contains("Afternoons: bicycles and textiles"), post.qa().get(2).answer());
        String everything = post.intro() + post.qa() + post.outro();
        for (String chrome : List.of("Share on Mastodon", "Related posts", "Privacy", "Join", "© 2026")) {
            assertFalse(everything.contains(chrome), chrome + " leaked into the post: " + everything);
        }
        assertNull(post.outro());
    }

    @Test
    void the_json_sample_is_the_api_shape_with_its_own_id() {
        RawPost post = accept(Samples.JSON, "application/json");
        assertEquals("balcony-solar-faq", post.id());
        assertEquals("Balcony Solar Panels: Frequently Asked Questions", post.title());
        assertEquals(3, post.qa().size());
        assertEquals("Questions we have not answered? Write to the co-op's energy desk.", post.outro());
        assertEquals(List.of("balcony solar", "renters"), post.tags());
    }
}
