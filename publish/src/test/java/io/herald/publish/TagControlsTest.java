package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.PostControls;
import io.herald.support.Settings.AutoTags;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tags a post is published with, as the auto-tags setting and marketers' decisions say. */
class TagControlsTest {

    static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    static EnrichedPost post() {
        return EnrichedPost.builder().id("p").version(1).title("T").published(T).updated(T)
                .tags(List.of("3D printing", "nozzles", "filament")).autoTags(List.of("nozzles", "filament")).build();
    }

    @Test
    void under_public_every_auto_tag_not_removed_is_published_and_the_authors_tags_always() {
        TagControls c = new TagControls(AutoTags.PUBLIC);
        assertEquals(post(), c.served(post()), "nothing decided: published as enriched");
        c.record("p", PostControls.of("p", List.of(), List.of("Nozzles"), T));
        assertEquals(List.of("3D printing", "filament"), c.served(post()).tags(), "a removal matches in any case");
    }

    @Test
    void under_approved_only_accepted_auto_tags_are_published() {
        TagControls c = new TagControls(AutoTags.APPROVED);
        assertEquals(List.of("3D printing"), c.served(post()).tags(), "the author's spelling, no suggestion");
        c.record("p", PostControls.of("p", List.of("filament"), List.of(), T));
        assertEquals(List.of("3D printing", "filament"), c.served(post()).tags());
    }

    @Test
    void a_later_decision_reapplies_to_a_post_already_served_and_an_older_one_does_not_replace_it() {
        TagControls c = new TagControls(AutoTags.PUBLIC);
        c.record("p", PostControls.of("p", List.of(), List.of("nozzles", "filament"), T));
        EnrichedPost served = c.served(post());
        assertEquals(List.of("3D printing"), served.tags());
        c.record("p", PostControls.of("p", List.of("nozzles"), List.of(), T.plusSeconds(60)));
        assertEquals(List.of("3D printing", "nozzles", "filament"), c.served(served).tags(), "a removed tag comes back in its place");
        c.record("p", PostControls.of("p", List.of(), List.of("nozzles"), T.plusSeconds(30)));
        assertEquals(TagControls.State.ACCEPTED, c.states(post()).get("nozzles"), "a decision older than the one held is not applied");
        c.record("p", null);
        assertEquals(TagControls.State.SUGGESTED, c.states(post()).get("nozzles"), "a tombstone forgets the decision");
    }

    @Test
    void a_store_replaces_the_held_version_when_a_decision_changes_its_tags_and_feeds_see_a_change() {
        PostStore store = new PostStore();
        store.apply(post());
        TagControls c = new TagControls(AutoTags.PUBLIC);
        long before = store.changeCount();
        ControlsRoute.apply(c, store, "p", PostControls.of("p", List.of(), List.of("filament"), T));
        assertEquals(List.of("3D printing", "nozzles"), store.get("p").orElseThrow().tags());
        assertTrue(store.changeCount() > before, "the feeds know to render again");
        assertTrue(!TagControls.stamp(post()).equals(TagControls.stamp(store.get("p").orElseThrow())), "rendered entries are keyed by the tags too");
        long after = store.changeCount();
        ControlsRoute.apply(c, store, "p", PostControls.of("p", List.of(), List.of("filament"), T.plusSeconds(1)));
        assertEquals(after, store.changeCount(), "the same tags again change nothing");
    }
}
