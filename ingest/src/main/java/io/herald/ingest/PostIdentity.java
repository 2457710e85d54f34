package io.herald.ingest;

import io.herald.support.PostIds;
import io.herald.support.TrackingParams;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides a post's id (the README, "Post identity"): an explicit id, else the canonical URL,
 * else a slug of the title. The same post sent twice gets the same id, so an edit is a new
 * version of one feed item rather than a second item.
 */
public final class PostIdentity {

    private static final int MAX_SLUG = 80;

    private PostIdentity() {
    }

    /** The post's id, in NFC ({@link PostIds}): a decomposed Korean title and a composed one are one post. */
    public static String idFor(ParsedPost post) {
        if (post.explicitId() != null && !post.explicitId().isBlank()) {
            return PostIds.normalize(post.explicitId());
        }
        if (post.url() != null && !post.url().isBlank()) {
            // The URL without tracking parameters, as transform cleans the post's url: the same page
            // shared with ?utm_source=newsletter is the same post.
            return PostIds.normalize(TrackingParams.strip(post.url().strip()));
        }
        return slug(post.title());
    }

    /**
     * Lower-case letters and digits joined by single dashes, in NFC. Accents are dropped from Latin
     * letters; other scripts are kept as they are (their marks too: Japanese voiced kana, Hindi vowel
     * signs, Korean syllables composed), so a Chinese, Japanese or Korean title still has a readable id.
     */
    public static String slug(String title) {
        String slug = PostIds.foldLatinAccents(Normalizer.normalize(title, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.codePointCount(0, slug.length()) > MAX_SLUG) {
            slug = slug.substring(0, slug.offsetByCodePoints(0, MAX_SLUG)).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }
}
