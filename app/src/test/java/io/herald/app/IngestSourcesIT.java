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
import io.herald.events.RawPost;
import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ingest source on a real broker: each format over HTTP and through the inbox, CMS webhooks,
 * upstream feeds served from this machine, the API token, and the bad input each can bring.
 */
class IngestSourcesIT {

    static final String TOKEN = "it-secret-token";

    @TempDir
    Path dir;

    Herald herald;
    int port;
    HttpServer upstream;
    volatile String feedXml = feed("Tips Q&amp;A", "Keep it short.");
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();

    static String feed(String title, String answer) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Upstream</title><link>http://upstream.example/</link>
                <description>d</description>
                <item><title>%s</title><link>http://upstream.example/tips</link>
                <pubDate>Tue, 10 Feb 2026 14:00:00 GMT</pubDate>
                <description>&lt;p&gt;Q: How long should a post be?&lt;/p&gt;&lt;p&gt;A: %s&lt;/p&gt;</description></item>
                <item><title>Second item</title><link>http://upstream.example/second</link>
                <description>No questions here.</description></item>
                </channel></rss>
                """.formatted(title, answer).strip();
    }

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/feed.xml", exchange -> {
            fetches.incrementAndGet();
            String body = feedXml;
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        upstream.createContext("/hostile.xml", exchange -> {
            byte[] bytes = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        upstream.start();
        port = ItSupport.freePort();
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        upstream.stop(0);
    }

    void startHerald(List<String> feeds, Object... more) {
        List<Object> settings = new ArrayList<>(List.of("api-token", TOKEN, "max-post-bytes", 4096, "feeds", String.join(",", feeds),
                "feed-poll-seconds", 1, "outbound-allow", "127.0.0.1"));
        settings.addAll(List.of(more));
        herald = Herald.start(ItSupport.settings(dir, port, settings.toArray()), Stage.all());
    }

    String upstreamUrl(String path) {
        return "http://127.0.0.1:" + upstream.getAddress().getPort() + path;
    }

    HttpResponse<String> send(String path, String contentType, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return ItSupport.send(b.build());
    }

    JsonNode awaitPost(String id) {
        String path = "/api/posts/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, path).statusCode() == 200);
        return read(get(port, path).body());
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    <T> List<T> topic(io.herald.events.Topic<T> topic) {
        List<T> out = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), topic, Duration.ofSeconds(10),
                (k, v) -> out.add(Json.read(v, topic.valueType())));
        return out;
    }

    @Test
    void markdown_html_and_json_posted_over_http_all_become_posts() {
        startHerald(List.of());
        String markdown = "---\ntitle: Markdown FAQ\ntags: [docs]\n---\n\n**Q:** Does front matter work?\n\n**A:** It does.\n";
        String html = "<html><head><title>HTML FAQ | Site</title></head><body><nav>Menu</nav><article>"
                + "<h2>Is the nav dropped?</h2><p>Yes.</p></article></body></html>";
        String json = "{\"title\": \"JSON FAQ\", \"qa\": [{\"question\": \"Is JSON fine?\", \"answer\": \"Yes.\"}]}";
        assertEquals(202, send("/api/posts", "text/markdown", markdown, TOKEN).statusCode());
        assertEquals(202, send("/api/posts", "text/html; charset=utf-8", html, TOKEN).statusCode());
        assertEquals(202, send("/api/posts", "application/json", json, TOKEN).statusCode());
        assertEquals("It does.", awaitPost("markdown-faq").get("qa").get(0).get("answer").asText());
        assertEquals("docs", awaitPost("markdown-faq").get("tags").get(0).asText());
        assertEquals("Is the nav dropped?", awaitPost("html-faq").get("qa").get(0).get("question").asText());
        assertEquals(1, awaitPost("json-faq").get("qa").size());
    }

    @Test
    void with_a_token_set_a_post_without_it_is_refused_and_the_token_never_reaches_kafka() {
        startHerald(List.of());
        HttpResponse<String> missing = send("/api/posts", "text/plain", "T\n\nQ: a?\nA: b.", null);
        assertEquals(401, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, send("/api/posts", "text/plain", "T\n\nQ: a?\nA: b.", "wrong").statusCode());
        assertEquals(401, send("/api/webhooks/cms", "application/json", "{\"title\":\"x\"}", null).statusCode());
        assertFalse(send("/api/posts", "text/plain", "T", "wrong").body().contains(TOKEN));

        assertEquals(202, send("/api/posts", "text/plain", "Token post\n\nQ: a?\nA: b.", TOKEN).statusCode());
        awaitPost("token-post");
        for (RawPost raw : topic(Topics.POSTS_RAW)) {
            assertFalse(Json.write(raw).contains(TOKEN));
        }
        assertTrue(topic(Topics.DLQ).isEmpty(), "a wrong token is not content: nothing to keep");
    }

    @Test
    void an_oversized_post_gets_a_413_problem_and_a_dlq_record() {
        startHerald(List.of());
        HttpResponse<String> big = send("/api/posts", "text/plain", "Big\n\n" + "x".repeat(10_000), TOKEN);
        assertEquals(413, big.statusCode());
        assertEquals("application/problem+json", big.headers().firstValue("Content-Type").orElse(""));
        assertTrue(read(big.body()).get("detail").asText().contains("limit is 4096 bytes"), big.body());
        await().atMost(Duration.ofSeconds(20)).until(() -> topic(Topics.DLQ).size() == 1);
        Rejection r = topic(Topics.DLQ).get(0);
        assertEquals("ingest", r.stage());
        assertTrue(r.reason().contains("4096"), r.reason());
    }

    @Test
    void a_huge_chunked_body_gets_its_413_before_it_is_sent_and_never_fills_the_heap() throws Exception {
        startHerald(List.of());
        long total = 200L * 1024 * 1024; // generated as it is sent, never held by the test either
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long sentAnswered;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong sentWhenAnswered = new java.util.concurrent.atomic.AtomicLong(-1);
            java.util.concurrent.CompletableFuture<String> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    String status = in.readLine();
                    sentWhenAnswered.set(sent.get());
                    StringBuilder head = new StringBuilder(status).append('\n');
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append('\n');
                    }
                    return head.toString();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] chunk = ("x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (sent.get() < total && !answer.isDone()) {
                    out.write(chunkHead);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(chunk.length);
                }
            } catch (java.io.IOException closedByServer) {
                // the server answered and closed the connection: the rest of the body was never sent
            }
            String head = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
            sentAnswered = sentWhenAnswered.get();
            assertTrue(sentWhenAnswered.get() >= 0 && sentWhenAnswered.get() < total / 10,
                    "the 413 came after " + sentWhenAnswered.get() + " of " + total + " bytes");
        }
        System.gc();
        long grown = (rt.totalMemory() - rt.freeMemory()) - heapBefore;
        System.out.printf("413 after %d KiB of a %d MiB chunked body; heap grew by %d MiB%n", sentAnswered / 1024,
                total / (1024 * 1024), grown / (1024 * 1024));
        assertTrue(grown < 64L * 1024 * 1024, "the heap grew by " + grown / (1024 * 1024) + " MiB for a 200 MiB body");
        await().atMost(Duration.ofSeconds(20)).until(() -> topic(Topics.DLQ).size() == 1);
        assertTrue(topic(Topics.DLQ).get(0).reason().contains("4096"), topic(Topics.DLQ).get(0).reason());
    }

    @Test
    void a_form_encoded_or_multipart_body_gets_a_415_naming_the_types_herald_reads() {
        startHerald(List.of());
        // What curl --data-binary sends without -H 'Content-Type: ...': a form, here a long one.
        String sample = new String(io.herald.testkit.Samples.bytes(io.herald.testkit.Samples.WEBINAR), StandardCharsets.UTF_8);
        for (String body : List.of(sample.substring(0, 3000), sample.substring(0, 300))) {
            HttpResponse<String> form = send("/api/posts", "application/x-www-form-urlencoded", body, TOKEN);
            assertEquals(415, form.statusCode(), form.body());
            assertEquals("application/problem+json", form.headers().firstValue("Content-Type").orElse(""));
            String detail = read(form.body()).get("detail").asText();
            assertTrue(detail.contains("text/plain, text/markdown, text/html and application/json"), detail);
            assertTrue(detail.contains("form"), detail);
        }
        HttpResponse<String> multipart = send("/api/posts", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nTitle\r\n--x--\r\n", TOKEN);
        assertEquals(415, multipart.statusCode(), multipart.body());
        assertTrue(read(multipart.body()).get("detail").asText().contains("multipart/form-data"), multipart.body());
    }

    @Test
    void a_cms_webhook_publishes_the_post_once_and_ignores_drafts() {
        startHerald(List.of());
        String ghost = """
                {"post": {"current": {"title": "Webhook FAQ", "status": "published",
                  "url": "https://cms.example/webhook-faq/", "updated_at": "2026-01-01T00:00:00Z",
                  "html": "<h2>Did the webhook work?</h2><p>It did.</p>"}}}""";
        HttpResponse<String> first = send("/api/webhooks/cms", "application/json", ghost, TOKEN);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals("accepted", read(first.body()).get("status").asText());
        assertEquals("It did.", awaitPost("https://cms.example/webhook-faq/").get("qa").get(0).get("answer").asText());
        String resent = ghost.replace("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
        assertEquals("unchanged", read(send("/api/webhooks/cms", "application/json", resent, TOKEN).body()).get("status").asText());
        String draft = "{\"title\": {\"rendered\": \"Draft\"}, \"content\": {\"rendered\": \"x\"}, \"status\": \"draft\"}";
        assertEquals("ignored", read(send("/api/webhooks/cms", "application/json", draft, TOKEN).body()).get("status").asText());
        HttpResponse<String> broken = send("/api/webhooks/cms", "application/json", "{\"title\": ", TOKEN);
        assertEquals(400, broken.statusCode());
    }

    @Test
    void a_ghost_webhook_signed_with_the_configured_secret_needs_no_token_and_a_bad_signature_is_refused() throws Exception {
        startHerald(List.of(), "ghost-webhook-secret", "ghost-s3cret");
        String ghost = """
                {"post": {"current": {"title": "Signed FAQ", "status": "published",
                  "url": "https://ghost.example/signed-faq/", "updated_at": "2026-01-01T00:00:00Z",
                  "html": "<h2>Was it signed?</h2><p>By Ghost itself.</p>"}}}""";
        HttpResponse<String> signed = ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/cms"))
                .header("Content-Type", "application/json").header("X-Ghost-Signature", ghostSignature("ghost-s3cret", ghost))
                .POST(HttpRequest.BodyPublishers.ofString(ghost)).build());
        assertEquals(202, signed.statusCode(), signed.body());
        assertEquals("By Ghost itself.", awaitPost("https://ghost.example/signed-faq/").get("qa").get(0).get("answer").asText());

        String forged = ghost.replace("By Ghost itself.", "By someone else.");
        HttpResponse<String> refused = ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/cms"))
                .header("Content-Type", "application/json").header("X-Ghost-Signature", ghostSignature("ghost-s3cret", ghost))
                .POST(HttpRequest.BodyPublishers.ofString(forged)).build());
        assertEquals(401, refused.statusCode());
        assertTrue(read(refused.body()).get("detail").asText().contains("does not verify"), refused.body());
        assertEquals(401, send("/api/webhooks/cms", "application/json", forged, null).statusCode(), "unsigned and no token");
        assertEquals(202, send("/api/webhooks/cms", "application/json", forged, TOKEN).statusCode(), "the token still works");
    }

    /** Ghost's header: sha256=hex(HMAC-SHA256(secret, body + t)), t=milliseconds, as the README describes it. */
    static String ghostSignature(String secret, String body) throws Exception {
        String t = Long.toString(System.currentTimeMillis());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal((body + t).getBytes(StandardCharsets.UTF_8))) + ", t=" + t;
    }

    @Test
    void upstream_feed_entries_are_ingested_once_across_polls_and_restarts_and_an_edit_is_a_new_version() {
        startHerald(List.of(upstreamUrl("/feed.xml")));
        assertEquals("Keep it short.", awaitPost("http://upstream.example/tips").get("qa").get(0).get("answer").asText());
        awaitPost("http://upstream.example/second");
        // a few more polls: the upstream answers 304 and nothing is ingested again
        int seen = fetches.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> fetches.get() >= seen + 2);
        assertTrue(notModified.get() >= 1, "conditional GETs are used");
        assertEquals(2, topic(Topics.POSTS_RAW).size());

        herald.close();
        herald = null;
        startHerald(List.of(upstreamUrl("/feed.xml")));
        int afterRestart = fetches.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> fetches.get() >= afterRestart + 2);
        assertEquals(2, topic(Topics.POSTS_RAW).size(), "a restart ingests nothing twice");

        feedXml = feed("Tips Q&amp;A", "Keep it short, and clear.");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                awaitPost("http://upstream.example/tips").get("version").asInt() == 2);
        assertEquals("Keep it short, and clear.", awaitPost("http://upstream.example/tips").get("qa").get(0).get("answer").asText());
        assertEquals(3, topic(Topics.POSTS_RAW).size());
    }

    @Test
    void a_newly_added_feeds_backlog_goes_into_the_feeds_unannounced_and_its_next_entry_is_announced() {
        startHerald(List.of(upstreamUrl("/feed.xml")));
        awaitPost("http://upstream.example/tips");
        awaitPost("http://upstream.example/second");
        String atom = get(port, "/feeds/all.atom").body();
        assertTrue(atom.contains("http://upstream.example/tips") && atom.contains("http://upstream.example/second"), atom);
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), Topics.POSTS_ENRICHED.name(),
                io.herald.support.ConsumerGroups.NEWSLETTER, io.herald.support.ConsumerGroups.SOCIAL);
        assertEquals(List.of(), topic(Topics.NEWSLETTER), "the backlog is not mailed");
        assertEquals(List.of(), topic(Topics.SOCIAL), "nor posted");
        assertEquals("skipped", ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts/"
                + java.net.URLEncoder.encode("http://upstream.example/tips", StandardCharsets.UTF_8) + "/newsletter"))
                .header("Authorization", "Bearer " + TOKEN).build()).headers().firstValue("X-Herald-Preview").orElse(""));

        String now = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        feedXml = feedXml.replace("</channel>", """
                <item><title>Fresh Q&amp;A</title><link>http://upstream.example/fresh</link><pubDate>%s</pubDate>
                <description>&lt;p&gt;Q: Is this new?&lt;/p&gt;&lt;p&gt;A: Published after Herald started reading the feed.&lt;/p&gt;</description></item>
                </channel>""".formatted(now));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic(Topics.NEWSLETTER).size() == 1);
        assertEquals("http://upstream.example/fresh", topic(Topics.NEWSLETTER).get(0).postId());
        await().atMost(Duration.ofSeconds(30)).until(() -> topic(Topics.SOCIAL).size() == 4);
        assertTrue(topic(Topics.SOCIAL).stream().allMatch(s -> s.postId().equals("http://upstream.example/fresh")));
    }

    @Test
    void a_hostile_feed_is_refused_into_the_dlq_without_reading_any_file() {
        startHerald(List.of(upstreamUrl("/hostile.xml")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !topic(Topics.DLQ).isEmpty());
        Rejection r = topic(Topics.DLQ).get(0);
        assertEquals("feed:" + upstreamUrl("/hostile.xml"), r.source());
        assertTrue(r.reason().contains("not a readable RSS or Atom feed"), r.reason());
        assertFalse(r.reason().contains("root:"));
        assertTrue(topic(Topics.POSTS_RAW).isEmpty());
    }

    @Test
    void inbox_html_and_markdown_files_are_ingested_by_extension() throws Exception {
        startHerald(List.of());
        Path inbox = dir.resolve("inbox");
        Files.writeString(inbox.resolve("page.html"), "<title>Inbox page</title><p>Q: From a file?</p><p>A: Yes.</p>");
        Files.writeString(inbox.resolve("notes.md"), "# Inbox notes\n\n## Markdown too?\n\nAlso yes.\n");
        assertEquals("Yes.", awaitPost("inbox-page").get("qa").get(0).get("answer").asText());
        assertEquals("Also yes.", awaitPost("inbox-notes").get("qa").get(0).get("answer").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/page.html"))
                && Files.exists(inbox.resolve(".done/notes.md")));
    }

    @Test
    void a_file_dropped_again_under_the_same_name_keeps_both_in_done_and_failed() throws Exception {
        startHerald(List.of());
        Path inbox = dir.resolve("inbox");
        Files.writeString(inbox.resolve("hours.txt"), "Opening hours\n\nQ: When?\nA: Nine to five.\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".done/hours.txt")));
        Files.writeString(inbox.resolve("hours.txt"), "Opening hours\n\nQ: When?\nA: Ten to six.\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".done/hours-2.txt")));
        assertTrue(Files.readString(inbox.resolve(".done/hours.txt")).contains("Nine to five."), "the first file is kept");
        assertTrue(Files.readString(inbox.resolve(".done/hours-2.txt")).contains("Ten to six."));
        assertEquals("Ten to six.", awaitPostVersion("opening-hours", 2).get("qa").get(0).get("answer").asText());

        Files.write(inbox.resolve("empty.txt"), new byte[0]);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".failed/empty.txt.error.txt")));
        Files.write(inbox.resolve("empty.txt"), new byte[0]);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".failed/empty-2.txt.error.txt")));
        assertTrue(Files.exists(inbox.resolve(".failed/empty.txt")) && Files.exists(inbox.resolve(".failed/empty-2.txt")));
    }

    JsonNode awaitPostVersion(String id, int version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/" + id).body().contains("\"version\":" + version));
        return read(get(port, "/api/posts/" + id).body());
    }

    @Test
    void an_unreachable_upstream_feed_shows_in_health_with_its_reason_while_the_others_flow() {
        String dead = "http://127.0.0.1:" + ItSupport.freePort() + "/gone.xml";
        startHerald(List.of(upstreamUrl("/feed.xml"), dead));
        awaitPost("http://upstream.example/tips");
        await().atMost(Duration.ofSeconds(20)).until(() -> read(get(port, "/health").body()).path("checks").has("feed " + dead));
        JsonNode checks = read(get(port, "/health").body()).get("checks");
        assertTrue(checks.get("feed " + dead).asText().startsWith("DOWN (ConnectException"), checks.toString());
        assertTrue(checks.get("feed " + dead).asText().contains("next try at"), checks.toString());
        assertEquals("UP", checks.get("feed " + upstreamUrl("/feed.xml")).asText(), checks.toString());
    }
}
