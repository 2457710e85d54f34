package io.herald.app.dashboard;

import io.herald.events.EnrichedPost;
import io.herald.events.Rejection;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.publish.PostStore;
import io.herald.support.ConsumerGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.herald.app.KafkaAdmin;
import io.herald.support.Hashes;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard shows that is not already in the read API: records per topic and consumer lag,
 * posts per minute over the last hour, and the DLQ with each record's offset (to download or retry it).
 */
public final class DashboardData implements AutoCloseable {

    /** A DLQ record as the dashboard lists it. */
    /**
     * A DLQ row: its newest record's offset and rejection (its original not included: {@link #deadLetter}
     * reads it), the original's size, how many records said the same, and when the first of them came.
     */
    public record DeadLetter(long offset, Rejection rejection, int bytes, int count, Instant firstRejectedAt, boolean blank) {

        public boolean hasOriginal() {
            return rejection.originalBase64() != null;
        }
    }


    private final String bootstrap;
    private final Map<String, String> clientProperties;
    private final Admin admin;
    private final PostStore store;

    public DashboardData(String bootstrap, Map<String, String> clientProperties, PostStore store) {
        this.bootstrap = bootstrap;
        this.clientProperties = clientProperties;
        this.store = store;
        this.admin = KafkaAdmin.create(bootstrap, clientProperties, Duration.ofSeconds(3));
        reader.setDaemon(true);
        reader.start();
    }

