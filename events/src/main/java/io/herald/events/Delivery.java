package io.herald.events;

import java.time.Instant;

/**
 * What became of one outbound payload at its channel's webhook (a newsletter payload at the
 * newsletter system's, a social snippet at the social tool's), on the compacted
 * {@code herald.deliveries} topic (key: the payload's idempotency key): the latest state of each.
 * The previews and re-sends read it, and retries resume from it after a restart.
 *
 * @param idempotencyKey the payload's key, as on {@code herald.newsletter} or {@code herald.social}
 * @param postId         the post the payload is about ({@code null} for a digest)
 * @param channel        {@code newsletter} or {@code social} (a record written before channels were
 *                       recorded is a newsletter's)
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
        String channel,
        String target,
        String state,
        int attempts,
        String reason,
        Instant at,
        Instant nextAttemptAt) implements Event {

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    public static final String NEWSLETTER = "newsletter";
    public static final String SOCIAL = "social";

    public Delivery {
        channel = channel == null ? NEWSLETTER : channel;
    }

    /** A newsletter payload's delivery state reached now, in this schema. */
    public static Delivery of(String idempotencyKey, String postId, String target, String state, int attempts, String reason,
                              Instant at, Instant nextAttemptAt) {
        return of(NEWSLETTER, idempotencyKey, postId, target, state, attempts, reason, at, nextAttemptAt);
    }

    /** A delivery state reached now on a channel, in this schema. */
    public static Delivery of(String channel, String idempotencyKey, String postId, String target, String state, int attempts,
                              String reason, Instant at, Instant nextAttemptAt) {
        return new Delivery(Schema.VERSION, idempotencyKey, postId, channel, target, state, attempts, reason, at, nextAttemptAt);
    }

    /** The same payload's next state, on the same channel and webhook. */
    public Delivery next(String state, int attempts, String reason, Instant at, Instant nextAttemptAt) {
        return of(channel, idempotencyKey, postId, target, state, attempts, reason, at, nextAttemptAt);
    }
}
