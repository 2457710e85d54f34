package io.herald.support;

import java.time.Duration;

/**
 * The fixed numbers of Herald's routes, in one place: how often a failed output write is retried in
 * place before the consumer seeks back to the record, how often a webhook delivery is retried, how
 * often the digest schedule is checked. (What users choose is in {@link Settings}.)
 */
public final class Tuning {

    /** A failed write to an output topic: retried this often, with backoff from {@link #OUTPUT_RETRY_DELAY}, then the record is polled again. */
    public static final int OUTPUT_RETRIES = 3;
    public static final Duration OUTPUT_RETRY_DELAY = Duration.ofMillis(500);
    /** How often the digest schedule is checked for a window that is due. */
    public static final Duration DIGEST_CHECK = Duration.ofSeconds(15);
    /** The publish store's posts read back whole and kept decoded (the documents and pages being asked for), in bytes of heap. */
    public static final long DECODED_POSTS_BYTES = 16L << 20;

    private Tuning() {
    }
}
