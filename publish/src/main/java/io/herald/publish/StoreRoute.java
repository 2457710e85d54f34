package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import io.herald.support.Props;

/**
 * {@code publish-store}: every enriched post (and every tombstone) updates the in-memory store.
 * Each instance reads the whole compacted topic under a group of its own, so any instance can
 * answer any feed request.
 */
public final class StoreRoute extends RouteBuilder {


    /** The bean camel-kafka reads the consumer's start offsets from. */
    static final String OFFSETS = "publishStoreOffsets";

    private final Release release;
    private final EnrichedRecords records;
    private final StoreStart start;

    public StoreRoute(Release release, EnrichedRecords records, StoreStart start) {
        this.release = release;
        this.records = records;
        this.start = start;
    }

    @Override
    public void configure() {
        // It goes on where the start-up replay ended (StoreStart), not from the beginning again.
        getContext().getRegistry().bind(OFFSETS, start.offsets());
        from(KafkaEndpoints.from(Topics.POSTS_ENRICHED, ConsumerGroups.STORE_PREFIX + UUID.randomUUID()).fromStartEveryTime()
                .option("offsetRepository", "#" + OFFSETS).uri())
                .routeId("publish-store")
                .process(records.typed(false))
                .process(e -> {
                    // A post published later waits among the pending ones (Release) until its time or approval.
                    EnrichedPost applied = release.apply(e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                            e.getMessage().getBody(EnrichedPost.class), java.time.Instant.now());
                    if (applied != null) {
                        // A new version now served: how long it took from ingest is measured from this.
                        Props.ENRICHED.set(e, applied);
                    }
                    start.applied(e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                            e.getMessage().getHeader(KafkaConstants.OFFSET, Long.class));
                });
    }
}
