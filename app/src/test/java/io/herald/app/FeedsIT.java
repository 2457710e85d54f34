package io.herald.app;

import java.util.ArrayList;
import java.util.Set;
import io.herald.events.Json;
import com.fasterxml.jackson.databind.JsonNode;
import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.herald.events.Topics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds as readers, caches and hubs meet them, on a real broker: read by two parsers that share
 * nothing with ROME (python3-feedparser and libxml2's xmllint), conditional GETs, gzip, edits,
 * deletions, the static export, WebSub pings, and byte-identical feeds after a restart.
 */
class FeedsIT {

    static final List<String> FEEDS = List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json",
            "/feeds/tags/gardening.rss", "/feeds/tags/gardening.atom", "/feeds/tags/gardening.json",
            "/feeds/qa.atom", "/feeds/qa.json", "/feeds/qa.rss");

    @TempDir
    Path dir;

    Herald herald;
    int port;
    HttpServer hub;
    final List<String> pings = new CopyOnWriteArrayList<>();
    final AtomicInteger hubCalls = new AtomicInteger();

    @BeforeEach
    void startHub() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The first call fails, as a hub sometimes does: Herald must retry.
            if (hubCalls.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                pings.add(URLDecoder.decode(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        hub.start();
        port = ItSupport.freePort();
    }

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        hub.stop(0);
    }

    void startHerald() {
        herald = Herald.start(ItSupport.settings(dir, port, "websub-hub", "http://127.0.0.1:" + hub.getAddress().getPort() + "/",
                "outbound-allow", "127.0.0.1:" + hub.getAddress().getPort()), Stage.all());
    }

    static final String GARDEN = """
            ---
            title: Allotment questions
            tags: [Gardening]
            ---
            We answered your allotment questions.

            **Q:** When do I sow beans?

            **A:** In May, after the last frost.

            **Q:** Do I need to water every day?

            **A:** Only in dry spells; deep watering twice a week is better.
            """;
    static final String KITCHEN = "Kitchen FAQ\n\nQ: Is the oven hot?\nA: Always.\n";

    void publishTwoPosts() {
        assertEquals(202, post(port, "text/markdown", GARDEN.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(202, post(port, "text/plain", KITCHEN.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts?limit=10").body().contains("\"total\":2"));
    }

    static List<String> xmllint(String xml) throws Exception {
        io.herald.testkit.Tools.requireXmllint();
        Path file = Files.createTempFile("herald", ".xml");
        Files.writeString(file, xml);
        Process p = new ProcessBuilder("xmllint", "--noout", "--nonet", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Files.delete(file);
        return p.exitValue() == 0 ? List.of() : List.of(out);
    }

    @Test
    void every_feed_is_read_cleanly_by_feedparser_and_xmllint_with_the_right_entries() throws Exception {
        startHerald();
        publishTwoPosts();
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/feeds/all.rss", 2);
        expected.put("/feeds/all.atom", 2);
        expected.put("/feeds/all.json", 2);
        expected.put("/feeds/tags/gardening.rss", 1);
        expected.put("/feeds/tags/gardening.atom", 1);
        expected.put("/feeds/tags/gardening.json", 1);
        expected.put("/feeds/qa.atom", 3);
        expected.put("/feeds/qa.json", 3);
        for (var e : expected.entrySet()) {
            HttpResponse<String> r = get(port, e.getKey());
            assertEquals(200, r.statusCode(), e.getKey());
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(e.getKey().endsWith(".rss") ? "application/rss+xml"
                    : e.getKey().endsWith(".atom") ? "application/atom+xml" : "application/feed+json"), e.getKey() + " " + type);
            List<String> parsed = ItSupport.feedparser(r.body());
            assertEquals("bozo=False", parsed.get(0), e.getKey() + "\n" + String.join("\n", parsed));
            assertEquals("entries=" + e.getValue(), parsed.get(1), e.getKey());
            if (!e.getKey().endsWith(".json")) {
                assertEquals(List.of(), xmllint(r.body()), e.getKey());
            }
        }
        List<String> qa = ItSupport.feedparser(get(port, "/feeds/qa.atom").body());
        assertTrue(qa.stream().anyMatch(l -> l.endsWith("\tWhen do I sow beans?")), qa.toString());
        HttpResponse<String> index = get(port, "/feeds/");
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<link rel=\"alternate\" type=\"application/atom+xml\""), index.body());
        assertTrue(index.body().contains("/feeds/tags/gardening.rss"), index.body());
        assertEquals(404, get(port, "/feeds/tags/unknown.atom").statusCode());
    }

    @Test
    void every_entry_link_of_every_feed_opens_the_posts_html_page_and_feeds_carry_the_site_settings() throws Exception {
        herald = Herald.start(ItSupport.settings(dir, port, "site-title", "Allotment Society", "site-description",
                "Answers from our growing season", "site-icon", "https://allotments.example/icon.png"), Stage.all());
        String planning = """
                ---
                title: Planning the plots
                tags: [City Planning, Économie circulaire]
                ---
                Q: Who decides where the plots go?

                A: The council, with <a href="https://allotments.example/map">our map</a>.
                """;
        publishTwoPosts();
        assertEquals(202, post(port, "text/markdown", planning.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts?limit=10").body().contains("\"total\":3"));

        String index = get(port, "/feeds/").body();
        java.util.regex.Matcher paths = java.util.regex.Pattern.compile("href=\"http://localhost:" + port + "(/feeds/[^\"]+)\"").matcher(index);
        Set<String> feedPaths = new java.util.TreeSet<>();
        while (paths.find()) {
            feedPaths.add(paths.group(1));
        }
        assertTrue(feedPaths.contains("/feeds/tags/city-planning.atom") && feedPaths.contains("/feeds/tags/economie-circulaire.rss"),
                "tag feeds live at slugs: " + feedPaths);
        Set<String> pages = new java.util.TreeSet<>();
        for (String path : feedPaths) {
            String body = get(port, path).body();
            List<String> links;
            if (path.endsWith(".json")) {
                links = new ArrayList<>();
                for (JsonNode item : Json.mapper().readTree(body).get("items")) {
                    links.add(item.get("url").asText());
                }
            } else {
                List<String> read = ItSupport.feedparserLinks(body);
                assertTrue(read.get(0).startsWith("Allotment Society"), path + " is titled after the site: " + read.get(0));
                assertEquals("Answers from our growing season", read.get(1), path);
                links = read.subList(2, read.size());
            }
            assertTrue(!links.isEmpty(), path);
            for (String link : links) {
                assertTrue(link.startsWith("http://localhost:" + port + "/posts/"), path + ": " + link);
                pages.add(link);
            }
        }
        for (String link : pages) {
            URI uri = URI.create(link);
            HttpResponse<String> page = get(port, uri.getRawPath());
            assertEquals(200, page.statusCode(), link);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), link);
            if (uri.getFragment() != null) {
                assertTrue(page.body().contains("id=\"" + uri.getFragment() + "\""), "the anchor " + uri.getFragment() + " is on the page");
            }
        }

        String page = get(port, "/posts/allotment-questions").body();
        String ld = org.jsoup.Jsoup.parse(page).select("script[type=application/ld+json]").stream().map(e -> e.data())
                .filter(d -> d.contains("\"FAQPage\"")).findFirst().orElseThrow();
        JsonNode faq = Json.mapper().readTree(ld);
        assertEquals("FAQPage", faq.get("@type").asText());
        assertEquals(2, faq.get("mainEntity").size());
        assertEquals("When do I sow beans?", faq.get("mainEntity").get(0).get("name").asText());
        assertTrue(page.contains("<link rel=\"canonical\" href=\"http://localhost:" + port + "/posts/allotment-questions\">"), page);
        assertTrue(page.contains("<meta property=\"og:title\" content=\"Allotment questions\">"), page);

        HttpResponse<String> moved = get(port, "/feeds/tags/city%20planning.atom");
        assertEquals(301, moved.statusCode());
        assertEquals("http://localhost:" + port + "/feeds/tags/city-planning.atom", moved.headers().firstValue("Location").orElse(""));
        assertEquals("http://localhost:" + port + "/feeds/tags/economie-circulaire.rss",
                get(port, "/feeds/tags/%C3%A9conomie%20circulaire.rss").headers().firstValue("Location").orElse(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("out/posts/allotment-questions/index.html")));
    }

    @Test
    void conditional_gets_answer_304_and_gzip_is_served_when_asked() throws Exception {
        startHerald();
        publishTwoPosts();
        HttpResponse<String> first = get(port, "/feeds/all.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age"));

        assertEquals(304, send("/feeds/all.atom", "If-None-Match", etag).statusCode(), "matching ETag");
        assertEquals(304, send("/feeds/all.atom", "If-None-Match", "\"other\", " + etag).statusCode(), "ETag in a list");
        assertEquals(304, send("/feeds/all.atom", "If-Modified-Since", lastModified).statusCode(), "not modified since");
        assertEquals(200, send("/feeds/all.atom", "If-None-Match", "\"stale\"").statusCode(), "another ETag");
        assertEquals(200, send("/feeds/all.atom", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
        assertEquals(200, send("/feeds/all.atom", "If-None-Match", "\"stale\"", "If-Modified-Since", lastModified).statusCode(),
                "If-None-Match wins over If-Modified-Since");

        HttpResponse<byte[]> gz = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feeds/all.atom"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertEquals(first.body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        // A new post changes the feed: the old ETag no longer matches.
        post(port, "text/plain", "Third post\n\nQ: New?\nA: Yes.".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> send("/feeds/all.atom", "If-None-Match", etag).statusCode() == 200);
    }

    HttpResponse<String> send(String path, String... headers) {
        return ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers).build());
    }

    @Test
    void an_edit_keeps_one_entry_with_the_same_id_and_a_deletion_leaves_every_feed() throws Exception {
        startHerald();
        publishTwoPosts();
        List<String> before = ItSupport.feedparser(get(port, "/feeds/all.rss").body());
        post(port, "text/plain", KITCHEN.replace("Always.", "Always, after nine.").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/feeds/all.rss").body().contains("after nine"));
        List<String> after = ItSupport.feedparser(get(port, "/feeds/all.rss").body());
        assertEquals("entries=2", after.get(1));
        assertEquals(before.subList(2, 4).stream().sorted().toList(), after.subList(2, 4).stream().sorted().toList(),
                "same ids, same titles");

        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", herald.bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.POSTS_ENRICHED.name(), "kitchen-faq", null)).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !get(port, "/feeds/all.atom").body().contains("Kitchen FAQ"));
        for (String feed : FEEDS) {
            assertFalse(get(port, feed).body().contains("Kitchen FAQ"), feed);
        }
        assertEquals(404, get(port, "/api/posts/kitchen-faq").statusCode());
    }

    @Test
    void feeds_are_exported_to_out_and_announced_to_the_hub_with_retries() throws Exception {
        startHerald();
        publishTwoPosts();
        Path out = dir.resolve("out");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String feed : FEEDS) {
                Path file = out.resolve(feed.substring(1));
                assertTrue(Files.exists(file), feed);
                assertEquals(get(port, feed).body(), Files.readString(file), feed);
            }
        });
        assertTrue(Files.readString(out.resolve("feeds/index.html")).contains("/feeds/tags/gardening.atom"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pings.stream().anyMatch(p ->
                p.equals("hub.mode=publish&hub.url=http://localhost:" + port + "/feeds/all.atom")));
        assertTrue(hubCalls.get() > pings.size(), "the failed first call was retried");
        assertTrue(get(port, "/feeds/all.atom").body().contains("rel=\"hub\""));
    }

    @Test
    void after_a_restart_every_feed_is_the_same_byte_for_byte() throws Exception {
        startHerald();
        publishTwoPosts();
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String feed : FEEDS) {
            before.put(feed, bytes(feed));
        }
        herald.close();
        herald = null;
        startHerald();
        for (String feed : FEEDS) {
            assertArrayEquals(before.get(feed), bytes(feed), feed);
        }
    }

    byte[] bytes(String path) {
        try {
            return ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
