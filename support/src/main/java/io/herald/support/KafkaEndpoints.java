package io.herald.support;

import io.herald.events.Topic;
import io.herald.events.UnusableRecord;
import org.apache.camel.Processor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Every Camel endpoint of a Herald topic, built here and nowhere else. A topic reads and writes its
 * own values ({@link Topic#read}, {@link Topic#write}); a consumer route's first step, {@link #typed},
 * turns the body into the topic's type.
 */
public final class KafkaEndpoints {

    private static final String BYTES = "org.apache.kafka.common.serialization.ByteArrayDeserializer";

    private KafkaEndpoints() {
    }

    /** Whether an endpoint URI is one of Kafka's. */
    public static boolean isKafka(String uri) {
        return uri.startsWith("kafka:");
    }

    /** The endpoint that writes to a topic (its records' key is the {@code kafka.KEY} header). */
    public static String to(Topic<?> topic) {
        return "kafka:" + topic.name();
    }

    /** A consumer of a topic in a consumer group, values as bytes; refine it, then take its {@link Consumer#uri()}. */
    public static Consumer from(Topic<?> topic, String groupId) {
        return new Consumer(topic, groupId);
    }

    /**
     * The value of a consumed record as the topic's type: {@code null} for a tombstone. Unreadable
     * bytes make the record unusable (to the DLQ, with the reason).
     */
    public static <V> V deserialize(Topic<V> topic, byte[] value) {
        if (value == null) {
            return null;
        }
        return UnusableRecord.whileProcessing(() -> topic.read(value));
    }

    /**
     * A consumer route's first step: the record's bytes stay as {@link Props#ORIGINAL} (for the DLQ)
     * and the body becomes the topic's type, or {@code null} for a tombstone.
     */
    public static <V> Processor typed(Topic<V> topic) {
        return exchange -> {
            byte[] value = exchange.getMessage().getBody(byte[].class);
            Props.ORIGINAL.set(exchange, value);
            exchange.getMessage().setBody(deserialize(topic, value));
        };
    }

    /** A consumer endpoint being built. */
    public static final class Consumer {
        private final StringBuilder uri;

        private Consumer(Topic<?> topic, String groupId) {
            this.uri = new StringBuilder("kafka:").append(topic.name()).append("?groupId=").append(groupId);
        }

        /** Reads the whole topic each time it starts and commits nothing (a state rebuilt in memory). */
        public Consumer fromStartEveryTime() {
            return option("autoOffsetReset", "earliest").option("autoCommitEnable", "false");
        }

        /** The longest a record may take before the next poll (the hold of a held channel). */
        public Consumer maxPollInterval(Duration interval) {
            return option("maxPollIntervalMs", String.valueOf(interval.toMillis()));
        }

        /** A camel-kafka option. */
        public Consumer option(String name, String value) {
            uri.append('&').append(name).append('=').append(value);
            return this;
        }

        /** The endpoint URI; values arrive as bytes (the route's {@link #typed} step reads them). */
        public String uri() {
            return uri + "&valueDeserializer=" + BYTES;
        }
    }
}
