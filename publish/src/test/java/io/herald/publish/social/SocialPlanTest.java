package io.herald.publish.social;

import io.herald.support.Settings.FeedBacklog;
import io.herald.support.Settings.NewsletterOnEdit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each post sends to each network, and that the preview shows exactly that. */
class SocialPlanTest {

    static final EnrichedPost POST = EnrichedPost.builder().id("p").title("Opening hours").published(Instant.EPOCH)
            .updated(Instant.EPOCH).language("en").qa(List.of(new EnrichedQa("when", "When?", "Nine to five.", null),
                    new EnrichedQa("sundays", "Sundays?", "Closed.", null))).tags(List.of("shop"))
            .summary("Nine to five, closed on Sundays.").readingTimeMinutes(1).wordCount(8).contentHash("h").receivedAt(Instant.EPOCH)
            .build();

    @Test
    void with_threads_on_each_platform_gets_a_snippet_and_a_numbered_thread_and_the_preview_shows_them_all() {
        SocialPlan plan = new SocialPlan("https://herald.example", List.of(Platform.X, Platform.MASTODON), true);
        List<String> keys = plan.snippets(POST).stream().map(SocialSnippet::idempotencyKey).toList();
        assertEquals(List.of("p:v1:social:x", "p:v1:social:x:1", "p:v1:social:x:2",
                "p:v1:social:mastodon", "p:v1:social:mastodon:1", "p:v1:social:mastodon:2"), keys);
        assertEquals(keys, plan.toSend(POST, new Outbox()).stream().map(SocialSnippet::idempotencyKey).toList(),
                "what is sent is what the preview shows");
        assertTrue(plan.snippets(POST).get(0).text().contains("utm_medium=social-x"), plan.snippets(POST).get(0).text());
    }

    @Test
    void social_links_carry_the_posts_campaign_as_the_newsletter_does_not_the_word_post() {
        SocialPlan plan = new SocialPlan("https://herald.example", List.of(Platform.MASTODON), false);
        String text = plan.snippets(POST).get(0).text();
        assertTrue(text.contains("utm_campaign=p"), text);
        assertTrue(!text.contains("utm_campaign=post"), text);
    }

    @Test
    void a_post_that_had_its_snippets_sends_none_again_and_no_key_goes_twice() {
        SocialPlan plan = new SocialPlan("https://herald.example", List.of(Platform.X, Platform.BLUESKY), false);
        Outbox outbox = new Outbox();
        plan.toSend(POST, outbox).forEach(outbox::record);
        assertTrue(plan.toSend(POST, outbox).isEmpty(), "the post had its snippets");
        EnrichedPost edited = POST.toBuilder().version(2).contentHash("h2").build();
        assertTrue(plan.toSend(edited, outbox).isEmpty(), "a later version gets none: snippets go with the first publication");
    }

    @Test
    void snippets_cut_off_by_a_crash_between_them_are_completed_when_the_record_comes_again_and_none_goes_twice() {
        // Killed after the X snippet was written and before the Bluesky one: the record comes again after the restart.
        SocialPlan plan = new SocialPlan("https://herald.example", List.of(Platform.X, Platform.BLUESKY), false);
        Outbox outbox = new Outbox();
        outbox.record(plan.toSend(POST, outbox).get(0));
        assertEquals(List.of("bluesky"), plan.toSend(POST, outbox).stream().map(SocialSnippet::platform).toList());
    }

    @Test
    void a_new_feeds_backlog_gets_no_snippets_unless_backlog_is_announced() {
        EnrichedPost backlog = POST.toBuilder().backlog(true).build();
        assertEquals(List.of(), new SocialPlan("https://herald.example", List.of(Platform.X), false, FeedBacklog.SKIP).toSend(backlog, new Outbox()));
        assertEquals(1, new SocialPlan("https://herald.example", List.of(Platform.X), false, FeedBacklog.ANNOUNCE).toSend(backlog, new Outbox()).size());
    }
}
