package io.herald.events;

import java.util.Map;

/**
 * A Kafka topic paired with the event type of its values; keys are post ids (strings), except on
 * {@code herald.deliveries}, keyed by the payload's idempotency key.
 *
 * @param name       the topic name
 * @param valueType  the record every value deserializes to
 * @param compacted  whether the topic keeps only the latest value per key
 */
public record Topic<V>(String name, Class<V> valueType, boolean compacted) {

    /**
     * A value of this topic as its event type: how every consumer reads one (the JSON on the wire).
     *
     * @throws IllegalArgumentException when the bytes are not a readable {@code V}
     */
    public V read(byte[] value) {
        return Json.read(value, valueType);
    }

    /** An event as this topic's value (JSON text, as the producers send it). */
    public String write(V event) {
        return Json.write(event);
    }

    /** Topic-level configuration to create the topic with. */
    public Map<String, String> config() {
        return compacted
                ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")
                : Map.of("cleanup.policy", "delete");
    }

    @Override
    public String toString() {
        return name;
    }
}
