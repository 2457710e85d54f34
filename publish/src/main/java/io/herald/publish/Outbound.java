package io.herald.publish;

import io.herald.events.Topic;
import io.herald.support.KafkaEndpoints;
import java.time.Duration;
import io.herald.events.Event;
import io.herald.events.Json;
import io.herald.support.Props;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;
import io.herald.support.Prop;
import io.herald.support.RecordBudget;
import org.apache.camel.builder.Builder;

/** The steps every outbound channel shares: wait out the hold window, then send a payload and record it. */
public final class Outbound {

    /** The payload being sent, kept for the outbox while the message becomes its record. */
    public static final Prop<Event> PAYLOAD = new Prop<>("heraldPayload", Event.class);

    private static final String HOLD_LEFT = "herald.holdLeftMillis";

    private Outbound() {
    }

    /**
     * Options for a consumer that waits out holds: a poll's records are held together (each until its
     * own time), so the wait between polls can reach the hold; Kafka must not count that as a dead consumer.
     */
    /** The consumer of a held channel: it may wait out the hold between two polls. */
    public static String consumer(Topic<?> topic, String groupId, HoldWindow window) {
        return KafkaEndpoints.from(topic, groupId).maxPollInterval(Duration.ofMinutes(5).plus(window.hold())).uri();
    }

    /** Appends the hold: with a window, wait it out and let nothing through for a post deleted meanwhile. */
    public static ProcessorDefinition<?> hold(ProcessorDefinition<?> route, HoldWindow window, Function<Object, String> postIdOf) {
        if (window.hold().isZero()) {
            return route;
        }
        // Each post's hold runs from when its version reached the enriched topic (the record's
        // timestamp), not from when this consumer got to it: posts that arrive together go out
        // together, after one hold, not one hold after another. The record is committed only after
        // the payload is written, so a restart mid-hold sends it (at once, if its hold is over).
        // The store is fed by its own consumer (publish-store), so it sees a deletion that arrives
        // while this route's consumer is still waiting out the hold.
        return route.process(e -> {
                    long now = System.currentTimeMillis();
                    Long written = e.getMessage().getHeader(KafkaConstants.TIMESTAMP, Long.class);
                    e.setProperty(HOLD_LEFT, window.remaining(written == null ? now : written, now));
                })
                .delay(Builder.exchangeProperty(HOLD_LEFT)).end()
                .filter(e -> !window.cancels(postIdOf.apply(e.getMessage().getBody())));
    }

    /** Appends: the payload in the message goes to {@code topic} keyed by {@code key}, then into the outbox. */
    public static ProcessorDefinition<?> send(ProcessorDefinition<?> route, Topic<?> topic, Function<Object, String> key, Outbox outbox) {
        // A payload larger than the topics take could never be written: unusable (to the DLQ with the
        // reason) rather than retried for ever in front of the records behind it.
        return route.process(e -> asRecord(e, key, topic.name()))
                .to(KafkaEndpoints.to(topic))
                .process(e -> outbox.record(PAYLOAD.get(e)));
    }

    private static void asRecord(Exchange exchange, Function<Object, String> key, String topic) {
        Event payload = exchange.getMessage().getBody(Event.class);
        PAYLOAD.set(exchange, payload);
        exchange.getMessage().setBody(Json.write(payload));
        // Checked while the consumed record's origin is still on the message, for the DLQ record.
        RecordBudget.check(exchange, topic);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, key.apply(payload));
    }
}
