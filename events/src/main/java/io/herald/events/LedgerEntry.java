package io.herald.events;

import java.time.Instant;

/**
 * What went out to one destination of one channel for one post, on the compacted {@code herald.ledger}
 * topic (key: {@link #key(String, String, String)}): the latest state of each. It is how an edit or a
 * withdrawal reaches every destination that received the post, and how a restart or a second instance
 * knows what was sent and never sends it again.
 *
 * @param postId      the post
 * @param channel     {@code activitypub} (a follower's inbox), {@code bluesky} (the account's repository),
 *                    {@code feed} (the site's feeds), {@code newsletter} or {@code social-webhook} (a webhook)
 * @param destination where it went: for {@code activitypub}, the (shared) inbox URL; for {@code bluesky}, the
 *                    account's handle, and {@code #n} after it for the n-th reply of a thread; for {@code feed},
 *                    {@code /feeds}; for a webhook, its URL (credentials masked)
 * @param version     the post's version the last activity carried
 * @param contentHash the post's content hash that version had
 * @param activity    what was sent last: {@code Create}, {@code Update} or {@code Delete}
 * @param externalId  the id the channel knows it by: for {@code activitypub}, the activity's id; for
 *                    {@code bluesky}, the record's {@code at://} URI (its key chosen by Herald before the first try);
 *                    for {@code feed}, the entries' id; for a webhook, the payload's idempotency key
 * @param objectId    the id of the post as that channel knows it: for {@code activitypub}, the Article's id; for
 *                    {@code bluesky}, the record's CID once the PDS took it
 * @param state       {@code delivered} (the destination answered 2xx), {@code retrying} (the next try is at
 *                    {@code nextAttemptAt}) or {@code failed} (every retry failed, or the destination is gone)
 * @param attempts    tries of this activity so far
 * @param reason      why the last try failed ({@code null} once delivered)
 * @param at          when this state was reached
 * @param nextAttemptAt when a {@code retrying} activity is tried again; else {@code null}
 * @param deliveredVersion the version the destination last took: 0 before any, -1 once it took the Delete. An
 *                    Update or a Delete is sent only where a Create was taken
 */
public record LedgerEntry(int schema, String postId, String channel, String destination, int version, String contentHash,
                          String activity, String externalId, String objectId, String state, int attempts, String reason,
                          Instant at, Instant nextAttemptAt, int deliveredVersion) implements Event {

    public static final String ACTIVITYPUB = "activitypub";
    public static final String BLUESKY = "bluesky";
    public static final String FEED = "feed";
    public static final String NEWSLETTER = "newsletter";
    public static final String SOCIAL_WEBHOOK = "social-webhook";

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    /** The record key: one entry per post, channel and destination. */
    public static String key(String postId, String channel, String destination) {
        return postId + " " + channel + " " + destination;
    }

    public String key() {
        return key(postId, channel, destination);
    }

    /** A first try of an activity, before it is sent. */
    public static LedgerEntry attempt(String postId, String channel, String destination, int version, String contentHash,
                                      String activity, String externalId, String objectId, int deliveredVersion, Instant at) {
        return new LedgerEntry(Schema.VERSION, postId, channel, destination, version, contentHash, activity, externalId, objectId,
                RETRYING, 0, null, at, at, deliveredVersion);
    }

    /** The same activity's next state. */
    public LedgerEntry next(String state, int attempts, String reason, Instant at, Instant nextAttemptAt) {
        int taken = DELIVERED.equals(state) ? ("Delete".equals(activity) ? -1 : version) : deliveredVersion;
        return new LedgerEntry(Schema.VERSION, postId, channel, destination, version, contentHash, activity, externalId, objectId,
                state, attempts, reason, at, nextAttemptAt, taken);
    }
}
