package io.herald.support;

import io.herald.events.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic from its beginning up to the end it had when the replay started, handing every
 * record to a callback. Stages rebuild their state this way at start-up (the topics are the source
 * of truth; nothing local is). It uses no consumer group, so it commits nothing and disturbs no one.
 */
public final class TopicReplay {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReplay.class);

    private TopicReplay() {
    }

    /**
     * Replays {@code topic}, reading each value as the topic's event type. A tombstone reaches the
     * callback as {@code null}; a value that cannot be read is logged and skipped, never fatal, so a
     * poison record cannot keep a stage from starting.
     *
     * @return how many records were replayed
     */
    public static <T> long replayEvents(String bootstrapServers, Topic<T> topic, Duration timeout, BiConsumer<String, T> onRecord) {
        return replayEvents(bootstrapServers, Map.of(), topic, timeout, onRecord);
    }

    /** As {@link #replayEvents(String, Topic, Duration, BiConsumer)}, with Kafka client properties (SASL, TLS...). */
    public static <T> long replayEvents(String bootstrapServers, Map<String, String> clientProperties, Topic<T> topic, Duration timeout,
                                        BiConsumer<String, T> onRecord) {
        return replay(bootstrapServers, clientProperties, topic, timeout, (key, value) -> {
            if (value == null) {
                onRecord.accept(key, null);
            } else {
                readable(topic, key, value).ifPresent(event -> onRecord.accept(key, event));
            }
        });
    }

    /** A record's value as the topic's event type, or empty (logged) when it cannot be read. */
    public static <T> Optional<T> readable(Topic<T> topic, String key, byte[] value) {
        try {
            return Optional.of(topic.read(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping an unreadable record for {} in {}: {}", key, topic.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Replays {@code topic}. The callback gets the key and the raw value bytes ({@code null} for a
     * tombstone); it should not throw for a bad value but count or log it instead.
     *
     * @return how many records were replayed
     */
    public static long replay(String bootstrapServers, Topic<?> topic, Duration timeout,
                              BiConsumer<String, byte[]> onRecord) {
        return replay(bootstrapServers, Map.of(), topic, timeout, onRecord);
    }

    /** As {@link #replay(String, Topic, Duration, BiConsumer)}, with Kafka client properties (SASL, TLS...). */
    public static long replay(String bootstrapServers, Map<String, String> clientProperties, Topic<?> topic, Duration timeout,
                              BiConsumer<String, byte[]> onRecord) {
        return replayRecords(bootstrapServers, clientProperties, topic, timeout, r -> onRecord.accept(r.key(), r.value()));
    }

    /** As {@link #replay(String, Map, Topic, Duration, BiConsumer)}, each record whole (its headers too). */
    public static long replayRecords(String bootstrapServers, Map<String, String> clientProperties, Topic<?> topic, Duration timeout,
                                     Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replaying " + topic.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        onRecord.accept(r);
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
