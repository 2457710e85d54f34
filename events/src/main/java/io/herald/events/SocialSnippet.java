package io.herald.events;

import java.util.List;

/**
 * A social post sized for one network, on {@code herald.social}.
 *
 * @param length the text's length as the platform counts it
 * @param limit  the platform's limit, which {@code length} never exceeds
 * @param link   the URL the snippet links to
 * @param facets where the text shows a link in short (Bluesky); empty elsewhere
 */
public record SocialSnippet(
        int schema,
        String idempotencyKey,
        String postId,
        int version,
        String platform,
        String text,
        int length,
        int limit,
        String link,
        List<LinkFacet> facets) implements Event {

    public SocialSnippet {
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    public SocialSnippet(int schema, String idempotencyKey, String postId, int version, String platform, String text, int length, int limit) {
        this(schema, idempotencyKey, postId, version, platform, text, length, limit, null, List.of());
    }
}
