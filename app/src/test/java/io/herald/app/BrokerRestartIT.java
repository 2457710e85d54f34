package io.herald.app;

import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker, in a process of its own, stops and comes back while Herald keeps running: /health
 * says DOWN then UP, a post sent meanwhile is refused (503, not silently lost), and the stages
 * recover without a restart of Herald.
 */
class BrokerRestartIT {

    @TempDir
    Path dir;

    Process broker;
    Herald herald;
    final int port = ItSupport.freePort();
    final int kafkaPort = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (broker != null) {
            broker.destroyForcibly();
        }
    }

    Process startBroker() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("herald.jar", "target/herald.jar"), "io.herald.broker.EmbeddedKafka",
                dir.resolve("kafka").toString(), String.valueOf(kafkaPort))
                .redirectError(dir.resolve("broker-err.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // wait for the broker to say it answers
        }
        assertTrue(line != null, "the broker process did not start");
        return p;
    }

    @Test
    void health_goes_down_and_up_with_the_broker_and_posts_flow_again_without_restarting_herald() throws Exception {
        broker = startBroker();
        herald = Herald.start(ItSupport.settings(dir, port, "kafka-bootstrap", "127.0.0.1:" + kafkaPort), Stage.all());
        assertEquals(202, post(port, "text/plain", "Before\n\nQ: Up?\nA: Yes.".getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/before").statusCode() == 200);

        broker.destroy();
        assertTrue(broker.waitFor(60, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/health").statusCode() == 503);
        assertTrue(get(port, "/health").body().contains("\"kafka\":\"DOWN"), get(port, "/health").body());
        var refused = post(port, "text/plain", "During\n\nQ: Down?\nA: Yes.".getBytes(StandardCharsets.UTF_8));
        assertEquals(503, refused.statusCode(), "not accepted, so the sender knows to retry: " + refused.body());

        broker = startBroker();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/health").statusCode() == 200);
        assertEquals(202, post(port, "text/plain", "After\n\nQ: Back?\nA: Yes.".getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/api/posts/after").statusCode() == 200
                && get(port, "/feeds/all.atom").body().contains("<title>After</title>"));
        assertTrue(get(port, "/feeds/all.atom").body().contains("<title>Before</title>"));
    }
}
