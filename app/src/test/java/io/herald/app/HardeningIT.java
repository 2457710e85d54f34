package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.herald.broker.EmbeddedKafka;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.Rejection;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of the hardening review (#22), each against a running Herald on a real broker:
 * nothing accepted is lost or stalled by its size, takedowns never expire, replayed or late CMS
 * notifications never revert a post, the inbox takes regular files only, and upstream feeds are
 * fetched independently, within a deadline, never reaching an internal address.
 */
class HardeningIT {

    static final String TOKEN = "hardening-token";

    @TempDir
    Path dir;

    Herald herald;
    EmbeddedKafka broker;
    final List<HttpServer> servers = new ArrayList<>();
    ServerSocket trickle;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() throws Exception {
        if (herald != null) {
            herald.close();
        }
        if (broker != null) {
            broker.close();
        }
        servers.forEach(s -> s.stop(0));
        if (trickle != null) {
            trickle.close();
        }
    }

    void start(Object... settings) {
        List<Object> all = new ArrayList<>(List.of("api-token", TOKEN));
        all.addAll(List.of(settings));
        herald = Herald.start(ItSupport.settings(dir, port, all.toArray()), Stage.all());
    }

    HttpResponse<String> send(String method, String path, String type, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TOKEN);
        if (type != null) {
            b.header("Content-Type", type);
        }
        headers.forEach(b::header);
        return ItSupport.send(b.build());
    }

    HttpResponse<String> post(String type, String body) {
        return send("POST", "/api/posts", type, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    <T> List<T> topic(Topic<T> topic) {
        List<T> out = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), topic, Duration.ofSeconds(10), (k, v) -> {
            if (v != null) {
                out.add(Json.read(v, topic.valueType()));
            }
        });
        return out;
    }

    HttpServer server(Map<String, byte[]> paths, Map<String, AtomicInteger> hits) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        paths.forEach((path, body) -> s.createContext(path, x -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.startsWith("/redirect")) {
                x.getResponseHeaders().add("Location", new String(body, StandardCharsets.UTF_8));
                x.sendResponseHeaders(302, -1);
            } else {
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            }
            x.close();
        }));
        s.start();
        servers.add(s);
        return s;
    }

    @Test
    void a_newsletter_larger_than_any_topic_takes_goes_to_the_dlq_and_the_posts_behind_it_go_out() {
        // One partition, so the post behind the oversized one would have stalled with it; 20,000 short
        // paragraphs make a newsletter of megabytes from a post of 60 KB.
        start("topic-partitions", 1, "max-post-bytes", 100_000);
        String big = "Many short paragraphs\n\nQ: Why so many paragraphs?\nA: " + "ok\n\n".repeat(20_000);
        assertEquals(202, post("text/plain", big).statusCode());
        assertEquals(202, post("text/plain", "Small post behind it\n\nQ: Does it go out?\nA: It does.").statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> topic(Topics.NEWSLETTER).stream()
                .anyMatch(n -> n.postId().equals("small-post-behind-it")));
        List<Rejection> dlq = topic(Topics.DLQ);
        assertTrue(dlq.stream().anyMatch(r -> r.reason().contains("can never be written") && r.originTopic() != null),
                "the oversized record is in the DLQ with its reason and origin: " + dlq.stream().map(Rejection::reason).toList());
        assertEquals(200, get(port, "/api/posts/small-post-behind-it").statusCode());
    }

    @Test
    void posts_over_a_megabyte_under_the_documented_limit_are_carried_to_every_channel() {
        start();
        String large = "A large answer\n\nQ: How long can an answer be?\nA: " + "Quite long indeed. ".repeat(80_000);
        assertTrue(large.length() > 1_500_000);
        assertEquals(202, post("text/plain", large).statusCode(), "not 503 for ever");
        String ampersands = "Ampersands\n\nQ: What about entities?\nA: " + "&".repeat(350_000);
        assertEquals(202, post("text/plain", ampersands).statusCode());
        await().atMost(Duration.ofSeconds(90)).until(() -> topic(Topics.NEWSLETTER).stream().map(NewsletterPayload::postId).toList()
                .containsAll(List.of("a-large-answer", "ampersands")));
        assertEquals(200, get(port, "/api/posts/a-large-answer").statusCode());
        HttpResponse<String> preview = send("GET", "/api/posts/ampersands/newsletter", null, null, Map.of());
        assertEquals(200, preview.statusCode());
        assertTrue(preview.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"), "served sandboxed");
        assertEquals("nosniff", preview.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(401, ItSupport.get(port, "/api/posts/ampersands/newsletter").statusCode(), "the preview is private");
    }

    @Test
    void a_raw_topic_that_aged_posts_out_is_made_compacted_so_a_takedown_works_after_any_time_and_restart() throws Exception {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        // What an earlier Herald created: Kafka's default seven days of retention.
        broker.createTopics(List.of(new NewTopic(Topics.POSTS_RAW.name(), 3, (short) 1)
                .configs(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"))));
        start("kafka-bootstrap", broker.bootstrapServers());
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSTS_RAW.name());
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                var config = admin.describeConfigs(List.of(raw)).all().get().get(raw);
                return config.get("cleanup.policy").value().equals("compact")
                        && config.get("max.message.bytes").value().equals(String.valueOf(21 << 20));
            });
        }
        assertEquals(202, post("text/plain", "An old post\n\nQ: Will it stay withdrawable?\nA: For ever.").statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/an-old-post").statusCode() == 200);
        herald.close();
        start("kafka-bootstrap", broker.bootstrapServers());
        HttpResponse<String> deleted = send("DELETE", "/api/posts/an-old-post", null, null, Map.of());
        assertEquals(202, deleted.statusCode(), deleted.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/an-old-post").statusCode() == 404);
    }

    static String ghost(String title, String answer, String updatedAt, String status) {
        return """
                {"post": {"current": {"title": "%s", "status": "%s", "url": "https://ghost.example/replay/",
                  "updated_at": "%s", "html": "<h2>Which version is it?</h2><p>%s</p>"}}}""".formatted(title, status, updatedAt, answer);
    }

    HttpResponse<String> signed(String body, String signature) {
        return ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/cms"))
                .header("Content-Type", "application/json").header("X-Ghost-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void a_captured_ghost_webhook_sent_again_is_refused_and_an_older_one_never_reverts_the_post() throws Exception {
        start("ghost-webhook-secret", "ghost-s3cret");
        String v1 = ghost("Replay FAQ", "The first.", "2026-11-01T10:00:00.000Z", "published");
        String v1Signature = IngestSourcesIT.ghostSignature("ghost-s3cret", v1);
        assertEquals(202, signed(v1, v1Signature).statusCode());
        HttpResponse<String> replay = signed(v1, v1Signature);
        assertEquals(409, replay.statusCode(), replay.body());
        String v2 = ghost("Replay FAQ", "The second.", "2026-11-02T10:00:00.000Z", "published");
        assertEquals(202, signed(v2, IngestSourcesIT.ghostSignature("ghost-s3cret", v2)).statusCode());
        String id = java.net.URLEncoder.encode("https://ghost.example/replay/", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + id).body().contains("The second."));
        // The first version again, freshly signed (a late delivery): older than what Herald holds.
        HttpResponse<String> late = signed(v1, IngestSourcesIT.ghostSignature("ghost-s3cret", v1));
        assertEquals(202, late.statusCode());
        assertEquals("ignored", ItSupport.read(late.body()).get("status").asText(), late.body());
        String oldUnpublish = ghost("Replay FAQ", "The first.", "2026-11-01T11:00:00.000Z", "draft");
        assertEquals("ignored", ItSupport.read(signed(oldUnpublish, IngestSourcesIT.ghostSignature("ghost-s3cret", oldUnpublish)).body())
                .get("status").asText(), "an old unpublish does not take the newer version down");
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_RAW.name(), io.herald.support.ConsumerGroups.TRANSFORM);
        assertTrue(get(port, "/api/posts/" + id).body().contains("The second."));
    }

    @Test
    void the_inbox_never_follows_a_link_and_refuses_a_large_file_by_its_size() throws Exception {
        start("max-post-bytes", 4096);
        Path secret = Files.writeString(dir.resolve("outside-secret.txt"), "Outside the inbox\n\nQ: Should this be published?\nA: Never.");
        Path inbox = dir.resolve("inbox");
        Files.createSymbolicLink(inbox.resolve("linked.txt"), secret);
        Files.writeString(inbox.resolve("huge.txt"), "Huge\n\n" + "x".repeat(10_000));
        Path failed = inbox.resolve(".failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed.resolve("linked.txt.error.txt"))
                && Files.exists(failed.resolve("huge.txt.error.txt")));
        assertTrue(Files.readString(failed.resolve("linked.txt.error.txt")).contains("symbolic link"));
        assertTrue(Files.readString(failed.resolve("huge.txt.error.txt")).contains("limit is 4096"));
        assertEquals(404, get(port, "/api/posts/outside-the-inbox").statusCode());
        assertTrue(Files.exists(secret), "the link's target is left alone");
        await().atMost(Duration.ofSeconds(10)).until(() -> topic(Topics.DLQ).size() >= 2);
        assertTrue(topic(Topics.DLQ).stream().noneMatch(r -> r.originalBase64() != null
                && new String(java.util.Base64.getDecoder().decode(r.originalBase64()), StandardCharsets.UTF_8).contains("Never.")),
                "the target's text is nowhere");
    }

    static byte[] rss(String title, String link) {
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Up</title><link>http://up.example/</link>"
                + "<description>d</description><item><title>" + title + "</title><link>" + link + "</link>"
                + "<description>&lt;h2&gt;Is it quick?&lt;/h2&gt;&lt;p&gt;Yes.&lt;/p&gt;</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void one_slow_feed_holds_up_no_other_a_broken_one_is_recorded_once_and_a_redirect_inside_is_refused() throws Exception {
        Map<String, AtomicInteger> hits = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer internal = server(Map.of("/admin", "secret internal answer".getBytes(StandardCharsets.UTF_8)), hits);
        HttpServer upstream = server(Map.of("/fast.xml", rss("Fast entry", "http://up.example/fast"),
                "/broken.xml", "this is not a feed".getBytes(StandardCharsets.UTF_8),
                "/redirect.xml", ("http://127.0.0.1:" + internal.getAddress().getPort() + "/admin").getBytes(StandardCharsets.UTF_8)), hits);
        trickle = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread slow = new Thread(() -> {
            while (!trickle.isClosed()) {
                try {
                    Socket s = trickle.accept();
                    Thread t = new Thread(() -> {
                        try {
                            OutputStream out = s.getOutputStream();
                            s.getInputStream().read(new byte[4096]);
                            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            // A byte every two seconds until Herald gives up (what this test wants) and the socket closes.
                            io.herald.testkit.Trickle.bytes(out, io.herald.testkit.Trickle.repeat('<', 100_000), Duration.ofSeconds(2), () -> false, s);
                        } catch (Exception ignored) {
                            // Herald gave up before the head was sent
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (Exception e) {
                    return;
                }
            }
        });
        slow.setDaemon(true);
        slow.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        String slowUrl = "http://127.0.0.1:" + trickle.getLocalPort() + "/slow.xml";
        start("feeds", String.join(",", slowUrl, base + "/fast.xml?token=feed-s3cret", base + "/broken.xml", base + "/redirect.xml"),
                "feed-poll-seconds", 1,
                "outbound-allow", "127.0.0.1:" + upstream.getAddress().getPort() + ",127.0.0.1:" + trickle.getLocalPort());
        String fast = java.net.URLEncoder.encode("http://up.example/fast", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(15)).until(() -> get(port, "/api/posts/" + fast).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> hits.getOrDefault("/broken.xml", new AtomicInteger()).get() >= 3);
        List<Rejection> dlq = topic(Topics.DLQ);
        assertEquals(1, dlq.stream().filter(r -> String.valueOf(r.source()).endsWith("/broken.xml")).count(),
                "the same broken document is recorded once: " + dlq.stream().map(Rejection::source).toList());
        assertEquals(0, hits.getOrDefault("/admin", new AtomicInteger()).get(), "the internal address was never asked");
        assertTrue(dlq.stream().noneMatch(r -> r.originalBase64() != null && new String(java.util.Base64.getDecoder()
                .decode(r.originalBase64()), StandardCharsets.UTF_8).contains("secret internal")));
        String health = get(port, "/health").body();
        assertTrue(health.contains("outbound-allow"), "the refusal says why: " + health);
        assertFalse(health.contains("feed-s3cret"), "credentials in feed URLs are masked: " + health);
        assertEquals(401, get(port, "/api/dlq").statusCode(), "the DLQ is private");
    }
}
