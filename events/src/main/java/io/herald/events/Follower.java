package io.herald.events;

import java.time.Instant;

/**
 * An ActivityPub actor that follows the site, on the compacted {@code herald.activitypub.followers}
 * topic (key: the follower's actor id); a tombstone removes it (Undo of its Follow, Delete of the actor,
 * or its inbox answering 410 Gone). Every publish instance reads the whole topic, so every one knows
 * the followers after a restart.
 *
 * @param actor       the follower's actor id (a URL)
 * @param inbox       the follower's own inbox
 * @param sharedInbox its server's shared inbox, when the actor names one: deliveries go there, once per server
 * @param followId    the id of the Follow activity Herald accepted
 * @param followedAt  when Herald accepted it: posts published from then on are sent to the follower
 */
public record Follower(int schema, String actor, String inbox, String sharedInbox, String followId, Instant followedAt)
        implements Event {

    public static Follower of(String actor, String inbox, String sharedInbox, String followId, Instant followedAt) {
        return new Follower(Schema.VERSION, actor, inbox, sharedInbox, followId, followedAt);
    }

    /** Where a delivery to this follower goes: its server's shared inbox, else its own. */
    public String deliveryInbox() {
        return sharedInbox == null || sharedInbox.isBlank() ? inbox : sharedInbox;
    }
}
