package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.UnusableRecord;

/**
 * Reads a record of {@code herald.posts.enriched} for an outbound channel: the post, made safe, or
 * {@code null} for a tombstone (which the hold window notes). The newsletter and social consumers read
 * the same records; only the newsletter one refuses an unreadable record (so it reaches the DLQ once,
 * with its origin), the other skips it.
 */
public final class OutboundRecords {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutboundRecords.class);

    private final HoldWindow window;
    private final boolean refuseUnreadable;

    public OutboundRecords(HoldWindow window, boolean refuseUnreadable) {
        this.window = window;
        this.refuseUnreadable = refuseUnreadable;
    }

    public EnrichedPost read(String key, byte[] value) {
        if (value == null) {
            window.observe(key, null);
            return null;
        }
        EnrichedPost post;
        try {
            post = SafeContent.of(Json.read(value, EnrichedPost.class));
        } catch (IllegalArgumentException e) {
            if (refuseUnreadable) {
                throw new UnusableRecord(e.getMessage(), e);
            }
            LOG.warn("Skipping an unreadable record for post {}: {}", key, e.getMessage());
            return null;
        }
        window.observe(key, post);
        return post;
    }
}
