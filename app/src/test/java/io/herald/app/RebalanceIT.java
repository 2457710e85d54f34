package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.broker.EmbeddedKafka;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.events.Schema;
import io.herald.events.SocialSnippet;
import io.herald.events.TopicReplay;
import io.herald.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second transform instance joins mid-stream and the consumer group rebalances: every raw post
 * comes out enriched, any post enriched twice comes out identical (same version, same content), and
 * downstream no idempotency key is sent twice.
 */
class RebalanceIT {

    @TempDir
    Path dir;

    EmbeddedKafka kafka;
    final List<Herald> heralds = new ArrayList<>();

    @AfterEach
    void stop() {
        heralds.forEach(Herald::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    Herald start(String name, java.util.Set<Stage> stages) {
        int port = ItSupport.freePort();
        Herald h = Herald.start(new HeraldConfig(Optional.of(kafka.bootstrapServers()), 0, 3, port, dir.resolve(name + "/data"),
                dir.resolve(name + "/inbox"), dir.resolve(name + "/out"), "http://localhost:" + port, Optional.empty(),
                5L * 1024 * 1024, List.of(), Duration.ofMinutes(5), 0.02, 50, Optional.empty(),
                new HeraldConfig.Outbound("none", List.of("x"), false, Duration.ZERO, Optional.empty(), "off")), stages);
        heralds.add(h);
        return h;
    }

    @Test
    void a_second_transform_joining_mid_stream_loses_and_repeats_nothing() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        start("a", Stage.all());
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 1000; i++) {
                if (i == 300) {
                    producer.flush();
                    start("b", java.util.EnumSet.of(Stage.TRANSFORM));
                }
                RawPost raw = new RawPost(Schema.VERSION, "r" + i, "test", "text/plain", "b" + i, t, "h" + i, "Rebalance " + i,
                        null, null, null, List.of(), null, List.of(new QaPair("Number " + i + "?", "Yes.")), null, List.of(), List.of());
                producer.send(new ProducerRecord<>(Topics.POSTS_RAW.name(), raw.id(), Json.write(raw)));
            }
        }
        Map<String, List<EnrichedPost>> enriched = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            enriched.clear();
            TopicReplay.replay(kafka.bootstrapServers(), Topics.POSTS_ENRICHED, Duration.ofSeconds(20), (k, v) -> {
                if (v != null) {
                    enriched.computeIfAbsent(k, x -> new ArrayList<>()).add(Json.read(v, EnrichedPost.class));
                }
            });
            return enriched.size() == 1000;
        });
        for (var e : enriched.entrySet()) {
            for (EnrichedPost p : e.getValue()) {
                assertEquals(1, p.version(), e.getKey() + " got a second version from a repeat");
                assertEquals(e.getValue().get(0).qa(), p.qa());
            }
        }
        Set<String> keys = new HashSet<>();
        List<String> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            all.clear();
            TopicReplay.replay(kafka.bootstrapServers(), Topics.SOCIAL, Duration.ofSeconds(20),
                    (k, v) -> all.add(Json.read(v, SocialSnippet.class).idempotencyKey()));
            return all.size() >= 1000;
        });
        keys.addAll(all);
        assertEquals(all.size(), keys.size(), "no key twice");
        assertTrue(keys.size() == 1000, "one snippet per post: " + keys.size());
    }
}
