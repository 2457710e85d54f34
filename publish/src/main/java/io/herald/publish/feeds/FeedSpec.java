package io.herald.publish.feeds;

import io.herald.publish.PostHead;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One feed Herald publishes: all posts, the posts of one tag, or every Q&amp;A pair of every post.
 *
 * @param key   stable identity of the feed, also its path under {@code /feeds/}: {@code all},
 *              {@code tags/<tag>}, {@code qa}
 * @param title what readers see as the feed's name
 */
public record FeedSpec(String key, String title, Predicate<PostHead> includes, boolean perQuestion) {

    public static FeedSpec all(String siteTitle) {
        return new FeedSpec("all", siteTitle, p -> true, false);
    }

    public static FeedSpec qa(String siteTitle) {
        return new FeedSpec("qa", siteTitle + ": every question", p -> p.questions() > 0, true);
    }

    /**
     * The feed of one tag, at its slug ({@link TagSlug}): every post with a tag of that slug. Its title
     * has the tag as written ("3D printing"): the slug alone is in lower case.
     */
    public static FeedSpec tag(String siteTitle, String tag) {
        String slug = TagSlug.of(tag);
        return new FeedSpec("tags/" + slug, siteTitle + ": " + tag, p -> TagSlug.has(p, slug), false);
    }

    /** The feed's path for a format ({@code rss}, {@code atom}, {@code json}), URL-encoded. */
    public String path(String format) {
        return FeedRequest.of(this, format).path();
    }

    /** Path of archive page {@code n} (1 = the oldest entries), RFC 5005. */
    public String archivePath(int n, String format) {
        return FeedRequest.archive(this, n, format).path();
    }

    /**
     * Stable feed id, never derived from the base URL, the same on every archive page of the feed
     * (RFC 5005). The all and Q&amp;A feeds keep the ids they were first published with; a tag feed's
     * key holds a slash and any script, which no URN may (the W3C validator: InvalidURN), so its id
     * is a name-based UUID URN (RFC 9562) of the key.
     */
    public String id() {
        if (key.startsWith("tags/")) {
            return "urn:uuid:" + UUID.nameUUIDFromBytes(("herald:feed:" + key).getBytes(StandardCharsets.UTF_8));
        }
        return "urn:herald:feed:" + key;
    }
}
