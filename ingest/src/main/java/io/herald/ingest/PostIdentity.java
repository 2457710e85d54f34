package io.herald.ingest;

import io.herald.support.TrackingParams;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides a post's id (CONTRACT.md, "Post identity"): an explicit id, else the canonical URL,
 * else a slug of the title. The same post sent twice gets the same id, so an edit is a new
 * version of one feed item rather than a second item.
 */
public final class PostIdentity {

    private static final int MAX_SLUG = 80;

    private PostIdentity() {
    }

    public static String idFor(ParsedPost post) {
        if (post.explicitId() != null && !post.explicitId().isBlank()) {
            return post.explicitId().strip();
        }
        if (post.url() != null && !post.url().isBlank()) {
            // The URL without tracking parameters, as transform cleans the post's url: the same page
            // shared with ?utm_source=newsletter is the same post.
            return TrackingParams.strip(post.url().strip());
        }
        return slug(post.title());
    }

    /**
     * Lower-case letters and digits joined by single dashes. Accents are dropped from Latin
     * letters; other scripts are kept as they are, so a Chinese title still has a readable id.
     */
    public static String slug(String title) {
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }
}
