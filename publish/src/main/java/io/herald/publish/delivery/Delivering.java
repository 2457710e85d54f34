package io.herald.publish.delivery;

import io.herald.events.Delivery;
import io.herald.support.Failures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.herald.support.Masking;

/**
 * One try at handing a payload to its channel's webhook, and the state it leaves: delivered; or
 * retrying later, the wait doubling from {@code backoff} with every failed try (at most an hour);
 * or, once {@code retries} retries have failed too, failed for good (until someone re-sends it).
 */
public final class Delivering {

    static final Duration MAX_WAIT = Duration.ofHours(1);

    private final String channel;
    private final WebhookClient client;
    private final int retries;
    private final Duration backoff;
    private final Clock clock;

    /** @param channel {@link Delivery#NEWSLETTER} or {@link Delivery#SOCIAL}, as the states record it */
    public Delivering(String channel, WebhookClient client, int retries, Duration backoff, Clock clock) {
        this.channel = channel;
        this.client = client;
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
    }

    public String channel() {
        return channel;
    }

    /** Where payloads go, as recorded on herald.deliveries and in the DLQ: its credentials masked (they stay in the setting). */
    public String target() {
        return Masking.url(client.url().toString());
    }

    /**
     * Tries once.
     *
     * @param key           the payload's idempotency key
     * @param postId        the post it is about ({@code null} for a digest)
     * @param json          the payload as it is on its topic (what is signed and sent)
     * @param triesBefore   tries already made (0 for the first)
     */
    public Delivery attempt(String key, String postId, String json, int triesBefore) throws InterruptedException {
        int tries = triesBefore + 1;
        try {
            client.deliver(key, json);
            return Delivery.of(channel, key, postId, target(), Delivery.DELIVERED, tries, null, clock.instant(), null);
        } catch (IOException | IllegalArgumentException e) {
            return failedTry(key, postId, tries, Failures.describe(e));
        }
    }

    /** The state after a failed try: retrying after the backoff, or failed once the retries are spent. */
    Delivery failedTry(String key, String postId, int tries, String reason) {
        Instant now = clock.instant();
        if (tries > retries) {
            return Delivery.of(channel, key, postId, target(), Delivery.FAILED, tries, reason, now, null);
        }
        return Delivery.of(channel, key, postId, target(), Delivery.RETRYING, tries, reason, now, now.plus(waitAfter(tries)));
    }

    /** The wait after the n-th failed try: the backoff, doubled for every try before it, at most an hour. */
    public Duration waitAfter(int tries) {
        Duration wait = backoff.multipliedBy(1L << Math.min(tries - 1, 30));
        return wait.compareTo(MAX_WAIT) > 0 || wait.isNegative() ? MAX_WAIT : wait;
    }
}
