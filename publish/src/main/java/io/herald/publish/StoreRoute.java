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


    private final PostStore store;
    private final EnrichedRecords records;

    public StoreRoute(PostStore store, EnrichedRecords records) {
        this.store = store;
        this.records = records;
    }

    @Override
    public void configure() {
        from(KafkaEndpoints.from(Topics.POSTS_ENRICHED, ConsumerGroups.STORE_PREFIX + UUID.randomUUID()).fromStartEveryTime().uri())
                .routeId("publish-store")
                .process(records.typed(false))
                .process(e -> {
                    EnrichedPost applied = applySafe(store, e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                            e.getMessage().getBody(EnrichedPost.class));
                    if (applied != null) {
                        // A new version now served: how long it took from ingest is measured from this.
                        Props.ENRICHED.set(e, applied);
                    }
                });
    }

    /**
     * Applies one post of the enriched topic, already made safe ({@link EnrichedRecords}), {@code null}
     * being a tombstone.
     *
     * @return the post, when this record made a new version of it served; else null
     */
    static EnrichedPost applySafe(PostStore store, String id, EnrichedPost post) {
        if (id != null && post == null) {
            store.delete(id);
        } else if (post != null && store.applySafe(post)) {
            return post;
        }
        return null;
    }

    /** Applies one post read from the enriched topic, {@code null} being a tombstone. */
    public static void apply(PostStore store, String id, EnrichedPost post) {
        if (id != null && post == null) {
            store.delete(id);
        } else if (post != null) {
            store.apply(post);
        }
    }
}
