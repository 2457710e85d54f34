package io.herald.publish.feeds;

import java.util.Locale;
import io.herald.support.BoundedCache;
import io.herald.support.PostIds;

/**
 * A tag as it appears in a URL: lower case, words joined by hyphens, accents folded off Latin letters
 * ("Économie circulaire" is {@code economie-circulaire}); other scripts are kept as they are
 * ("城市规划" stays, Hindi keeps its vowel signs).
 */
public final class TagSlug {

    private TagSlug() {
    }

    /**
     * Tags recur on post after post: each is folded once. Bounded by the bytes it holds (a flood of long
     * distinct tags cannot grow it past 4 MB), and fed only with tags of posts: a name in a request is
     * folded with {@link #ofRequested}, never kept.
     */
    private static final BoundedCache<String, String> KNOWN =
            new BoundedCache<>(4L << 20, (tag, slug) -> 2L * (tag.length() + slug.length()) + 64);

    /** The bytes the slug cache holds (for tests and metrics). */
    static long heldBytes() {
        return KNOWN.heldBytes();
    }

    /** The slug of a tag posts have. */
    public static String of(String tag) {
        return KNOWN.computeIfAbsent(tag, TagSlug::fold);
    }

    /** Whether one of the post's tags has this slug. */
    public static boolean has(io.herald.events.EnrichedPost post, String slug) {
        return has(post.tags(), slug);
    }

    /** Whether one of the post's tags has this slug, from its head. */
    public static boolean has(io.herald.publish.PostHead post, String slug) {
        return has(post.tags(), slug);
    }

    private static boolean has(java.util.List<String> tags, String slug) {
        for (String t : tags) {
            if (of(t).equals(slug)) {
                return true;
            }
        }
        return false;
    }

    /** The post's tag of this slug, as the post spells it. */
    public static java.util.Optional<String> spelt(io.herald.events.EnrichedPost post, String slug) {
        return post.tags().stream().filter(t -> of(t).equals(slug)).findFirst();
    }

    /** The slug of a tag name someone asked for: folded, not remembered. */
    public static String ofRequested(String tag) {
        String known = KNOWN.get(tag);
        return known != null ? known : fold(tag);
    }

    private static String fold(String tag) {
        String slug = PostIds.foldLatinAccents(tag.toLowerCase(Locale.ROOT)).replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "tag" : slug;
    }
}
