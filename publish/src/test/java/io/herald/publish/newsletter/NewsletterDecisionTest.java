package io.herald.publish.newsletter;

import io.herald.support.Settings.FeedBacklog;
import io.herald.support.Settings.NewsletterOnEdit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.Outbox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which newsletter each version of a post sends, decided without Camel or Kafka. */
class NewsletterDecisionTest {

    static EnrichedPost version(int version, boolean minorEdit) {
        return EnrichedPost.builder().id("p").version(version).title("Opening hours").published(Instant.EPOCH)
                .updated(Instant.EPOCH.plusSeconds(version)).language("en").qa(List.of(new EnrichedQa("when", "When?", "Nine to five.", null)))
                .summary("Nine to five.").readingTimeMinutes(1).wordCount(5).contentHash("h" + version).minorEdit(minorEdit)
                .receivedAt(Instant.EPOCH).build();
    }

    final NewsletterRenderer renderer = new NewsletterRenderer("https://herald.example");
    final Outbox outbox = new Outbox();

    @Test
    void the_first_publication_is_announced_once() {
        NewsletterDecision decision = new NewsletterDecision(renderer, NewsletterOnEdit.NONE);
        var first = decision.decide(version(1, false), outbox).orElseThrow();
        assertEquals("announcement", first.kind());
        assertEquals("p:v1:newsletter:announcement", first.idempotencyKey());
        outbox.record(first);
        assertTrue(decision.decide(version(1, false), outbox).isEmpty(), "a redelivery of the same version sends nothing");
    }

    @Test
    void an_edit_sends_nothing_unless_corrections_are_on_and_a_typo_fix_never_does() {
        outbox.record(new NewsletterDecision(renderer, NewsletterOnEdit.NONE).decide(version(1, false), outbox).orElseThrow());
        assertTrue(new NewsletterDecision(renderer, NewsletterOnEdit.NONE).decide(version(2, false), outbox).isEmpty());
        NewsletterDecision corrections = new NewsletterDecision(renderer, NewsletterOnEdit.CORRECTION);
        assertTrue(corrections.decide(version(2, true), outbox).isEmpty(), "a typo fix is not a correction");
        var correction = corrections.decide(version(3, false), outbox).orElseThrow();
        assertEquals("correction", correction.kind());
        assertEquals("p:v3:newsletter:correction", correction.idempotencyKey());
        outbox.record(correction);
        assertTrue(corrections.decide(version(3, false), outbox).isEmpty(), "no key twice");
    }

    @Test
    void the_preview_is_the_announcement_that_would_go_out() {
        NewsletterDecision decision = new NewsletterDecision(renderer, NewsletterOnEdit.NONE);
        assertEquals(decision.decide(version(1, false), outbox).orElseThrow().html(), decision.preview(version(1, false)).html());
    }

    @Test
    void a_new_feeds_backlog_gets_no_newsletter_unless_backlog_is_announced() {
        EnrichedPost backlog = version(1, false).toBuilder().backlog(true).build();
        NewsletterDecision skipping = new NewsletterDecision(renderer, NewsletterOnEdit.CORRECTION, FeedBacklog.SKIP);
        assertTrue(skipping.decide(backlog, outbox).isEmpty(), "not announced");
        assertTrue(skipping.decide(version(2, false).toBuilder().backlog(true).build(), outbox).isEmpty(), "nor corrected later");
        assertEquals("announcement", new NewsletterDecision(renderer, NewsletterOnEdit.NONE, FeedBacklog.ANNOUNCE).decide(backlog, outbox).orElseThrow().kind());
    }
}
