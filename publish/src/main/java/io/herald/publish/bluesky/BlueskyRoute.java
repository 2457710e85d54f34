package io.herald.publish.bluesky;

import io.herald.events.LedgerEntry;
import io.herald.publish.Ledger;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.support.GroupOwnership;
import io.herald.support.OutboundHttp;
import io.herald.support.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.camel.builder.RouteBuilder;

/**
 * With {@code bluesky-handle} set, {@code publish-bluesky} posts each post's Bluesky snippet (and thread) and
 * deletes it when the post is withdrawn ({@link BlueskyPosts}), once a second looking at what changed.
 */
public final class BlueskyRoute extends RouteBuilder {

    private final BlueskyPosts posts;
    private boolean reconciled;

    public BlueskyRoute(BlueskyPosts posts) {
        this.posts = posts;
    }

    /** The poster for the account in the settings, told of every post's change and snippets. */
    public static BlueskyPosts posts(Settings settings, PostStore store, Outbox outbox, Ledger ledger, GroupOwnership ownership,
                                     Consumer<LedgerEntry> ledgerWriter) {
        OutboundHttp http = new OutboundHttp(settings.outboundAllow());
        BlueskyClient client = new BlueskyClient(http, settings.blueskyPds(), settings.blueskyHandle().orElseThrow(),
                settings.blueskyAppPassword().orElseThrow(), Clock.systemUTC());
        BlueskyPosts posts = new BlueskyPosts(client, http, store, outbox, ledger, ownership, settings.blueskyRetries(),
                settings.blueskyBackoff(), settings.hold(), ledgerWriter);
        store.onChange(posts::changed);
        outbox.onSnippet(posts::changed);
        return posts;
    }

    @Override
    public void configure() {
        from("timer:publish-bluesky?delay=1000&period=1000").routeId("publish-bluesky")
                .process(e -> {
                    if (!reconciled) {
                        // Once the topics are read: a restart may have come between a post's change and its records.
                        posts.reconcile(Instant.now());
                        reconciled = true;
                    }
                    posts.tick(Instant.now());
                });
    }
}
