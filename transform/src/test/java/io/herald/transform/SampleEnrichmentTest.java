package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.RawPost;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.testkit.Samples;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's long webinar sample, read by ingest and enriched: what a marketer sees in the feed. */
class SampleEnrichmentTest {

    static EnrichedPost post;

    @BeforeAll
    static void enrich() {
        RawPost raw = new Intake(Clock.systemUTC(), 1 << 20, new PostLedger())
                .accept(Samples.bytes(Samples.WEBINAR), "text/plain; charset=utf-8", "test").post();
        post = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow();
    }

    @Test
    void the_twelve_pairs_keep_their_questions_and_each_gets_its_own_anchor() {
        assertEquals(Samples.WEBINAR_ID, post.id());
        assertEquals(Samples.WEBINAR_PAIRS, post.qa().size());
        assertEquals("Will a heat pump keep my house warm in a cold snap?", post.qa().get(0).question());
        assertEquals("Which brand should I choose?", post.qa().get(11).question());
        assertEquals(12, post.qa().stream().map(EnrichedQa::id).distinct().count());
        assertEquals("will-a-heat-pump-keep-my-house-warm", post.qa().get(0).id());
    }

    @Test
    void missing_spaces_after_periods_and_possessives_are_repaired_and_the_bare_link_is_left_alone() {
        String intro = post.intro();
        assertTrue(intro.contains("a small heat pump enough. The numbers"), intro);
        String answers = String.join("\n", post.qa().stream().map(EnrichedQa::answer).toList());
        assertTrue(answers.contains("45 to 50 degrees. Where a room"), "degrees.Where");
        assertTrue(answers.contains("The co-op's Retrofit Fund"), "co-op'sRetrofit");
        assertTrue(answers.contains("on www.brightwater.example/grants which"), "the bare www. link is untouched");
        assertTrue(post.links().contains("https://www.brightwater.example/grants"), post.links().toString());
        assertTrue(answers.contains("the seasonal average was 3.1, which"), "decimals are not split");
    }

    @Test
    void a_multi_paragraph_answer_stays_one_answer_and_the_navigation_line_is_gone() {
        EnrichedQa insulate = post.qa().get(1);
        assertEquals(3, insulate.answer().split("\n\n").length, insulate.answer());
        assertTrue(insulate.answerHtml().startsWith("<p>Not everything"), insulate.answerHtml());
        assertFalse(post.outro().contains("Back to Blog"), post.outro());
        assertTrue(post.outro().startsWith("Thanks to everyone who joined us"), post.outro());
        assertFalse(post.qa().stream().anyMatch(q -> q.answer().contains("Back to Blog")));
    }

    @Test
    void language_reading_time_summary_and_tags_are_what_a_reader_expects() {
        assertEquals("en", post.language());
        assertTrue(post.wordCount() > 900 && post.wordCount() < 1000, "words: " + post.wordCount());
        assertEquals(5, post.readingTimeMinutes(), "about 950 words at 230 a minute");
        assertTrue(post.summary().startsWith("Last Thursday, Brightwater Energy Co-op hosted the Heat Pumps for Older Homes webinar.")
                && post.summary().endsWith("?") && post.summary().length() <= 160, post.summary());
        assertTrue(post.tags().contains("heat pump"), post.tags().toString());
        assertFalse(post.tags().contains("older"), "an adjective of the title is no topic: " + post.tags());
        assertTrue(post.tags().size() <= 8, post.tags().toString());
        assertEquals(List.of("versioning", "normalize-text", "clean-links", "sanitize-html", "qa-anchors", "language",
                "reading-time", "entities", "tags", "summary"), post.provenance().stream().map(p -> p.step()).toList());
    }

    @Test
    void answers_keep_their_links_emphasis_and_lists_in_answer_html_and_stay_plain_in_answer() {
        String md = "# Links FAQ\n\n## Where is the report?\n\nSee [our report](https://example.org/r.pdf) for **details**, "
                + "and <a href=\"https://example.org/guide\">our guide</a> too.\n\n- one\n- two\n";
        RawPost raw = new Intake(Clock.systemUTC(), 1 << 20, new PostLedger())
                .accept(md.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown", "test").post();
        EnrichedQa pair = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow().qa().get(0);
        assertTrue(pair.answerHtml().contains("<a href=\"https://example.org/r.pdf\" rel=\"nofollow noopener\">our report</a>"),
                pair.answerHtml());
        assertTrue(pair.answerHtml().contains("<strong>details</strong>"), pair.answerHtml());
        assertTrue(pair.answerHtml().contains("<a href=\"https://example.org/guide\""), pair.answerHtml());
        assertTrue(pair.answerHtml().replaceAll("\\s*\\n\\s*", "").contains("<ul><li>one</li><li>two</li></ul>"), pair.answerHtml());
        assertTrue(pair.answer().startsWith("See our report for details, and our guide too."), pair.answer());
    }

    @Test
    void a_plain_text_list_after_a_lead_in_line_stays_a_list() {
        EnrichedQa insulate = post.qa().get(1);
        assertTrue(insulate.answer().contains("We usually suggest this order:\n- seal the draughts"), insulate.answer());
        assertTrue(insulate.answerHtml().contains("<p>We usually suggest this order:</p><ul><li>seal the draughts around doors"),
                insulate.answerHtml());
        assertTrue(insulate.answerHtml().contains("<li>only then measure the heat loss room by room.</li></ul>"), insulate.answerHtml());
    }
}
