package io.herald.publish.newsletter;

import io.herald.publish.delivery.WebhookClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.Schema;
import io.herald.support.OutboundPolicy;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 8: a Japanese post's newsletter reached no webhook (its raw UTF-8 id in the
 * Idempotency-Key header: "invalid header value", retried for two hours); a resend of one stored that
 * way failed the same. Both are delivered now, over a real HTTP connection on this machine.
 */
class NonAsciiKeyDeliveryTest {

    @Test
    void a_japanese_posts_newsletter_and_one_stored_with_a_raw_key_both_reach_the_webhook() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhookClient client = new WebhookClient("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    java.util.Optional.of("s3cret"), OutboundPolicy.parse(List.of("127.0.0.1")));
            var post = io.herald.events.EnrichedPost.builder().id("週末の家庭菜園").version(1).title("週末の家庭菜園").language("ja")
                    .published(java.time.Instant.EPOCH).updated(java.time.Instant.EPOCH).summary("質問と回答").readingTimeMinutes(1)
                    .wordCount(3).contentHash("h").receivedAt(java.time.Instant.EPOCH).build();
            NewsletterPayload fresh = new NewsletterRenderer("http://localhost:8080").announce(post, "announcement");
            client.deliver(fresh.idempotencyKey(), Json.write(fresh));
            NewsletterPayload stored = new NewsletterPayload(Schema.VERSION, "週末の家庭菜園:v1:newsletter:announcement", "週末の家庭菜園", 1,
                    "announcement", "週末の家庭菜園", "質問と回答", "<p>x</p>", "x", null, List.of());
            client.deliver(stored.idempotencyKey(), Json.write(stored));
            assertEquals(2, keys.size());
            assertEquals(keys.get(0), keys.get(1), "the same key, however it was stored");
            assertTrue(keys.get(0).chars().allMatch(c -> c > 0x20 && c < 0x7f), keys.get(0));
            assertEquals(fresh.idempotencyKey(), keys.get(0), "the key on the topic is the key in the header");
        } finally {
            receiver.stop(0);
        }
    }
}