    /** Per topic: records it holds now, and each Herald consumer group's lag on it. */
    public List<Map<String, Object>> topics() {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            Map<String, Map<TopicPartition, Long>> lagByGroup = new HashMap<>();
            for (String group : ConsumerGroups.SHARED) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
                Map<TopicPartition, Long> offsets = new HashMap<>();
                committed.forEach((tp, o) -> {
                    if (o != null) {
                        offsets.put(tp, o.offset());
                    }
                });
                lagByGroup.put(group, offsets);
            }
            for (Topic<?> topic : Topics.all()) {
                var partitions = admin.describeTopics(List.of(topic.name())).allTopicNames().get(3, TimeUnit.SECONDS).get(topic.name())
                        .partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())).toList();
                var ranges = KafkaAdmin.ranges(admin, partitions, Duration.ofSeconds(3));
                long records = partitions.stream().mapToLong(tp -> ranges.get(tp).records()).sum();
                Map<String, Long> lag = new LinkedHashMap<>();
                lagByGroup.forEach((group, committed) -> {
                    if (partitions.stream().anyMatch(committed::containsKey)) {
                        lag.put(group, partitions.stream().mapToLong(tp -> Math.max(0, ranges.get(tp).end()
                                - committed.getOrDefault(tp, ranges.get(tp).start()))).sum());
                    }
                });
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("topic", topic.name());
                row.put("records", records);
                row.put("lag", lag);
                out.add(row);
            }
        } catch (Exception e) {
            out.add(Map.of("error", "the cluster did not answer: " + e.getClass().getSimpleName()));
        }
        return out;
    }

    /** New versions received per minute over the last hour, oldest minute first (60 numbers). */
    public long[] postsPerMinute(Instant now) {
        long[] minutes = new long[60];
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        for (io.herald.publish.PostHead post : store.heads()) {
            Instant t = post.receivedAt();
            if (t == null || !t.isBefore(end)) {
                continue;
            }
            long ago = Duration.between(t, end).toMinutes();
            if (ago < 60) {
                minutes[59 - (int) ago]++;
            }
        }
        return minutes;
    }

    /**
     * The newest DLQ records (at most {@code limit} rows), newest first, from what the tail reader holds:
     * no request opens a consumer. Records that say the same thing (same stage, source, reason and
     * original) are one row, with how often and since when.
     */
    public List<DeadLetter> deadLetters(int limit) {
        // An input that was refused and is in now (sent again once its cause was fixed: a setting, a
        // parser) is no longer a dead letter: its bytes are those of a post's latest version.
        java.util.Set<String> accepted = new java.util.HashSet<>();
        for (io.herald.publish.PostHead p : store.heads()) {
            if (p.contentHash() != null) {
                accepted.add(p.contentHash());
            }
        }
        Map<String, DeadLetter> rows = new LinkedHashMap<>();
        synchronized (tail) {
            for (Iterator<Held> it = tail.descendingIterator(); it.hasNext(); ) {
                Held h = it.next();
                if (h.sha256() != null && accepted.contains(h.sha256())) {
                    continue;
                }
                DeadLetter known = rows.get(h.key());
                if (known == null) {
                    if (rows.size() < limit) {
                        rows.put(h.key(), new DeadLetter(h.offset(), h.rejection(), h.bytes(), 1, h.rejection().rejectedAt(), h.blank()));
                    }
                } else {
                    rows.put(h.key(), new DeadLetter(known.offset(), known.rejection(), known.bytes(), known.count() + 1,
                            h.rejection().rejectedAt(), known.blank()));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * What the tail reader keeps of a DLQ record: everything but the original's bytes (read on request),
     * their SHA-256 and whether they are only white space (nothing to send again).
     */
    private record Held(long offset, Rejection rejection, int bytes, String key, String sha256, boolean blank) {
    }

    /** How many DLQ records the tail reader keeps (their originals are not kept). */
    static final int HELD = 2_000;

    private final ArrayDeque<Held> tail = new ArrayDeque<>();
    private volatile boolean running = true;
    private final Thread reader = new Thread(this::readTail, "herald-dlq-tail");

    /** Reads the DLQ once from the newest {@link #HELD} records, then follows it. */
    private void readTail() {
        while (running) {
            try (var consumer = consumer()) {
                TopicPartition tp = new TopicPartition(Topics.DLQ.name(), 0);
                consumer.assign(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                long next;
                synchronized (tail) {
                    next = tail.isEmpty() ? -1 : tail.peekLast().offset() + 1;
                }
                consumer.seek(tp, next >= 0 ? next : Math.max(consumer.beginningOffsets(List.of(tp)).get(tp), end - HELD));
                while (running) {
                    for (var r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() == null) {
                            continue;
                        }
                        try {
                            Rejection full = Topics.DLQ.read(r.value());
                            byte[] original = full.originalBase64() == null ? null : Base64.getDecoder().decode(full.originalBase64());
                            Rejection light = new Rejection(full.schema(), full.stage(), full.reason(), full.source(), full.contentType(),
                                    full.originTopic(), full.originPartition(), full.originOffset(), original == null ? null : "", full.rejectedAt());
                            String sha = original == null ? null : Hashes.sha256(original);
                            String key = String.join("\u0000", String.valueOf(full.stage()), String.valueOf(full.source()),
                                    String.valueOf(full.reason()), sha == null ? "-" : sha);
                            synchronized (tail) {
                                tail.addLast(new Held(r.offset(), light, original == null ? 0 : original.length, key, sha, blank(original)));
                                while (tail.size() > HELD) {
                                    tail.removeFirst();
                                }
                            }
                        } catch (IllegalArgumentException e) {
                            // not a rejection Herald wrote: not listed
                        }
                    }
                }
            } catch (InterruptException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LoggerFactory.getLogger(DashboardData.class).warn("Reading {} failed ({}); reading on in 1 s",
                        Topics.DLQ.name(), e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * What the post's latest version was made from ({@code herald.posts.raw} keeps the latest raw post of
     * every id): its body verbatim and media type, for the editor. Empty when there is no such post, or
     * its version predates {@code rawOffset}.
     */
    public Optional<Map<String, Object>> source(String id) {
        Optional<EnrichedPost> post = id == null ? Optional.empty() : store.get(id);
        if (post.isEmpty() || post.get().rawOffset() == null) {
            return Optional.empty();
        }
        long offset = post.get().rawOffset();
        try (var consumer = consumer()) {
            int partitions = consumer.partitionsFor(Topics.POSTS_RAW.name()).size();
            TopicPartition tp = new TopicPartition(Topics.POSTS_RAW.name(),
                    org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                            post.get().id().getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.offset() < offset) {
                        continue;
                    }
                    if (r.offset() > offset || r.value() == null) {
                        // compacted away (a later version replaced it) or deleted since
                        return Optional.empty();
                    }
                    var raw = Topics.POSTS_RAW.read(r.value());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", post.get().id());
                    out.put("version", post.get().version());
                    out.put("title", post.get().title());
                    out.put("sourceKind", post.get().sourceKind());
                    if ("webhook".equals(post.get().sourceKind()) || "feed".equals(post.get().sourceKind())) {
                        // A CMS notification or a feed entry is not a post Herald's door reads as it is: the
                        // editor gets what Herald read from it, as a JSON post (its format is the README's).
                        out.put("contentType", "application/json");
                        out.put("body", asJsonPost(raw));
                    } else {
                        out.put("contentType", raw.contentType());
                        out.put("body", raw.body());
                    }
                    return Optional.of(out);
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String asJsonPost(io.herald.events.RawPost raw) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", raw.id());
        post.put("title", raw.title());
        if (raw.author() != null) {
            post.put("author", raw.author());
        }
        if (raw.published() != null) {
            post.put("published", raw.published().toString());
        }
        if (raw.url() != null) {
            post.put("url", raw.url());
        }
        post.put("tags", raw.tags());
        if (raw.intro() != null) {
            post.put("intro", raw.intro());
        }
        post.put("qa", raw.qa().stream().map(q -> Map.of("question", q.question(), "answer", q.answer())).toList());
        if (raw.outro() != null) {
            post.put("outro", raw.outro());
        }
        try {
            return io.herald.events.Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(post);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<DeadLetter> deadLetter(long offset) {
        try (var consumer = consumer()) {
            TopicPartition tp = new TopicPartition(Topics.DLQ.name(), 0);
            consumer.assign(List.of(tp));
            if (offset < consumer.beginningOffsets(List.of(tp)).get(tp) || offset >= consumer.endOffsets(List.of(tp)).get(tp)) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            for (int i = 0; i < 20; i++) {
                for (var r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.offset() == offset && r.value() != null) {
                        Rejection full = Topics.DLQ.read(r.value());
                        int bytes = full.originalBase64() == null ? 0 : Base64.getDecoder().decode(full.originalBase64()).length;
                        byte[] original = full.originalBase64() == null ? null : Base64.getDecoder().decode(full.originalBase64());
                        return Optional.of(new DeadLetter(offset, full, bytes, 1, full.rejectedAt(), blank(original)));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** No bytes, or only white space: what a refusal of it says ("The post is empty") no retry can change. */
    static boolean blank(byte[] original) {
        return original == null || new String(original, java.nio.charset.StandardCharsets.UTF_8).isBlank();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        admin.close();
    }
}
