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
 * @param approved     a marketer approved the post: one that needs approval is published (at its time, if it has one)
 * @param publishAt    when the post is to be published, replacing the time it was sent with; {@code null}: as sent
 * @param newsletter   when the newsletter of a post published later (scheduled or approved) goes out: {@code with-post}
 *                     (the default), {@code held} (until another decision) or {@code at} ({@code newsletterAt})
 * @param newsletterAt the time for {@code newsletter=at}
 * @param snippets     the same for the social snippets
 * @param snippetsAt   the time for {@code snippets=at}
 * @param snippetTexts a marketer's own text for a network's snippet (by network: {@code x}, {@code mastodon}, ...),
 *                     used instead of Herald's for every snippet of the post not yet sent
 */
public record PostControls(
        int schema,
        String postId,
        List<String> acceptedTags,
        List<String> removedTags,
        Instant updated,
        boolean approved,
        Instant publishAt,
        String newsletter,
        Instant newsletterAt,
        String snippets,
        Instant snippetsAt,
        java.util.Map<String, String> snippetTexts) implements Event {

    public static final String WITH_POST = "with-post";
    public static final String HELD = "held";
    public static final String AT = "at";

    public PostControls {
        acceptedTags = acceptedTags == null ? List.of() : List.copyOf(acceptedTags);
        removedTags = removedTags == null ? List.of() : List.copyOf(removedTags);
        snippetTexts = snippetTexts == null ? java.util.Map.of() : java.util.Map.copyOf(new java.util.TreeMap<>(snippetTexts));
    }

    /** A decision about tags only, in this schema. */
    public static PostControls of(String postId, List<String> acceptedTags, List<String> removedTags, Instant updated) {
        return new PostControls(Schema.VERSION, postId, acceptedTags, removedTags, updated, false, null, null, null, null, null, null);
    }

    /** No decision yet about a post. */
    public static PostControls none(String postId) {
        return of(postId, List.of(), List.of(), null);
    }

    /** This decision with its tags replaced, made at {@code at}. */
    public PostControls withTags(List<String> accepted, List<String> removed, Instant at) {
        return new PostControls(Schema.VERSION, postId, accepted, removed, at, approved, publishAt, newsletter, newsletterAt, snippets, snippetsAt,
                snippetTexts);
    }

    /** This decision with its schedule replaced, made at {@code at}. */
    public PostControls withSchedule(boolean approved, Instant publishAt, String newsletter, Instant newsletterAt, String snippets,
                                     Instant snippetsAt, Instant at) {
        return new PostControls(Schema.VERSION, postId, acceptedTags, removedTags, at, approved, publishAt, newsletter, newsletterAt,
                snippets, snippetsAt, snippetTexts);
    }

    /** This decision with a network's snippet text replaced ({@code null}: Herald's own again), made at {@code at}. */
    public PostControls withSnippetText(String platform, String text, Instant at) {
        java.util.Map<String, String> texts = new java.util.TreeMap<>(snippetTexts);
        if (text == null) {
            texts.remove(platform);
        } else {
            texts.put(platform, text);
        }
        return new PostControls(Schema.VERSION, postId, acceptedTags, removedTags, at, approved, publishAt, newsletter, newsletterAt,
                snippets, snippetsAt, texts);
    }
}
