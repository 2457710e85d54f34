package io.herald.publish.newsletter;

import io.herald.events.Delivery;
import io.herald.events.NewsletterPayload;
import io.herald.support.Failures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.herald.support.Masking;

/**
 * One try at handing a payload to the newsletter system, and the state it leaves: delivered; or
 * retrying later, the wait doubling from {@code backoff} with every failed try (at most an hour);
 * or, once {@code retries} retries have failed too, failed for good (until someone re-sends it).
 */
public final class Delivering {

    static final Duration MAX_WAIT = Duration.ofHours(1);

    private final WebhookClient client;
    private final int retries;
    private final Duration backoff;
    private final Clock clock;

    public Delivering(WebhookClient client, int retries, Duration backoff, Clock clock) {
        this.client = client;
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Where payloads go, as recorded on herald.deliveries and in the DLQ: its credentials masked (they stay in the setting). */
    public String target() {
        return Masking.url(client.url().toString());
    }

    /**
     * Tries once.
     *
     * @param json          the payload as it is on {@code herald.newsletter} (what is signed and sent)
     * @param triesBefore   tries already made (0 for the first)
     */
    public Delivery attempt(NewsletterPayload payload, String json, int triesBefore) throws InterruptedException {
        int tries = triesBefore + 1;
        try {
            client.deliver(json);
            return Delivery.of(payload.idempotencyKey(), payload.postId(), target(), Delivery.DELIVERED, tries, null, clock.instant(), null);
        } catch (IOException | IllegalArgumentException e) {
            return failedTry(payload, tries, Failures.describe(e));
        }
    }

    /** The state after a failed try: retrying after the backoff, or failed once the retries are spent. */
    Delivery failedTry(NewsletterPayload payload, int tries, String reason) {
        Instant now = clock.instant();
        if (tries > retries) {
            return Delivery.of(payload.idempotencyKey(), payload.postId(), target(), Delivery.FAILED, tries, reason, now, null);
        }
        return Delivery.of(payload.idempotencyKey(), payload.postId(), target(), Delivery.RETRYING, tries, reason, now, now.plus(waitAfter(tries)));
    }

    /** The wait after the n-th failed try: the backoff, doubled for every try before it, at most an hour. */
    Duration waitAfter(int tries) {
        Duration wait = backoff.multipliedBy(1L << Math.min(tries - 1, 30));
        return wait.compareTo(MAX_WAIT) > 0 || wait.isNegative() ? MAX_WAIT : wait;
    }
}
