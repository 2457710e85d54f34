package io.herald.events;

import java.time.Instant;
import java.util.List;

/**
 * What a marketer decided about one post, on the compacted {@code herald.posts.controls} topic (key: the
 * post id): the latest decision for each post, written whole by the dashboard each time. Publishing
 * applies it to every version of the post, in the feeds, on the pages, in newsletters and in snippets.
 *
 * @param postId       the post it is about
 * @param acceptedTags auto-tags ({@link EnrichedPost#autoTags()}) a marketer accepted: with the setting
 *                     {@code auto-tags=approved}, only these of the auto-tags are published
 * @param removedTags  auto-tags a marketer removed: never published, whatever the setting
 * @param updated      when this decision was made
 */
public record PostControls(
        int schema,
        String postId,
        List<String> acceptedTags,
        List<String> removedTags,
        Instant updated) implements Event {

    public PostControls {
        acceptedTags = acceptedTags == null ? List.of() : List.copyOf(acceptedTags);
        removedTags = removedTags == null ? List.of() : List.copyOf(removedTags);
    }

    /** A decision made now, in this schema. */
    public static PostControls of(String postId, List<String> acceptedTags, List<String> removedTags, Instant updated) {
        return new PostControls(Schema.VERSION, postId, acceptedTags, removedTags, updated);
    }
}
