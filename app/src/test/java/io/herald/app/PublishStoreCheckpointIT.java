package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.events.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish process restarted on its data folder starts from its store's checkpoint: it reads back the
 * posts it held and, from the enriched topic, only the records written while it was down (an edit, a
 * withdrawal, new posts, a Korean one among them), keeps a scheduled post pending until its time, and
 * serves what a full rebuild would. Its store deleted,
 * or corrupted, it is rebuilt from the topic, the truth, and serves the same feeds again.
 */
class PublishStoreCheckpointIT {

    static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    static final String JAR = System.getProperty("herald.jar", "target/herald.jar");

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();
    final int port = ItSupport.freePort();
    String bootstrap;
    int starts;

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    Path log() {
        return dir.resolve("publish-" + starts + ".log");
    }

    Process publish() throws Exception {
        starts++;
        Process p = new ProcessBuilder(JAVA, "-Xmx256m", "-jar", JAR, "publish", "--port", String.valueOf(port), "--kafka-bootstrap", bootstrap,
                "--data-dir", dir.resolve("data").toString(), "--out", dir.resolve("out").toString(), "--topic-partitions", "3",
                "--feed-size", "20")
                .redirectOutput(dir.resolve("publish-" + starts + ".out").toFile()).redirectError(log().toFile()).start();
        processes.add(p);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        return p;
    }

    static void stop(Process p) throws Exception {
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "publish stops on SIGTERM");
    }

    static EnrichedPost post(String id, int version, String title, Instant published) {
        return EnrichedPost.builder().id(id).version(version).title(title).author("Robin").published(published).updated(published)
                .language(title.chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3) ? "ko" : "en")
                .qa(List.of(new EnrichedQa("q1", "What does " + title + " cover?", "It covers the checkpoint, version " + version + ".", null)))
                .tags(List.of(Integer.parseInt(id.substring(2)) % 2 == 0 ? "even" : "odd", "checkpoint"))
                .summary("About " + title).readingTimeMinutes(1).wordCount(12).contentHash(id + "-" + version)
                .receivedAt(published).rawOffset((long) version).sourceKind("http").build();
    }

    void send(KafkaProducer<String, byte[]> producer, String id, EnrichedPost post) throws Exception {
        producer.send(new ProducerRecord<>(Topics.POSTS_ENRICHED.name(), id, post == null ? null : Json.writeBytes(post))).get();
    }

    /** Every entry title across the Atom feed and its archives, what the read API lists, and a tag feed's entries. */
    Map<String, Object> served() throws Exception {
        Map<String, Object> view = new HashMap<>();
        view.put("feed", ItSupport.feedTitles(port));
        view.put("ids", ItSupport.served(port));
        view.put("odd", ItSupport.read(ItSupport.get(port, "/api/posts?tag=odd&limit=1").body()).get("total").asInt());
        view.put("tagFeed", ItSupport.get(port, "/feeds/tags/even.atom").body().split("<entry>", -1).length - 1);
        return view;
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void a_restart_reads_only_what_came_after_the_checkpoint_and_a_lost_or_corrupt_store_is_rebuilt_from_the_topic() throws Exception {
        Process kafka = new ProcessBuilder(JAVA, "-Xmx320m", "-cp", JAR, "io.herald.broker.EmbeddedKafka", dir.resolve("kafka").toString(),
                String.valueOf(ItSupport.freePort())).redirectError(dir.resolve("broker.log").toFile()).start();
        processes.add(kafka);
        String ready = new BufferedReader(new InputStreamReader(kafka.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(ready != null && ready.startsWith("READY "), "the broker did not start: " + ready);
        bootstrap = ready.substring("READY ".length()).strip();

        Process first = publish();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Instant t0 = Instant.parse("2026-11-01T09:00:00Z");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 120; i++) {
                String id = String.format("p-%03d", i);
                send(producer, id, post(id, 1, i % 10 == 3 ? "체크포인트 글 " + i : "Checkpoint post " + i, t0.plusSeconds(60L * i)));
            }
            // One scheduled a minute ahead: pending across the restart, published when its time comes.
            send(producer, "p-900", post("p-900", 1, "Scheduled post", t0.plusSeconds(60L * 900)).toBuilder()
                    .publishAt(Instant.now().plusSeconds(60)).build());
            await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.served(port).size() == 120);
            stop(first);

            // While publish is down: an edit, a withdrawal and new posts (one Korean).
            send(producer, "p-001", post("p-001", 2, "Checkpoint post 1, edited", t0.plusSeconds(60)));
            send(producer, "p-002", null);
            for (int i = 120; i < 125; i++) {
                String id = String.format("p-%03d", i);
                send(producer, id, post(id, 1, i == 123 ? "체크포인트 글 " + i : "Checkpoint post " + i, t0.plusSeconds(60L * i)));
            }
        }

        Process second = publish();
        String restarted = Files.readString(log());
        assertTrue(restarted.contains("Publish holds 124 posts (120 from its checkpoint, 7 records replayed)"),
                "the restart read the checkpoint and the 7 records after it only:\n" + restarted);
        Map<String, Object> afterRestart = served();
        @SuppressWarnings("unchecked")
        Map<String, Integer> feed = (Map<String, Integer>) afterRestart.get("feed");
        assertEquals(124, feed.size(), "every post once in the feed and its archives: " + feed.keySet());
        assertTrue(feed.values().stream().allMatch(n -> n == 1));
        assertTrue(feed.containsKey("Checkpoint post 1, edited") && !feed.containsKey("Checkpoint post 1"), "the edit made while down is served");
        assertFalse(feed.containsKey("Checkpoint post 2"), "the withdrawal made while down is served");
        assertTrue(feed.containsKey("체크포인트 글 123") && feed.containsKey("Checkpoint post 124"), "the posts made while down are served");
        assertFalse(feed.containsKey("Scheduled post"), "the scheduled post is still pending");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ItSupport.served(port).contains("p-900"));
        afterRestart = served();
        assertTrue(((Map<?, ?>) afterRestart.get("feed")).containsKey("Scheduled post"),
                "the pending post kept in the checkpoint is published when its time comes");
        stop(second);

        // The store deleted: rebuilt from the topic, the same feeds.
        deleteTree(dir.resolve("data").resolve("publish-store"));
        Process third = publish();
        String rebuilt = Files.readString(log());
        assertTrue(rebuilt.contains("rebuilt from the topic: it has no checkpoint yet") && rebuilt.contains("Publish holds 125 posts ("),
                "a deleted store is rebuilt:\n" + rebuilt);
        assertEquals(afterRestart, served(), "a rebuilt store serves what the checkpointed one did");
        stop(third);

        // The store corrupted: set aside, rebuilt from the topic, the same feeds.
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("publish-store"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (int i = 8; i < Math.min(bytes.length, 200); i++) {
                    bytes[i] ^= 0x5a;
                }
                Files.write(f, bytes);
            }
        }
        publish();
        String recovered = Files.readString(log());
        assertTrue(recovered.contains("cannot be read") && recovered.contains("Publish holds 125 posts ("),
                "a corrupt store is rebuilt:\n" + recovered);
        assertEquals(afterRestart, served(), "a store rebuilt after corruption serves the same");
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
