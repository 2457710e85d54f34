package io.herald.events;

/**
 * A social post sized for one network, on {@code herald.social}.
 *
 * @param length the text's length as the platform counts it
 * @param limit  the platform's limit, which {@code length} never exceeds
 */
public record SocialSnippet(
        int schema,
        String idempotencyKey,
        String postId,
        int version,
        String platform,
        String text,
        int length,
        int limit) implements Event {
}
