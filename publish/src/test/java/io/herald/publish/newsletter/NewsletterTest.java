package io.herald.publish.newsletter;

import io.herald.publish.Outbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.NewsletterPayload;
import io.herald.support.DigestSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Newsletter payloads that mail clients show as meant, and digests that cover each window once. */
class NewsletterTest {

    static EnrichedPost post(String id, String published) {
        return EnrichedPost.builder().id(id).title("Title <" + id + ">").author("Kim").published(Instant.parse(published))
                .updated(Instant.parse(published)).url("https://site.example/" + id).language("en").intro("Intro.")
                .qa(List.of(new EnrichedQa("q1", "Is it <b>safe</b>?", "Yes.\n\nQuite.", "<p onclick=x>Yes.</p><script>x()</script>")))
                .images(List.of("https://site.example/" + id + ".jpg")).tags(List.of("tips")).summary("A summary.")
                .readingTimeMinutes(1).wordCount(10).contentHash("h").receivedAt(Instant.parse(published)).build();
    }

    /** Issue 27, item 9: the preheader cut a 160-character summary at 140, mid-question ("What…"). */
    @Test
    void the_preheader_is_the_whole_summary_a_summary_of_160_characters_is_not_cut() {
        String summary = "Last Thursday, our co-op hosted the heat pump webinar for members. What does it cost to run? "
                + "Do radiators need replacing? How loud is the outdoor unit?";
        assertTrue(summary.length() > 140 && summary.length() <= 160, String.valueOf(summary.length()));
        NewsletterPayload p = new NewsletterRenderer("https://herald.example").announce(post("a", "2026-01-05T10:00:00Z").toBuilder()
                .summary(summary).build(), "announcement");
        assertEquals(summary, p.preheader());
    }

    @Test
    void an_announcement_is_email_safe_html_with_a_text_twin_and_utm_only_on_links() {
        NewsletterPayload p = new NewsletterRenderer("https://herald.example").announce(post("a", "2026-01-05T10:00:00Z"), "announcement");
        assertEquals("a:v1:newsletter:announcement", p.idempotencyKey());
        assertFalse(p.idempotencyKey().contains("utm"));
        assertEquals("Title <a>", p.subject());
        assertEquals("A summary.", p.preheader());
        String html = p.html();
        assertFalse(html.contains("<script") || html.contains("onclick") || html.contains("<style"), html);
        assertTrue(html.contains("<table role=\"presentation\""), html);
        assertTrue(html.contains("alt=\"Title &lt;a&gt;\""), "images have alt text");
        assertTrue(html.contains("Is it &lt;b&gt;safe&lt;/b&gt;?"), "text is escaped, not markup");
        assertTrue(html.contains("https://site.example/a?utm_source=herald&amp;utm_medium=email&amp;utm_campaign=a"), html);
        assertTrue(p.text().contains("Q: Is it <b>safe</b>?\nA: Yes.\n\nQuite."), p.text());
        assertFalse(p.text().contains("<p"), p.text());
    }

    @Test
    void a_daily_digest_covers_the_window_since_the_last_one_and_skips_an_empty_window() {
        DigestPlanner planner = new DigestPlanner(DigestSchedule.parse("daily@08:00").orElseThrow());
        List<EnrichedPost> posts = List.of(post("old", "2026-03-01T09:00:00Z"), post("new", "2026-03-02T07:00:00Z"));
        var due = planner.due(Instant.parse("2026-03-02T08:00:05Z"), Optional.empty(), posts).orElseThrow();
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), due.windowStart());
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), due.windowEnd());
        assertEquals(List.of("new", "old"), due.posts().stream().map(EnrichedPost::id).toList());
        // the next day nothing new was published: nothing is sent
        assertTrue(planner.due(Instant.parse("2026-03-03T09:00:00Z"), Optional.of(due.windowEnd()), posts).isEmpty());
    }

    @Test
    void after_a_restart_mid_window_the_watermark_from_kafka_keeps_a_window_from_being_sent_twice() {
        DigestPlanner planner = new DigestPlanner(DigestSchedule.parse("weekly@mon@08:00").orElseThrow());
        List<EnrichedPost> posts = List.of(post("a", "2026-03-03T10:00:00Z"));
        // Monday 2026-03-09 08:00 was sent; Herald restarts on Wednesday: the outbox replayed from Kafka knows it.
        Outbox outbox = new Outbox();
        outbox.record(new NewsletterRenderer("https://h.example").digest(posts, "2026-03-09T08:00:00Z", "Digest"));
        assertEquals(Instant.parse("2026-03-09T08:00:00Z"), outbox.digestWatermark().orElseThrow());
        assertTrue(planner.due(Instant.parse("2026-03-11T12:00:00Z"), outbox.digestWatermark(), posts).isEmpty());
        // without the watermark it would have sent the same window again
        assertTrue(planner.due(Instant.parse("2026-03-11T12:00:00Z"), Optional.empty(), posts).isPresent());
    }

    @Test
    void a_mistyped_schedule_is_refused_with_the_forms_it_takes() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DigestSchedule.parse("hourly"));
        assertTrue(e.getMessage().contains("daily@HH:MM"), e.getMessage());
        assertTrue(DigestSchedule.parse("off").isEmpty());
    }

    @Test
    void a_newsletter_is_signed_with_the_site_title() {
        NewsletterPayload p = new NewsletterRenderer("https://herald.example", "Brightwater Energy Co-op")
                .announce(post("a", "2026-01-05T10:00:00Z"), "announcement");
        assertTrue(p.html().contains("Brightwater Energy Co-op"), p.html());
        assertTrue(p.text().strip().endsWith("Brightwater Energy Co-op"), p.text());
        assertEquals("https://site.example/a", p.url(), "a post with a URL of its own links there");
    }
}
