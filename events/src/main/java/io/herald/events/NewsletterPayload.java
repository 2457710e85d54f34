package io.herald.events;

/**
 * A newsletter payload on {@code herald.newsletter}, ready for a newsletter system.
 *
 * @param idempotencyKey deterministic from post id, version and channel: consumers drop repeats by it
 * @param kind           {@code announcement}, {@code correction} or {@code digest}
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
        String text) implements Event {
}
