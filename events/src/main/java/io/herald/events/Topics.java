package io.herald.events;

import java.util.List;

/** Every topic Herald reads or writes. No topic name is written anywhere else. */
public final class Topics {

    /**
     * What arrived, verbatim, plus the parsed structure. Key: post id. Compacted: the latest version of
     * every post Herald ever accepted stays for ever (not Kafka's default 7 days), so ingest rebuilds from
     * it what it needs to withdraw any post, however old; a deletion's tombstone removes it.
     */
    public static final Topic<RawPost> POSTS_RAW = new Topic<>("herald.posts.raw", RawPost.class, true);

    /** The latest enriched version of every post; a tombstone deletes a post. Key: post id. */
    public static final Topic<EnrichedPost> POSTS_ENRICHED =
            new Topic<>("herald.posts.enriched", EnrichedPost.class, true);

    /** What a marketer decided about each post (which auto-tags are published): the latest per post. Key: post id. */
    public static final Topic<PostControls> POSTS_CONTROLS =
            new Topic<>("herald.posts.controls", PostControls.class, true);

    /** Outgoing newsletter payloads. Key: post id. */
    public static final Topic<NewsletterPayload> NEWSLETTER =
            new Topic<>("herald.newsletter", NewsletterPayload.class, false);

    /** Outgoing social snippets. Key: post id. */
    public static final Topic<SocialSnippet> SOCIAL = new Topic<>("herald.social", SocialSnippet.class, false);

    /** What became of each newsletter payload at the webhook: the latest state per payload. Key: its idempotency key. */
    public static final Topic<Delivery> DELIVERIES = new Topic<>("herald.deliveries", Delivery.class, true);

    /** Who follows the site on the fediverse: the latest per follower, a tombstone once it left. Key: its actor id. */
    public static final Topic<Follower> FOLLOWERS = new Topic<>("herald.activitypub.followers", Follower.class, true);

    /** What went out per post, channel and destination, under which id: the latest per key ({@link LedgerEntry#key()}). */
    public static final Topic<LedgerEntry> LEDGER = new Topic<>("herald.ledger", LedgerEntry.class, true);

    /** Everything any stage rejected, with stage and reason. */
    public static final Topic<Rejection> DLQ = new Topic<>("herald.dlq", Rejection.class, false);

    private Topics() {
    }

    /** All topics, in flow order. */
    public static List<Topic<?>> all() {
        return List.of(POSTS_RAW, POSTS_ENRICHED, POSTS_CONTROLS, NEWSLETTER, SOCIAL, DELIVERIES, FOLLOWERS, LEDGER, DLQ);
    }
}
