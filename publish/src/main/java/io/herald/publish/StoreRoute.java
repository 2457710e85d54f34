package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code publish-store}: every enriched post (and every tombstone) updates the in-memory store.
 * Each instance reads the whole compacted topic under a group of its own, so any instance can
 * answer any feed request.
 */
public final class StoreRoute extends RouteBuilder {


    private final PostStore store;

    public StoreRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from("kafka:" + Topics.POSTS_ENRICHED.name() + "?groupId=" + io.herald.support.ConsumerGroups.STORE_PREFIX + UUID.randomUUID()
                + "&autoOffsetReset=earliest&autoCommitEnable=false"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("publish-store")
                .process(e -> {
                    EnrichedPost applied = apply(store, e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                            e.getMessage().getBody(byte[].class));
                    if (applied != null) {
                        // A new version now served: how long it took from ingest is measured from this.
                        io.herald.support.Props.ENRICHED.set(e, applied);
                    }
                });
    }

    /**
     * Applies one record of the enriched topic; a bad record is logged and skipped, never fatal.
     *
     * @return the post, when this record made a new version of it served; else null
     */
    static EnrichedPost apply(PostStore store, String id, byte[] value) {
        if (id != null && value == null) {
            store.delete(id);
        } else if (value != null) {
            var post = TopicReplay.readable(Topics.POSTS_ENRICHED, id, value);
            if (post.isPresent() && store.apply(post.get())) {
                return post.get();
            }
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
