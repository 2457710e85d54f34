package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.broker.EmbeddedKafka;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.TopicReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second transform instance joins mid-stream and the consumer group rebalances: it is given
 * partitions and enriches records from them, every raw post comes out enriched, and when records are
 * processed again by an instance that never saw their versions (forced here by rewinding the group),
 * each comes out as the identical record, never a second version, and downstream no idempotency key
 * is sent twice.
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
        Herald h = Herald.start(ItSupport.settings(dir.resolve(name), port, "kafka-bootstrap", kafka.bootstrapServers(), "social-platforms", "x"), stages);
        heralds.add(h);
        return h;
    }

    @Test
    void a_second_transform_joining_mid_stream_loses_and_repeats_nothing() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        Herald a = start("a", Stage.all());
        Herald b = null;
        NotifyBuilder bProcessed = null;
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 1000; i++) {
                if (i == 300) {
                    producer.flush();
                    b = start("b", java.util.EnumSet.of(Stage.TRANSFORM));
                    bProcessed = new NotifyBuilder(b.camel()).fromRoute("transform-enrich").whenCompleted(1).create();
                }
                if (i == 650) {
                    // Records 300 to 649 went out while the group rebalanced. The rest wait until both instances
                    // own partitions: on a slow machine the first could drain the whole stream before the second
                    // was given any (the test then failed with nothing lost or repeated, only nothing for "b").
                    producer.flush();
                    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                        await().atMost(Duration.ofSeconds(60)).until(() -> bothOwnPartitions(admin));
                    }
                }
                RawPost raw = RawPost.builder().id("r" + i).source("test").contentType("text/plain").body("b" + i)
                        .receivedAt(t.plusMillis(i)).contentHash("h" + i).title("Rebalance " + i).intro("An intro for post " + i + ".")
                        .qa(List.of(new QaPair("Number " + i + "?", "Yes, number " + i + " is here."))).build();
                producer.send(new ProducerRecord<>(Topics.POSTS_RAW.name(), raw.id(), Json.write(raw)));
            }
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // The second instance was given partitions of its own and processed records from them.
            await().atMost(Duration.ofSeconds(60)).until(() -> bothOwnPartitions(admin));
            assertTrue(bProcessed.matches(60, TimeUnit.SECONDS), "the second instance enriched records");
            Map<String, List<EnrichedPost>> first = awaitEnriched(1000);
            ItSupport.awaitCaughtUp(kafka.bootstrapServers(), Topics.POSTS_RAW.name(), ConsumerGroups.TRANSFORM);

            // Force repeats: both instances stop consuming, the group is rewound to the start, and the
            // second instance, whose memory of versions dates from when it joined, takes over alone.
            a.camel().getRouteController().stopRoute("transform-enrich");
            b.camel().getRouteController().stopRoute("transform-enrich");
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of(ConsumerGroups.TRANSFORM)).all().get()
                    .get(ConsumerGroups.TRANSFORM).members().isEmpty());
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                start.put(new TopicPartition(Topics.POSTS_RAW.name(), p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(ConsumerGroups.TRANSFORM, start).all().get(30, TimeUnit.SECONDS);
            NotifyBuilder replayed = new NotifyBuilder(b.camel()).fromRoute("transform-enrich").whenCompleted(1000).create();
            b.camel().getRouteController().startRoute("transform-enrich");
            assertTrue(replayed.matches(120, TimeUnit.SECONDS), "all 1,000 raw records were consumed again");
            ItSupport.awaitCaughtUp(kafka.bootstrapServers(), Topics.POSTS_RAW.name(), ConsumerGroups.TRANSFORM);
        }

        Map<String, List<EnrichedPost>> enriched = awaitEnriched(1000);
        int records = enriched.values().stream().mapToInt(List::size).sum();
        System.out.printf("RebalanceIT: %d enriched records for 1000 posts (%d repeats)%n", records, records - 1000);
        assertTrue(records > 1000, "at least one post was enriched again by the instance that did not know it: " + records);
        for (var e : enriched.entrySet()) {
            for (EnrichedPost p : e.getValue()) {
                assertEquals(1, p.version(), e.getKey() + " got a second version from a repeat");
                assertEquals(e.getValue().get(0), p, e.getKey() + ": a repeat is the identical record");
            }
        }
        List<String> all = new ArrayList<>();
        ItSupport.awaitCaughtUp(kafka.bootstrapServers(), Topics.POSTS_ENRICHED.name(), "herald-social");
        TopicReplay.replay(kafka.bootstrapServers(), Topics.SOCIAL, Duration.ofSeconds(20),
                (k, v) -> all.add(Json.read(v, SocialSnippet.class).idempotencyKey()));
        assertEquals(1000, all.size(), "one snippet per post, however often it was enriched");
        assertEquals(1000, new HashSet<>(all).size(), "no key twice");
    }

    Map<String, List<EnrichedPost>> awaitEnriched(int posts) {
        Map<String, List<EnrichedPost>> enriched = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            enriched.clear();
            TopicReplay.replay(kafka.bootstrapServers(), Topics.POSTS_ENRICHED, Duration.ofSeconds(20), (k, v) -> {
                if (v != null) {
                    enriched.computeIfAbsent(k, x -> new ArrayList<>()).add(Json.read(v, EnrichedPost.class));
                }
            });
            return enriched.size() == posts;
        });
        return enriched;
    }

    /** Both transform instances are members of the group and each owns at least one partition. */
    private static boolean bothOwnPartitions(Admin admin) throws Exception {
        var group = admin.describeConsumerGroups(List.of(ConsumerGroups.TRANSFORM)).all().get().get(ConsumerGroups.TRANSFORM);
        return group.members().size() == 2
                && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
}
