package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Json;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that cannot be read, repeats and versions out of order, written straight onto the topics
 * of a real broker: the poison lands in the DLQ with its origin and everything else flows; a post
 * delivered three times is one entry; an older version arriving late never replaces a newer one.
 */
class PoisonAndOrderIT {

    @TempDir
    Path dir;

    Herald herald;
    final int port = ItSupport.freePort();
    KafkaProducer<String, String> producer;

    @BeforeEach
    void start() {
        herald = Herald.start(ItSupport.settings(dir, port, "social-platforms", "x"), Stage.all());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", herald.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        producer.close();
        herald.close();
    }

    static RawPost raw(String id, String answer, Instant received) {
        return RawPost.builder().id(id).source("test").contentType("text/plain").body(id + answer).receivedAt(received)
                .contentHash(Integer.toHexString((id + answer).hashCode())).title("Post " + id)
                .qa(List.of(new QaPair("Which one?", answer))).build();
    }

    void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    List<Rejection> dlq() {
        List<Rejection> out = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), Topics.DLQ, Duration.ofSeconds(10), (k, v) -> out.add(Json.read(v, Rejection.class)));
        return out;
    }

    int total() {
        return ItSupport.read(get(port, "/api/posts?limit=1").body()).get("total").asInt();
    }

    @Test
    void a_poison_record_among_a_thousand_good_ones_goes_to_the_dlq_and_the_rest_flow() throws Exception {
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                send(Topics.POSTS_RAW.name(), "poison", "\u0000not json at all");
            }
            producer.send(new ProducerRecord<>(Topics.POSTS_RAW.name(), "p" + i, Json.write(raw("p" + i, "Answer " + i, t))));
        }
        producer.flush();
        send(Topics.POSTS_ENRICHED.name(), "poison-enriched", "{broken");
        await().atMost(Duration.ofSeconds(120)).until(() -> total() == 1000);
        await().atMost(Duration.ofSeconds(30)).until(() -> dlq().size() == 2);
        Rejection transform = dlq().stream().filter(r -> r.stage().equals("transform")).findFirst().orElseThrow();
        assertEquals(Topics.POSTS_RAW.name(), transform.originTopic());
        assertTrue(transform.originOffset() != null && transform.originPartition() != null);
        Rejection publish = dlq().stream().filter(r -> r.stage().equals("publish")).findFirst().orElseThrow();
        assertEquals(Topics.POSTS_ENRICHED.name(), publish.originTopic());
        assertTrue(publish.reason().contains("not a readable EnrichedPost"), publish.reason());
        // the consumers moved on: a post after the poison is announced
        send(Topics.POSTS_RAW.name(), "after", Json.write(raw("after", "Yes.", t)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/after/social").body().contains("\"sent\":true"));
    }

    @Test
    void the_same_post_three_times_is_one_entry_and_versions_follow_their_order_on_the_partition_not_clocks() throws Exception {
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        String once = Json.write(raw("triple", "Same.", t));
        for (int i = 0; i < 3; i++) {
            send(Topics.POSTS_RAW.name(), "triple", once);
        }
        // Regression (#22): an edit from an ingest whose clock is behind (a second instance, a clock stepped
        // back) was dropped as stale. The partition's order is the truth: the edit written last wins.
        send(Topics.POSTS_RAW.name(), "ordered", Json.write(raw("ordered", "First version.", t.plusSeconds(60))));
        send(Topics.POSTS_RAW.name(), "ordered", Json.write(raw("ordered", "Second version.", t)));
        send(Topics.POSTS_RAW.name(), "marker", Json.write(raw("marker", "Done.", t)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/marker").statusCode() == 200
                && get(port, "/api/posts/ordered").body().contains("Second version."));
        assertEquals(1, ItSupport.read(get(port, "/api/posts/triple").body()).get("version").asInt());
        var ordered = ItSupport.read(get(port, "/api/posts/ordered").body());
        assertEquals("Second version.", ordered.get("qa").get(0).get("answer").asText());
        assertEquals(2, ordered.get("version").asInt(), "the later record is the next version, though its clock says earlier");
        List<String> feed = ItSupport.feedparser(get(port, "/feeds/all.atom").body());
        assertEquals("entries=3", feed.get(1));
        // One snippet per post and version, and none twice: wait until the social consumer has finished
        // every enriched record, then compare with the exact keys expected.
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_ENRICHED.name(), "herald-social");
        List<String> keys = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), Topics.SOCIAL, Duration.ofSeconds(10), (k, v) -> keys.add(
                Json.read(v, io.herald.events.SocialSnippet.class).idempotencyKey()));
        assertEquals(List.of("marker:v1:social:x", "ordered:v1:social:x", "triple:v1:social:x"), keys.stream().sorted().toList());
    }
}
