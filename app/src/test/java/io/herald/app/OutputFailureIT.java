package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.TopicReplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A record is never skipped when its output failed", with the failure injected while records are in
 * flight: the broker refuses every write to a stage's output topic (its {@code max.message.bytes} set
 * far below any record), the stage tries and fails, then the refusal is lifted. Every record comes out
 * exactly once, and none of them was sent to the DLQ as if it were bad input.
 */
class OutputFailureIT {

    @TempDir
    Path dir;

    Herald herald;
    Admin admin;
    final int port = ItSupport.freePort();

    @BeforeEach
    void start() {
        herald = Herald.start(ItSupport.settings(dir, port, "social-platforms", "x"), Stage.all());
        admin = Admin.create(Map.of("bootstrap.servers", herald.bootstrapServers()));
    }

    @AfterEach
    void stop() {
        admin.close();
        herald.close();
    }

    void refuseWrites(String topic, boolean refuse) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp op = refuse
                ? new AlterConfigOp(new ConfigEntry("max.message.bytes", "64"), AlterConfigOp.OpType.SET)
                : new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

    void post(String title) {
        var r = ItSupport.post(port, "text/plain", (title + "\n\nQ: Does it come out?\nA: Exactly once.").getBytes(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r.body());
    }

    Map<String, Integer> recordsPerKey(io.herald.events.Topic<?> topic) {
        Map<String, Integer> counts = new HashMap<>();
        TopicReplay.replay(herald.bootstrapServers(), topic, Duration.ofSeconds(10), (k, v) -> counts.merge(k, 1, Integer::sum));
        return counts;
    }

    int dlqSize() {
        return recordsPerKey(Topics.DLQ).values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void records_whose_enriched_output_was_refused_come_out_once_after_the_refusal_is_lifted() throws Exception {
        refuseWrites(Topics.POSTS_ENRICHED.name(), true);
        NotifyBuilder failed = new NotifyBuilder(herald.camel()).fromRoute("transform-enrich").whenFailed(1).create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            post("Refused output " + i);
            ids.add("refused-output-" + i);
        }
        assertTrue(failed.matches(60, TimeUnit.SECONDS), "transform tried to write and was refused");
        assertEquals(Map.of(), recordsPerKey(Topics.POSTS_ENRICHED), "nothing came out while the topic refused writes");
        assertEquals(0, dlqSize(), "an output failure is not bad input: nothing goes to the DLQ");

        refuseWrites(Topics.POSTS_ENRICHED.name(), false);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordsPerKey(Topics.POSTS_ENRICHED).keySet().containsAll(ids));
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_RAW.name(), ConsumerGroups.TRANSFORM);
        Map<String, Integer> enriched = recordsPerKey(Topics.POSTS_ENRICHED);
        for (String id : ids) {
            assertEquals(1, enriched.get(id), id + " came out once");
            assertEquals(200, get(port, "/api/posts/" + id).statusCode(), id);
        }
        assertEquals(ids.size(), enriched.size());
        assertEquals(0, dlqSize());
    }

    @Test
    void snippets_whose_topic_refused_them_go_out_once_after_the_refusal_is_lifted() throws Exception {
        refuseWrites(Topics.SOCIAL.name(), true);
        NotifyBuilder failed = new NotifyBuilder(herald.camel()).fromRoute("publish-social").whenFailed(1).create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            post("Refused snippet " + i);
            ids.add("refused-snippet-" + i);
        }
        assertTrue(failed.matches(60, TimeUnit.SECONDS), "publish tried to send a snippet and was refused");
        assertEquals(Map.of(), recordsPerKey(Topics.SOCIAL));
        assertEquals(0, dlqSize());

        refuseWrites(Topics.SOCIAL.name(), false);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordsPerKey(Topics.SOCIAL).keySet().containsAll(ids));
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_ENRICHED.name(), "herald-social");
        List<String> keys = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), Topics.SOCIAL, Duration.ofSeconds(10),
                (k, v) -> keys.add(Json.read(v, SocialSnippet.class).idempotencyKey()));
        assertEquals(ids.stream().map(id -> id + ":v1:social:x").sorted().toList(), keys.stream().sorted().toList(),
                "one snippet per post, none twice");
        assertEquals(0, dlqSize());
    }
}
