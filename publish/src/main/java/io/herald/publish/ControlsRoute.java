package io.herald.publish;

import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code publish-controls}: every marketer's decision on {@code herald.posts.controls}, whichever
 * instance took it, reaches this instance's {@link TagControls}, and the post it is about is published
 * again with its tags as decided (in the feeds, on its page and its tag pages). Each instance reads the
 * whole compacted topic under a group of its own, as the store does.
 */
public final class ControlsRoute extends RouteBuilder {

    private final TagControls controls;
    private final Release release;
    private final PostStore store;

    public ControlsRoute(TagControls controls, Release release, PostStore store) {
        this.controls = controls;
        this.release = release;
        this.store = store;
    }

    @Override
    public void configure() {
        from(KafkaEndpoints.from(Topics.POSTS_CONTROLS, ConsumerGroups.STORE_PREFIX + "controls-" + UUID.randomUUID()).fromStartEveryTime().uri())
                .routeId("publish-controls")
                .process(e -> {
                    String id = e.getMessage().getHeader(KafkaConstants.KEY, String.class);
                    byte[] value = e.getMessage().getBody(byte[].class);
                    try {
                        io.herald.events.PostControls decision = value == null ? null : Topics.POSTS_CONTROLS.read(value);
                        apply(controls, store, id, decision);
                        release.decided(decision != null ? decision.postId() : id, java.time.Instant.now());
                    } catch (RuntimeException unreadable) {
                        // Herald's own output, written by its dashboard API; one it cannot read is passed over.
                        log.warn("Passed over an unreadable decision for post {}: {}", id, unreadable.getMessage());
                    }
                });
    }

    /** Notes a decision (or its tombstone) and publishes the post it is about as decided. */
    public static void apply(TagControls controls, PostStore store, String id, io.herald.events.PostControls decision) {
        controls.record(id, decision);
        String postId = decision != null ? decision.postId() : id;
        if (postId != null) {
            store.replace(postId, controls::served);
        }
    }
}
