package io.herald.publish;

import io.herald.events.Json;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import io.herald.support.HttpAnswers;
import io.herald.support.Problems;
import io.herald.publish.feeds.FeedLedger;
import io.herald.support.GroupOwnership;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The ledger of what went out on each channel ({@code herald.ledger}): {@code publish-ledger} reads the whole
 * topic (each instance under a group of its own) into the {@link Ledger}, and entries are written here, from any
 * sender thread; {@code publish-ledger-feeds} writes the feeds' lines ({@link FeedLedger}). {@code GET /api/posts/{id}/channels}
 * shows a post's entries.
 */
public final class LedgerRoute extends RouteBuilder implements Consumer<LedgerEntry> {

    private final Ledger ledger;
    private final PostStore store;
    private final boolean activityPub;
    private final boolean bluesky;
    private final FeedLedger feeds;
    private boolean reconciled;
    private ProducerTemplate template;

    /** @param activityPub whether the site is on the fediverse; {@code bluesky}, whether posts go to Bluesky */
    public LedgerRoute(Ledger ledger, PostStore store, GroupOwnership ownership, boolean activityPub, boolean bluesky) {
        this.ledger = ledger;
        this.store = store;
        this.activityPub = activityPub;
        this.bluesky = bluesky;
        this.feeds = new FeedLedger(store, ledger, ownership, this);
    }

    @Override
    public void configure() {
        from(PublishHttp.CHANNELS.uri()).routeId(PublishHttp.CHANNELS.routeId()).process(e -> {
            String id = e.getMessage().getHeader("id", String.class);
            List<LedgerEntry> entries = ledger.forPost(id);
            if (entries.isEmpty() && store.get(id).isEmpty()) {
                Problems.respond(e, 404, "Not found", "There is no post with id \"" + id + "\".");
                return;
            }
            HttpAnswers.json(e, 200, Map.of("postId", id, "activitypub", activityPub, "bluesky", bluesky, "channels", entries));
        });
        from(KafkaEndpoints.from(Topics.LEDGER, ConsumerGroups.STORE_PREFIX + "ledger-" + UUID.randomUUID()).fromStartEveryTime().uri())
                .routeId("publish-ledger")
                .process(e -> {
                    String key = e.getMessage().getHeader(KafkaConstants.KEY, String.class);
                    byte[] value = e.getMessage().getBody(byte[].class);
                    try {
                        ledger.record(key, value == null ? null : Topics.LEDGER.read(value));
                    } catch (RuntimeException unreadable) {
                        // Herald's own record it cannot read (a newer Herald's?): passed over, not retried for ever.
                        log.warn("Passed over an unreadable ledger record for {}: {}", key, unreadable.getMessage());
                    }
                });
        from("timer:publish-ledger-feeds?delay=1000&period=1000").routeId("publish-ledger-feeds")
                .process(e -> {
                    if (!reconciled) {
                        feeds.reconcile(Instant.now());
                        reconciled = true;
                    }
                    feeds.tick(Instant.now());
                });
    }

    /** Writes an entry to the topic (waiting for the broker), then into this instance's ledger. */
    @Override
    public void accept(LedgerEntry entry) {
        template().sendBodyAndHeader(KafkaEndpoints.to(Topics.LEDGER), Json.write(entry), KafkaConstants.KEY, entry.key());
        ledger.record(entry.key(), entry);
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = getContext().createProducerTemplate();
        }
        return template;
    }
}
