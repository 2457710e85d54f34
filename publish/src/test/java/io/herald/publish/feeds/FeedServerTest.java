package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feed server on its own router: what feed readers and caches rely on (validators, 304, gzip, redirects, 404), without Camel or Kafka. */
class FeedServerTest {

    static Vertx vertx;
    static PostStore store;
    static HttpServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void serve() throws Exception {
        store = new PostStore();
        store.apply(EnrichedPost.builder().id("hours").version(1).title("Opening hours").published(Instant.parse("2026-03-01T09:00:00Z"))
                .updated(Instant.parse("2026-03-01T09:00:00Z")).language("en").qa(List.of(new EnrichedQa("when", "When?", "Nine to five.", null)))
                .tags(List.of("Shop Hours")).contentHash("h1").receivedAt(Instant.parse("2026-03-01T09:00:00Z")).build());
        FeedLinks links = new FeedLinks("http://127.0.0.1", Optional.empty());
        FeedServer feeds = new FeedServer(new RenderedFeeds(store, new Feeds(store, 50, "Herald"), links), links);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        feeds.install(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_document_answered_again_and_again_is_the_new_one_at_the_first_request_after_a_change() throws Exception {
        String path = "/feeds/tags/opening.json";
        assertEquals(404, get(path).statusCode());
        store.apply(EnrichedPost.builder().id("late").version(1).title("Late opening").published(Instant.parse("2026-03-02T09:00:00Z"))
                .updated(Instant.parse("2026-03-02T09:00:00Z")).language("en").qa(List.of(new EnrichedQa("late", "Late?", "Thursdays.", null)))
                .tags(List.of("Opening")).contentHash("h2").receivedAt(Instant.parse("2026-03-02T09:00:00Z")).build());
        HttpResponse<byte[]> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertEquals(304, get(path, "If-None-Match", etag).statusCode());
        }
        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(String.valueOf(first.body().length), head.headers().firstValue("Content-Length").orElseThrow());
        store.apply(EnrichedPost.builder().id("late").version(2).title("Late opening, now Fridays too").published(Instant.parse("2026-03-02T09:00:00Z"))
                .updated(Instant.parse("2026-03-03T09:00:00Z")).language("en").qa(List.of(new EnrichedQa("late", "Late?", "Thursdays and Fridays.", null)))
                .tags(List.of("Opening")).contentHash("h3").receivedAt(Instant.parse("2026-03-03T09:00:00Z")).build());
        HttpResponse<byte[]> after = get(path, "If-None-Match", etag);
        assertEquals(200, after.statusCode(), "the change is served at once, not the document answered before it");
        assertTrue(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8).contains("now Fridays too"));
        store.delete("late");
        assertEquals(404, get(path).statusCode(), "a tag feed left empty is gone at once");
    }

    @Test
    void a_feed_comes_with_its_type_validators_and_cache_control() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/all.atom");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), r.headers().toString());
        assertTrue(r.headers().firstValue("ETag").isPresent() && r.headers().firstValue("Last-Modified").isPresent());
        assertEquals(FeedServer.CACHE_CONTROL, r.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Opening hours"));
    }

    @Test
    void a_conditional_request_for_the_current_document_is_answered_304_without_a_body() throws Exception {
        HttpResponse<byte[]> first = get("/feeds/all.rss");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> byEtag = get("/feeds/all.rss", "If-None-Match", etag);
        assertEquals(304, byEtag.statusCode());
        assertEquals(0, byEtag.body().length);
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow(), "a 304 repeats the validator");
        assertEquals(304, get("/feeds/all.rss", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, get("/feeds/all.rss", "If-None-Match", "\"something-else\"").statusCode());
    }

    @Test
    void a_reader_that_accepts_gzip_gets_the_same_document_compressed() throws Exception {
        byte[] plain = get("/feeds/all.json").body();
        HttpResponse<byte[]> zipped = get("/feeds/all.json", "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.toLowerCase().contains("accept-encoding")),
                "caches keep the two apart");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    @Test
    void a_tag_asked_for_by_its_name_redirects_to_its_slug_and_an_unknown_feed_is_404() throws Exception {
        HttpResponse<byte[]> byName = get("/feeds/tags/Shop%20Hours.atom");
        assertEquals(301, byName.statusCode());
        assertTrue(byName.headers().firstValue("Location").orElseThrow().endsWith("/feeds/tags/shop-hours.atom"),
                byName.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/feeds/tags/shop-hours.atom").statusCode());
        assertEquals(404, get("/feeds/tags/no-such-tag.atom").statusCode());
        assertEquals(404, get("/feeds/all.xml").statusCode());
    }
}
