package io.herald.publish;

import io.herald.events.Delivery;
import io.herald.events.Event;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.publish.delivery.Deliveries;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.builder.RouteBuilder;

/**
 * What went out, as the topics say, whichever instance sent it: {@code publish-sent-newsletters} and
 * {@code publish-sent-snippets} keep the {@link Outbox} up with {@code herald.newsletter} and
 * {@code herald.social}, {@code publish-delivery-states} keeps the {@link Deliveries} up with
 * {@code herald.deliveries}. Each instance reads the whole topics under groups of its own (as the
 * store does), so every instance previews the same state and can retry or re-send any payload.
 */
public final class SentRoute extends RouteBuilder {

    private final Outbox outbox;
    private final Deliveries deliveries;

    public SentRoute(Outbox outbox, Deliveries deliveries) {
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    @Override
    public void configure() {
        follow("publish-sent-newsletters", Topics.NEWSLETTER, outbox::record);
        follow("publish-sent-snippets", Topics.SOCIAL, outbox::record);
        follow("publish-delivery-states", Topics.DELIVERIES, (Delivery d) -> deliveries.follow(d));
    }

    private <V extends Event> void follow(String routeId, Topic<V> topic, Consumer<V> into) {
        from(KafkaEndpoints.from(topic, ConsumerGroups.STORE_PREFIX + routeId.substring("publish-".length()) + "-" + UUID.randomUUID())
                .fromStartEveryTime().uri())
                .routeId(routeId)
                .process(e -> {
                    byte[] value = e.getMessage().getBody(byte[].class);
                    if (value == null) {
                        return;
                    }
                    try {
                        into.accept(topic.read(value));
                    } catch (RuntimeException unreadable) {
                        // Herald's own output; one it cannot read is passed over here (its consumers' DLQ has it).
                        log.warn("Passed over an unreadable record of {}: {}", topic.name(), unreadable.getMessage());
                    }
                });
    }
}
