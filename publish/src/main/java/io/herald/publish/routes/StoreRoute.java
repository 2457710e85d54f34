package io.herald.publish.routes;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.publish.PostStore;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code publish-store}: every enriched post (and every tombstone) updates the in-memory store.
 * Each instance reads the whole compacted topic under a group of its own, so any instance can
 * answer any feed request.
 */
public final class StoreRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRoute.class);

    private final PostStore store;

    public StoreRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from("kafka:" + Topics.POSTS_ENRICHED.name() + "?groupId=herald-publish-" + UUID.randomUUID()
                + "&autoOffsetReset=earliest&autoCommitEnable=false"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("publish-store")
                .process(e -> apply(store, e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                        e.getMessage().getBody(byte[].class)));
    }

    /** Applies one record of the enriched topic; a bad record is logged and skipped, never fatal. */
    public static void apply(PostStore store, String id, byte[] value) {
        if (id == null) {
            return;
        }
        if (value == null) {
            store.delete(id);
            return;
        }
        try {
            store.apply(Json.read(value, EnrichedPost.class));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping an unreadable record for post {} in {}: {}", id, Topics.POSTS_ENRICHED, e.getMessage());
        }
    }
}
