package io.herald.events;

import java.util.List;

/**
 * A newsletter payload on {@code herald.newsletter}, ready for a newsletter system.
 *
 * @param idempotencyKey deterministic from post id, version and channel: consumers drop repeats by it
 * @param kind           {@code announcement}, {@code correction} or {@code digest}
 * @param url            the post's link (without tracking parameters), for the newsletter system's archive; {@code null} for a digest
 * @param tags           the post's tags, for segments and tags in the newsletter system; empty for a digest
 */
public record NewsletterPayload(
        int schema,
        String idempotencyKey,
        String postId,
        int version,
        String kind,
        String subject,
        String preheader,
        String html,
        String text,
        String url,
        List<String> tags) implements Event {

    public NewsletterPayload {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
