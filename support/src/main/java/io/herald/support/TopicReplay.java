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
        return replayFrom(bootstrapServers, clientProperties, topic, timeout, Map.of(), onRecord).records();
    }

    /**
     * What a replay read: how many records, and per partition where the records started (the log's
     * first offset) and the end it read up to (the next offset then), as they were when it began.
     */
    public record Replayed(long records, Map<Integer, Long> start, Map<Integer, Long> end) {
    }

    /**
     * Replays {@code topic} from the offsets in {@code from} (a partition it does not name, from its
     * beginning) up to the end it had when the replay started. A checkpoint outside a partition's records
     * (before its first offset or past its end) is for another topic or a lost log: the caller checks
     * {@link #bounds} first and replays from the beginning then.
     */
    public static Replayed replayFrom(String bootstrapServers, Map<String, String> clientProperties, Topic<?> topic, Duration timeout,
                                      Map<Integer, Long> from, Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (var consumer = consumer(bootstrapServers, clientProperties, timeout)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                Long at = from.get(tp.partition());
                if (at == null) {
                    consumer.seek(tp, first.get(tp));
                } else {
                    consumer.seek(tp, Math.max(first.get(tp), Math.min(at, end.get(tp))));
                }
            }
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
            return new Replayed(count, byPartition(first), byPartition(end));
        }
    }

    /** Per partition, the first offset and the next one to be written ({@code [start, end)} in {@link Replayed}), now. */
    public static Replayed bounds(String bootstrapServers, Map<String, String> clientProperties, Topic<?> topic, Duration timeout) {
        try (var consumer = consumer(bootstrapServers, clientProperties, timeout)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            return new Replayed(0, byPartition(consumer.beginningOffsets(partitions, timeout)),
                    byPartition(consumer.endOffsets(partitions, timeout)));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, Topic<?> topic, Duration timeout) {
        return consumer.partitionsFor(topic.name(), timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        offsets.forEach((tp, o) -> out.put(tp.partition(), o));
        return Map.copyOf(out);
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
