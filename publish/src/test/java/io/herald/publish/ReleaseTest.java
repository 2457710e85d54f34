package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.PostControls;
import io.herald.publish.Release.Channel;
import io.herald.support.Settings.AutoTags;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a post goes public: at its time, on approval, and never back out of view. */
class ReleaseTest {

    static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    final PostStore store = new PostStore();
    final TagControls decisions = new TagControls(AutoTags.PUBLIC);
    final Release release = new Release(decisions, store);

    static EnrichedPost post(int version, Instant publishAt, boolean needsApproval) {
        return EnrichedPost.builder().id("p").version(version).title("T").published(T).updated(T).publishAt(publishAt)
                .needsApproval(needsApproval).build();
    }

    @Test
    void a_scheduled_post_waits_until_its_time_and_is_then_published_with_its_channels_due() {
        assertEquals(null, release.apply("p", post(1, T, false), T.minusSeconds(1)));
        assertTrue(store.get("p").isEmpty(), "not public before its time");
        assertEquals(List.of(), release.releaseDue(T.minusMillis(1)));
        assertEquals(1, release.releaseDue(T).size());
        assertTrue(store.get("p").isPresent());
        assertTrue(release.pending().isEmpty());
        assertTrue(release.waiting(Channel.NEWSLETTER).contains("p") && release.waiting(Channel.SNIPPETS).contains("p"));
    }

    /**
     * A decision's answer reads the post back at once, while the release timer may be moving it: a
     * post being released is public or pending at every moment, never neither (that gap answered a
     * marketer's approval with a 500).
     */
    @Test
    void a_post_being_released_is_found_at_every_moment_public_or_pending() throws Exception {
        int n = 3000;
        for (int i = 0; i < n; i++) {
            release.apply("p" + i, EnrichedPost.builder().id("p" + i).version(1).title("T").published(T).updated(T).publishAt(T).build(),
                    T.minusSeconds(1));
        }
        java.util.concurrent.atomic.AtomicReference<String> lost = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get() && lost.get() == null) {
                for (int i = 0; i < n && lost.get() == null; i++) {
                    String id = "p" + i;
                    if (release.pending(id).isEmpty() && store.get(id).isEmpty()) {
                        lost.set(id);
                    }
                }
            }
        });
        reader.start();
        assertEquals(n, release.releaseDue(T).size());
        done.set(true);
        reader.join();
        assertEquals(null, lost.get(), "a post neither public nor pending while released");
        assertTrue(release.pending().isEmpty());
        assertEquals(List.of(), release.releaseDue(T), "released once");
    }

    @Test
    void a_post_that_needs_approval_is_published_once_approved_and_a_public_post_stays_public() {
        release.apply("p", post(1, null, true), T);
        assertTrue(store.get("p").isEmpty());
        decisions.record("p", PostControls.none("p").withSchedule(true, null, null, null, null, null, T));
        release.decided("p", T);
        assertTrue(store.get("p").isPresent(), "approved: public");
        release.apply("p", post(2, T.plusSeconds(3600), true), T);
        assertEquals(2, store.get("p").orElseThrow().version(), "a later version of a public post is public at once");
    }

    @Test
    void a_tombstone_takes_a_pending_post_away_too_and_plans_decide_when_a_channel_is_due() {
        release.apply("p", post(1, T.plusSeconds(60), false), T);
        release.apply("p", null, T);
        assertTrue(release.pending().isEmpty());
        assertEquals(List.of(), release.releaseDue(T.plusSeconds(120)), "a deleted post is never published");
        assertFalse(Release.due(PostControls.HELD, null, T));
        assertFalse(Release.due(PostControls.AT, T.plusSeconds(1), T));
        assertTrue(Release.due(PostControls.AT, T, T));
        assertTrue(Release.due(null, null, T), "with the post, by default");
    }
}
