package io.herald.app;

import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.Rejection;
import io.herald.events.SocialSnippet;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import io.herald.testkit.Samples;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Newsletter payloads and social snippets on a real broker: once per post, previewable, delivered, cancellable. */
class OutboundIT {

    static final String POST_ID = Samples.WEBINAR_ID;

    @TempDir
    Path dir;

    Herald herald;
    HttpServer receiver;
    int port = ItSupport.freePort();
    final List<String> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    /** The receiver's own check of a signature, written from the README's description, not with Herald's code. */
    static String sha256Hmac(String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    void start(Object... namesAndValues) {
        // The receiver is on this machine: outbound-allow lets Herald reach exactly its port (127.0.0.1 is refused otherwise).
        java.util.List<Object> all = new java.util.ArrayList<>(java.util.List.of(namesAndValues));
        if (receiver != null) {
            all.addAll(java.util.List.of("outbound-allow", "127.0.0.1:" + receiver.getAddress().getPort()));
        }
        herald = Herald.start(ItSupport.settings(dir, port, all.toArray()), Stage.all());
    }

    /** Keys the receiver refuses (answers 503) while they are in here. */
    final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A newsletter system that fails its first {@code failures} calls, and every call for a key in {@link #refused}. */
    String receiver(int failures) throws Exception {
        return receiver(failures, 0);
    }

    String receiver(int failures, int port) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Herald-Signature")) + " " + sha256Hmac(body));
            bodies.add(body);
            if (calls.incrementAndGet() <= failures || refused.contains(key)) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                deliveries.add(key);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/newsletter";
    }

    <T> List<T> topic(Topic<T> topic) {
        List<T> out = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), topic, Duration.ofSeconds(10), (k, v) -> out.add(Json.read(v, topic.valueType())));
        return out;
    }

    byte[] webinar() {
        return Samples.bytes(Samples.WEBINAR);
    }

    @Test
    void the_sample_webinar_makes_one_newsletter_and_four_snippets_once_and_marketing_can_preview_them() throws Exception {
        start();
        post(port, "text/plain", webinar());
        await().atMost(Duration.ofSeconds(30)).until(() -> topic(Topics.NEWSLETTER).size() == 1 && topic(Topics.SOCIAL).size() == 4);
        NewsletterPayload n = topic(Topics.NEWSLETTER).get(0);
        assertEquals("announcement", n.kind());
        assertEquals(POST_ID + ":v1:newsletter:announcement", n.idempotencyKey());
        List<SocialSnippet> snippets = topic(Topics.SOCIAL);
        assertEquals(List.of("bluesky", "linkedin", "mastodon", "x"), snippets.stream().map(SocialSnippet::platform).sorted().toList());
        snippets.forEach(s -> assertTrue(s.length() <= s.limit(), s.toString()));

        HttpResponseCheck newsletter = new HttpResponseCheck(get(port, "/api/posts/" + POST_ID + "/newsletter"));
        assertEquals(200, newsletter.status);
        assertTrue(newsletter.body.contains("Q&amp;A: Heat Pumps for Older Homes Webinar"), newsletter.body);
        JsonNode social = Json.mapper().readTree(get(port, "/api/posts/" + POST_ID + "/social").body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Json.mapper().readTree(get(port, "/api/posts/" + POST_ID + "/social").body())
                .get("sent").asBoolean());
        social = Json.mapper().readTree(get(port, "/api/posts/" + POST_ID + "/social").body());
        assertEquals("sent", social.get("platforms").get("bluesky").asText());
        assertEquals(4, social.get("snippets").size());

        // A typo fix, a significant edit (newsletter-on-edit=none) and a restart send nothing more.
        String text = new String(webinar(), StandardCharsets.UTF_8);
        assertTrue(text.contains("draughty rooms"));
        post(port, "text/plain", text.replace("draughty rooms", "drafty rooms").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/" + POST_ID).body().contains("\"version\":2"));
        assertTrue(Json.mapper().readTree(get(port, "/api/posts/" + POST_ID).body()).get("minorEdit").asBoolean());
        herald.close();
        herald = null;
        start();
        post(port, "text/plain", (text + "\nQ: A new question?\n\nA: A new answer.\n").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/" + POST_ID).body().contains("\"version\":3"));
        // Nothing more is sent: wait until the newsletter and social consumers have finished every
        // record of the enriched topic (their committed offsets reach its end), then count.
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_ENRICHED.name(), "herald-newsletter", "herald-social");
        assertEquals(1, topic(Topics.NEWSLETTER).size());
        assertEquals(4, topic(Topics.SOCIAL).size());
        assertEquals(5, new HashSet<>(keys()).size());
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        topic(Topics.NEWSLETTER).forEach(n -> keys.add(n.idempotencyKey()));
        topic(Topics.SOCIAL).forEach(s -> keys.add(s.idempotencyKey()));
        return keys;
    }

    @Test
    void a_significant_edit_sends_a_correction_when_configured() throws Exception {
        start("newsletter-on-edit", "correction", "social-platforms", "x");
        post(port, "text/plain", "Opening hours\n\nQ: When?\nA: Nine to five.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> topic(Topics.NEWSLETTER).size() == 1);
        post(port, "text/plain", "Opening hours\n\nQ: When?\nA: Ten to six, and on Sundays noon to four.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> topic(Topics.NEWSLETTER).size() == 2);
        NewsletterPayload correction = topic(Topics.NEWSLETTER).get(1);
        assertEquals("correction", correction.kind());
        assertEquals("Updated: Opening hours", correction.subject());
        assertEquals(1, topic(Topics.SOCIAL).size(), "social is not corrected");
    }

    @Test
    void payloads_are_delivered_to_the_webhook_with_retries_and_a_failure_shows_failed_with_its_reason_and_can_be_resent() throws Exception {
        String url = receiver(2);
        start("social-platforms", "x", "newsletter-webhook", url, "newsletter-webhook-secret", "shared-secret",
                "newsletter-webhook-retries", 2, "newsletter-webhook-backoff-seconds", 1);
        post(port, "text/plain", "Delivery test\n\nQ: Arrives?\nA: Eventually.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.contains("delivery-test:v1:newsletter:announcement"));
        assertEquals(3, calls.get(), "two failures, then the retry that worked");
        for (String s : signatures) {
            String[] sentAndExpected = s.split(" ");
            assertEquals(sentAndExpected[1], sentAndExpected[0], "every request is signed with the shared secret");
        }
        JsonNode delivered = Json.mapper().readTree(bodies.get(bodies.size() - 1));
        assertEquals("http://localhost:" + port + "/posts/delivery-test", delivered.get("url").asText());
        assertTrue(delivered.get("tags").isArray(), delivered.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> preview("delivery-test").equals("sent"));

        int receiverPort = receiver.getAddress().getPort();
        receiver.stop(0);
        receiver = null;
        post(port, "text/plain", "Undeliverable\n\nQ: Arrives?\nA: Not at first.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(40)).until(() -> preview("undeliverable").equals("failed"));
        var failed = get(port, "/api/posts/undeliverable/newsletter");
        assertTrue(failed.headers().firstValue("X-Herald-Preview-Reason").orElse("").contains("ConnectException"),
                failed.headers().map().toString());
        JsonNode state = Json.mapper().readTree(ItSupport.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/posts/undeliverable/newsletter"))
                .header("Accept", "application/json").build()).body());
        assertEquals("failed", state.get("state").asText());
        assertEquals(3, state.get("attempts").asInt(), "the first try and two retries");
        Rejection r = topic(Topics.DLQ).stream().filter(x -> x.stage().equals("publish")).findFirst().orElseThrow();
        assertTrue(r.reason().startsWith("newsletter delivery to " + url + " failed after 3 tries"), r.reason());
        assertTrue(new String(java.util.Base64.getDecoder().decode(r.originalBase64()), StandardCharsets.UTF_8)
                .contains("undeliverable:v1:newsletter:announcement"));

        receiver(0, receiverPort);
        var resent = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/posts/undeliverable/newsletter/resend")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, resent.statusCode(), resent.body());
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.contains("undeliverable:v1:newsletter:announcement"));
        await().atMost(Duration.ofSeconds(10)).until(() -> preview("undeliverable").equals("sent"));
        var again = ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/posts/undeliverable/newsletter/resend")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(409, again.statusCode(), "what the webhook took is not sent twice");
        assertEquals(1, deliveries.stream().filter("undeliverable:v1:newsletter:announcement"::equals).count());
    }

    @Test
    void a_failing_delivery_waits_its_backoff_without_holding_up_the_next_newsletter_and_resumes_after_a_restart() throws Exception {
        String url = receiver(0);
        refused.add("slow-one:v1:newsletter:announcement");
        start("social-platforms", "x", "newsletter-webhook", url, "newsletter-webhook-backoff-seconds", 3);
        post(port, "text/plain", "Slow one\n\nQ: Arrives?\nA: Later.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> preview("slow-one").equals("pending") && calls.get() >= 1);
        post(port, "text/plain", "Quick one\n\nQ: Arrives?\nA: At once.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.contains("quick-one:v1:newsletter:announcement"));
        assertFalse(deliveries.contains("slow-one:v1:newsletter:announcement"));
        String reason = get(port, "/api/posts/slow-one/newsletter").headers().firstValue("X-Herald-Preview-Reason").orElse("");
        assertTrue(reason.contains("503") && reason.contains("next try at"), reason);

        herald.close();
        refused.clear();
        start("social-platforms", "x", "newsletter-webhook", url, "newsletter-webhook-backoff-seconds", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.contains("slow-one:v1:newsletter:announcement"));
        await().atMost(Duration.ofSeconds(10)).until(() -> preview("slow-one").equals("sent"));
        assertEquals(1, deliveries.stream().filter("quick-one:v1:newsletter:announcement"::equals).count(), "not delivered again");
    }

    /**
     * Issue 27, item 5: with social-webhook set, each snippet on herald.social is handed to the tool that
     * posts it; the preview says per network delivered, or failed with why (the DLQ too), and what failed
     * is resent once, never what the webhook took.
     */
    @Test
    void snippets_are_delivered_to_the_social_webhook_and_each_network_shows_delivered_or_failed_with_why_and_a_failed_one_is_resent()
            throws Exception {
        String url = receiver(0);
        String x = "social-hook:v1:social:x";
        String mastodon = "social-hook:v1:social:mastodon";
        refused.add(mastodon);
        start("social-platforms", "x,mastodon", "social-webhook", url, "social-webhook-secret", "shared-secret",
                "social-webhook-retries", 1, "social-webhook-backoff-seconds", 1);
        post(port, "text/plain", "Social hook\n\nQ: Who posts it?\nA: The tool behind the webhook.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.contains(x));
        await().atMost(Duration.ofSeconds(30)).until(() -> social("social-hook").at("/deliveries/mastodon").asText().equals("failed"));
        JsonNode state = social("social-hook");
        assertEquals("delivered", state.at("/deliveries/x").asText(), state.toString());
        assertEquals(url, state.get("webhook").asText());
        JsonNode failed = snippet(state, "mastodon").get("delivery");
        assertEquals(2, failed.get("attempts").asInt(), "the first try and one retry");
        assertTrue(failed.get("reason").asText().contains("503"), failed.toString());
        assertEquals("delivered", snippet(state, "x").at("/delivery/state").asText());
        for (String sig : signatures) {
            String[] sentAndExpected = sig.split(" ");
            assertEquals(sentAndExpected[1], sentAndExpected[0], "every request is signed with the social secret");
        }
        SocialSnippet took = Json.read(bodies.stream().filter(b -> b.contains(x)).findFirst().orElseThrow(), SocialSnippet.class);
        assertEquals("x", took.platform());
        assertTrue(took.text().contains("/posts/social-hook"), took.text());
        Rejection r = topic(Topics.DLQ).stream().filter(d -> d.reason().startsWith("social delivery")).findFirst().orElseThrow();
        assertTrue(r.reason().startsWith("social delivery to " + url + " failed after 2 tries"), r.reason());
        assertEquals(Topics.SOCIAL.name(), r.originTopic());

        refused.clear();
        var resent = resend("social-hook");
        assertEquals(202, resent.statusCode(), resent.body());
        assertEquals(List.of(mastodon), Json.read(resent.body(), Map.class).get("idempotencyKeys"), "only what the webhook did not take");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.contains(mastodon));
        await().atMost(Duration.ofSeconds(10)).until(() -> social("social-hook").at("/deliveries/mastodon").asText().equals("delivered"));
        assertEquals(409, resend("social-hook").statusCode(), "every snippet delivered: nothing is sent twice");
        assertEquals(1, deliveries.stream().filter(x::equals).count());
        assertEquals(1, deliveries.stream().filter(mastodon::equals).count());
    }

    java.net.http.HttpResponse<String> resend(String id) {
        return ItSupport.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/posts/" + id + "/social/resend")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonNode social(String id) throws Exception {
        return Json.mapper().readTree(get(port, "/api/posts/" + id + "/social").body());
    }

    static JsonNode snippet(JsonNode state, String platform) {
        for (JsonNode s : state.get("snippets")) {
            if (s.get("platform").asText().equals(platform)) {
                return s;
            }
        }
        throw new AssertionError("no " + platform + " snippet in " + state);
    }

    String preview(String id) {
        return get(port, "/api/posts/" + id + "/newsletter").headers().firstValue("X-Herald-Preview").orElse("");
    }

    @Test
    void a_deletion_inside_the_hold_window_cancels_what_was_pending() throws Exception {
        start("social-platforms", "x,bluesky", "hold-seconds", 4);
        post(port, "text/plain", "Oops post\n\nQ: Published by mistake?\nA: Yes.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/oops-post").statusCode() == 200);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", herald.bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.POSTS_ENRICHED.name(), "oops-post", null)).get();
        }
        post(port, "text/plain", "Kept post\n\nQ: Stays?\nA: Yes.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic(Topics.SOCIAL).size() == 2 && topic(Topics.NEWSLETTER).size() == 1);
        assertTrue(topic(Topics.SOCIAL).stream().allMatch(s -> s.postId().equals("kept-post")));
        assertEquals("kept-post", topic(Topics.NEWSLETTER).get(0).postId());
    }

    @Test
    void each_post_is_held_on_its_own_clock_not_one_after_another() throws Exception {
        start("social-platforms", "x", "hold-seconds", 5);
        for (String name : List.of("First", "Second", "Third")) {
            post(port, "text/plain", (name + " held post\n\nQ: When does it go out?\nA: After its own hold.").getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> topic(Topics.NEWSLETTER).size() == 3);
        Map<String, Long> enriched = timestamps(Topics.POSTS_ENRICHED);
        Map<String, Long> sent = timestamps(Topics.NEWSLETTER);
        for (String id : List.of("first-held-post", "second-held-post", "third-held-post")) {
            long held = sent.get(id) - enriched.get(id);
            assertTrue(held >= 4_900 && held < 8_000, id + " went out " + held + " ms after it was enriched, not after one hold of 5 s");
        }
    }

    /** The timestamp of the last record of each key on a topic. */
    Map<String, Long> timestamps(Topic<?> topic) {
        Map<String, Long> out = new java.util.HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", herald.bootstrapServers(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.put(r.key(), r.timestamp()));
            }
        }
        return out;
    }

    record HttpResponseCheck(int status, String body) {
        HttpResponseCheck(java.net.http.HttpResponse<String> r) {
            this(r.statusCode(), r.body());
        }
    }
}
