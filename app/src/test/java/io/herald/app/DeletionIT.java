package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import io.herald.testkit.Samples;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting a post on a real broker: {@code DELETE /api/posts/{id}} (token required) writes the
 * tombstone, the post leaves the API and every feed, and sending the same content again brings it back.
 */
class DeletionIT {

    static final String TOKEN = "delete-token";

    @TempDir
    Path dir;

    Herald herald;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    HttpResponse<String> request(String method, String path, byte[] body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "text/plain");
        }
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        return ItSupport.send(b.build());
    }

    @Test
    void a_deleted_post_leaves_the_api_and_every_feed_and_the_same_content_brings_it_back() {
        herald = Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "social-platforms", "x"), Stage.all());
        String id = Samples.WEBINAR_ID;
        byte[] post = Samples.bytes(Samples.WEBINAR);
        assertEquals(202, request("POST", "/api/posts", post, TOKEN).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/feeds/all.atom").body().contains(Samples.WEBINAR_TITLE.replace("&", "&amp;")));

        assertEquals(401, request("DELETE", "/api/posts/" + id, null, null).statusCode(), "the token applies");
        HttpResponse<String> deleted = request("DELETE", "/api/posts/" + id, null, TOKEN);
        assertEquals(202, deleted.statusCode(), deleted.body());
        assertEquals("deleted", ItSupport.read(deleted.body()).get("status").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + id).statusCode() == 404);
        for (String feed : List.of("/feeds/all.atom", "/feeds/all.rss", "/feeds/all.json", "/feeds/qa.atom")) {
            assertFalse(get(port, feed).body().contains("Heat Pumps for Older Homes"), feed + " still has the post");
        }
        List<String> enrichedKeysWithTombstones = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), Topics.POSTS_ENRICHED, Duration.ofSeconds(10), (k, v) -> {
            if (v == null) {
                enrichedKeysWithTombstones.add(k);
            }
        });
        assertEquals(List.of(id), enrichedKeysWithTombstones, "the tombstone reached the enriched topic");
        HttpResponse<String> again = request("DELETE", "/api/posts/" + id, null, TOKEN);
        assertEquals(404, again.statusCode(), "nothing left to delete");
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> back = request("POST", "/api/posts", post, TOKEN);
        assertEquals("accepted", ItSupport.read(back.body()).get("status").asText(), "the same content after a deletion is new");
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + id).statusCode() == 200);
        assertTrue(get(port, "/feeds/all.atom").body().contains("Heat Pumps for Older Homes"));
    }

    HttpResponse<String> webhook(String json) {
        return ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/cms"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void a_cms_unpublishing_or_trashing_a_post_deletes_it_everywhere() {
        herald = Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "social-platforms", "x"), Stage.all());
        String ghostPost = """
                {"post": {"current": {"title": "Ghost FAQ", "status": "%s", "url": "https://cms.example/ghost-faq/",
                  "published_at": "2026-01-01T00:00:00Z", "html": "<h2>Still there?</h2><p>For now.</p>"},
                  "previous": {"status": "published"}}}""";
        assertEquals("accepted", ItSupport.read(webhook(ghostPost.formatted("published")).body()).get("status").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/feeds/all.atom").body().contains("Ghost FAQ"));
        HttpResponse<String> unpublished = webhook(ghostPost.formatted("draft"));
        assertEquals(202, unpublished.statusCode(), unpublished.body());
        assertEquals("deleted", ItSupport.read(unpublished.body()).get("status").asText(), unpublished.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(port, "/feeds/all.atom").body().contains("Ghost FAQ"));

        String wordpress = """
                {"title": {"rendered": "WP FAQ"}, "content": {"rendered": "<p>Q: Here?</p><p>A: Yes.</p>"}, "status": "%s",
                 "link": "https://wp.example/wp-faq/", "date_gmt": "2026-01-02T00:00:00"}""";
        assertEquals("accepted", ItSupport.read(webhook(wordpress.formatted("publish")).body()).get("status").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/feeds/all.atom").body().contains("WP FAQ"));
        assertEquals("deleted", ItSupport.read(webhook(wordpress.formatted("trash")).body()).get("status").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(port, "/feeds/all.atom").body().contains("WP FAQ"));
        assertEquals("ignored", ItSupport.read(webhook(wordpress.formatted("trash")).body()).get("status").asText(),
                "a post Herald does not have is only ignored");
    }
}
