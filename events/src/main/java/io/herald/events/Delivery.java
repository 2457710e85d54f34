package io.herald.events;

import java.time.Instant;

/**
 * What became of one newsletter payload at the newsletter system's webhook, on the compacted
 * {@code herald.deliveries} topic (key: the payload's idempotency key): the latest state of each.
 * The previews and re-sends read it, and retries resume from it after a restart.
 *
 * @param idempotencyKey the payload's key, as on {@code herald.newsletter}
 * @param postId         the post the payload is about ({@code null} for a digest)
 * @param target         the webhook URL
 * @param state          {@code delivered}, {@code retrying} (a try failed; the next is at {@code nextAttemptAt})
 *                       or {@code failed} (every retry failed; a re-send starts over)
 * @param attempts       tries made so far
 * @param reason         why the last try failed ({@code null} once delivered)
 * @param at             when this state was reached
 * @param nextAttemptAt  when a {@code retrying} payload is tried again; else {@code null}
 */
public record Delivery(
        int schema,
        String idempotencyKey,
        String postId,
        String target,
        String state,
        int attempts,
        String reason,
        Instant at,
        Instant nextAttemptAt) implements Event {

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    /** A delivery state reached now, in this schema. */
    public static Delivery of(String idempotencyKey, String postId, String target, String state, int attempts, String reason,
                              Instant at, Instant nextAttemptAt) {
        return new Delivery(Schema.VERSION, idempotencyKey, postId, target, state, attempts, reason, at, nextAttemptAt);
    }
}
