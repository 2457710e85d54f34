package io.herald.publish.activitypub;

import io.herald.publish.Ledger;
import io.herald.events.Follower;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.publish.PostStore;
import io.herald.publish.Site;
import io.herald.support.GroupOwnership;
import io.herald.support.OutboundHttp;
import io.herald.support.Settings;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The site on the fediverse: its documents, its key, who follows it, the ledger of what went to them, the
 * inbox and the federation that sends each post's Create, Update and Delete. Nothing of it runs, and no
 * key is made, while {@code activitypub} is off.
 */
public final class ActivityPub {

    private final boolean enabled;
    private final ActivityDocs docs;
    private final Settings settings;
    private final PostStore store;
    private final Followers followers = new Followers();
    private final Ledger ledger;
    private final OutboundHttp http;
    private volatile GroupOwnership ownership = GroupOwnership.alone();
    private ActorKey key;
    private Inbox inbox;
    private Federation federation;

    /** @param ledger what went out on every channel, shared with the other channels */
    public ActivityPub(Settings settings, Site site, PostStore store, Ledger ledger) {
        this.ledger = ledger;
        this.enabled = settings.activityPub();
        this.settings = settings;
        this.store = store;
        this.docs = new ActivityDocs(settings.baseUrl(), settings.activityPubUsername(), site);
        this.http = new OutboundHttp(settings.outboundAllow());
        store.onChange(id -> {
            Federation f = federation;
            if (f != null) {
                f.changed(id);
            }
        });
    }

    public boolean enabled() {
        return enabled;
    }

    public ActivityDocs docs() {
        return docs;
    }

    public Followers followers() {
        return followers;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Who holds which post's partition: the instance holding it in the social group sends its activities. */
    public void ownership(GroupOwnership ownership) {
        this.ownership = ownership;
    }

    public synchronized ActorKey key() {
        if (key == null) {
            key = ActorKey.load(settings.activityPubKey(), settings.dataDir());
        }
        return key;
    }

    public synchronized Inbox inbox() {
        if (inbox == null) {
            inbox = new Inbox(docs, new RemoteActors(http, docs, key()), followers);
        }
        return inbox;
    }

    /**
     * The federation, made on first use with where its ledger entries and departures are written; made,
     * it compares what changed lately with the ledger (a restart may have come between a change and its
     * activities).
     */
    public synchronized Federation federation(Consumer<LedgerEntry> ledgerWriter, Consumer<String> unfollow) {
        if (federation == null) {
            federation = new Federation(docs, key(), http, store, followers, ledger, ownership, settings.activityPubRetries(),
                    settings.activityPubBackoff(), settings.hold(), ledgerWriter, unfollow);
            federation.reconcile(Instant.now());
        }
        return federation;
    }

    /** Reads a followers record (null: its tombstone). */
    public Follower follower(byte[] value) {
        return value == null ? null : Topics.FOLLOWERS.read(value);
    }

    /** Herald's version, for NodeInfo. */
    public String version() {
        String v = ActivityPub.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Stops the senders. */
    public synchronized void close() {
        if (federation != null) {
            federation.close();
        }
    }
}
