package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, items 11 to 14: what a real Ghost and a real WordPress send when a post leaves public view,
 * against a real Herald (embedded Kafka), with each CMS's RSS served by a local stand-in. The payload
 * shapes are Ghost's and WordPress's (as their webhooks and REST API write them); the content is ours.
 */
class CmsWithdrawalIT {

    static final String TOKEN = "cms-withdrawal-token";
    static final String GHOST_ID = "6b10aa01f00dbeef00c0ffee";
    static final String GHOST_UUID = "3d7e9a52-7c1b-4a8e-9f20-1b2c3d4e5f60";

    @TempDir
    Path dir;

    Herald herald;
    int port;
    HttpServer upstream;
    final Map<String, String> documents = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String doc = documents.get(path);
            byte[] bytes = doc == null ? new byte[0] : doc.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(doc == null ? 404 : 200, doc == null ? -1 : bytes.length);
            if (doc != null) {
                exchange.getResponseBody().write(bytes);
            }
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

    String site() {
        return "http://127.0.0.1:" + upstream.getAddress().getPort();
    }

    void startHerald(String feedPath) {
        herald = Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "feeds", site() + feedPath, "feed-poll-seconds", 1,
                "outbound-allow", "127.0.0.1"), Stage.all());
    }

    /** Waits for a few more polls of a feed, so what they would bring has had its chance. */
    void polls(String path, int n) {
        AtomicInteger count = fetches.computeIfAbsent(path, p -> new AtomicInteger());
        int seen = count.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> count.get() >= seen + n);
    }

    HttpResponse<String> webhook(String json) {
        return ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/cms"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    int status(String id) {
        return get(port, "/api/posts/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).statusCode();
    }

    JsonNode awaitPost(String id, java.util.function.Predicate<JsonNode> until) {
        String path = "/api/posts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> r = get(port, path);
            return r.statusCode() == 200 && until.test(read(r.body()));
        });
        return read(get(port, path).body());
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Stand-in</title><link>http://cms.example/</link>"
                + "<description>d</description>" + String.join("", items) + "</channel></rss>";
    }

    static String item(String title, String link, String guid, String author, List<String> categories, String html) {
        StringBuilder c = new StringBuilder();
        categories.forEach(x -> c.append("<category><![CDATA[").append(x).append("]]></category>"));
        return "<item><title><![CDATA[" + title + "]]></title><link>" + link + "</link><guid isPermaLink=\"false\">" + guid + "</guid>"
                + c + "<dc:creator><![CDATA[" + author + "]]></dc:creator><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>"
                + (html == null ? "<content:encoded/>" : "<content:encoded><![CDATA[" + html + "]]></content:encoded>") + "</item>";
    }

    /** Ghost's post object as its webhooks send it (current / previous). */
    String ghostPost(String status, String url, String updatedAt) {
        return """
                {"id": "%s", "uuid": "%s", "slug": "kombucha-questions", "title": "Kombucha questions", "status": "%s",
                 "visibility": "public", "url": "%s", "published_at": "2026-11-30T10:00:00.000Z", "updated_at": "%s",
                 "primary_author": {"name": "Ilse Brandt"}, "tags": [{"name": "Fermenting"}, {"name": "#internal"}],
                 "html": "<h2>How long does it ferment?</h2><p>Seven to ten days at room temperature.</p>"}"""
                .formatted(GHOST_ID, GHOST_UUID, status, url, updatedAt);
    }

    @Test
    void a_ghost_post_unpublished_or_deleted_is_found_by_its_ghost_ids_and_its_rss_never_brings_it_back_until_ghost_publishes_it() {
        String url = site() + "/kombucha-questions/";
        documents.put("/rss/", rss(item("Kombucha questions", url, GHOST_ID, "Ilse Brandt", List.of("Fermenting"),
                "<h2>How long does it ferment?</h2><p>Seven to ten days at room temperature.</p>")));
        startHerald("/rss/");
        String published = "{\"post\": {\"current\": " + ghostPost("published", url, "2026-11-30T10:00:00.000Z") + ", \"previous\": {}}}";
        assertEquals(202, webhook(published).statusCode());
        awaitPost(url, p -> true);
        polls("/rss/", 2);

        // Unpublished: Ghost sends the draft's preview URL (/p/<uuid>/) and no url in previous.
        String unpublished = "{\"post\": {\"current\": " + ghostPost("draft", site() + "/p/" + GHOST_UUID + "/", "2026-11-30T11:00:00.000Z")
                + ", \"previous\": {\"status\": \"published\", \"updated_at\": \"2026-11-30T10:00:00.000Z\"}}}";
        HttpResponse<String> withdrawn = webhook(unpublished);
        assertEquals(202, withdrawn.statusCode(), withdrawn.body());
        assertEquals("deleted", read(withdrawn.body()).get("status").asText(), withdrawn.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> status(url) == 404);

        // Ghost's RSS still lists it (as it lists members-only posts): it stays out, across a restart too.
        documents.put("/rss/", rss(item("Kombucha questions", url, GHOST_ID, "Ilse Brandt", List.of("Fermenting"), null)));
        polls("/rss/", 3);
        assertEquals(404, status(url), "withdrawn by its CMS: the RSS listing is not a new version");
        herald.close();
        herald = null;
        startHerald("/rss/");
        polls("/rss/", 3);
        assertEquals(404, status(url), "still withdrawn after a restart");

        // Published again in Ghost: back.
        String again = "{\"post\": {\"current\": " + ghostPost("published", url, "2026-11-30T12:00:00.000Z")
                + ", \"previous\": {\"status\": \"draft\"}}}";
        assertEquals("accepted", read(webhook(again).body()).get("status").asText());
        JsonNode back = awaitPost(url, p -> true);
        assertEquals("Seven to ten days at room temperature.", back.get("qa").get(0).get("answer").asText());

        // Deleted: current is empty, previous has the ids but no url.
        String deleted = "{\"post\": {\"current\": {}, \"previous\": {\"id\": \"" + GHOST_ID + "\", \"uuid\": \"" + GHOST_UUID
                + "\", \"slug\": \"kombucha-questions\", \"title\": \"Kombucha questions\", \"status\": \"published\","
                + " \"updated_at\": \"2026-11-30T12:00:00.000Z\"}}}";
        HttpResponse<String> gone = webhook(deleted);
        assertEquals("deleted", read(gone.body()).get("status").asText(), gone.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> status(url) == 404);
        assertTrue(get(port, "/feeds/all.atom").body().indexOf("Kombucha questions") < 0, "and out of the feeds");
    }

    /** WordPress's REST JSON of a post (GET /wp/v2/posts/<id>), as its webhook plugins and the README's example send it. */
    String wpRest(int id, String status, String link, String guid, String modified) {
        return """
                {"id": %d, "date_gmt": "2026-11-30T09:00:00", "modified_gmt": "%s", "slug": "cider-faq", "status": "%s",
                 "type": "post", "link": "%s", "guid": {"rendered": "%s"},
                 "title": {"rendered": "Cider FAQ &#8211; pressing day"},
                 "content": {"rendered": "<p><strong>Q:</strong> Which apples?</p><p><strong>A:</strong> Any sharp ones, mixed with sweet.</p><p>Bring a bottle.</p>", "protected": false},
                 "author": 2, "featured_media": 0, "categories": [3], "tags": [11, 12]}"""
                .formatted(id, modified, status, link, guid);
    }

    @Test
    void a_wordpress_post_trashed_drafted_made_private_or_pending_is_withdrawn_and_term_ids_never_erase_its_tags_or_author() {
        String cider = site() + "/2026/11/cider-faq/";
        String perry = site() + "/2026/11/perry-faq/";
        String mead = site() + "/2026/11/mead-faq/";
        String wine = site() + "/2026/11/wine-faq/";
        String html = "<p><strong>Q:</strong> Which apples?</p><p><strong>A:</strong> Any sharp ones, mixed with sweet.</p>";
        documents.put("/feed/", rss(
                item("Cider FAQ – pressing day", cider, cider, "Tomasz Nowak", List.of("Pressing", "Apples"), html),
                item("Perry FAQ", perry, site() + "/?p=7", "Tomasz Nowak", List.of("Pears"), html),
                item("Mead FAQ", mead, site() + "/?p=8", "Tomasz Nowak", List.of("Honey"), html),
                item("Wine FAQ", wine, site() + "/?p=9", "Tomasz Nowak", List.of("Grapes"), html)));
        startHerald("/feed/");
        JsonNode fromFeed = awaitPost(cider, p -> true);
        List<String> tags = new ArrayList<>();
        fromFeed.get("tags").forEach(t -> tags.add(t.asText()));
        assertEquals(2, tags.size(), fromFeed.toString());
        awaitPost(perry, p -> true);
        awaitPost(mead, p -> true);
        awaitPost(wine, p -> true);

        // The REST JSON names terms and the author by number: a new version, with the names the feed gave.
        HttpResponse<String> rest = webhook(wpRest(5, "publish", cider, cider, "2026-11-30T10:30:00"));
        assertEquals(202, rest.statusCode(), rest.body());
        JsonNode afterRest = awaitPost(cider, p -> p.get("version").asInt() >= 2);
        List<String> kept = new ArrayList<>();
        afterRest.get("tags").forEach(t -> kept.add(t.asText()));
        assertEquals(tags, kept, "term ids never erase the tags");
        assertEquals("Tomasz Nowak", afterRest.get("author").asText(), "a numeric author never erases the author");

        // Trashed: link ?p=5, slug __trashed, the permalink only in guid.rendered.
        documents.put("/feed/", rss(item("Perry FAQ", perry, site() + "/?p=7", "Tomasz Nowak", List.of("Pears"), html),
                item("Mead FAQ", mead, site() + "/?p=8", "Tomasz Nowak", List.of("Honey"), html),
                item("Wine FAQ", wine, site() + "/?p=9", "Tomasz Nowak", List.of("Grapes"), html)));
        String trashed = wpRest(5, "trash", site() + "/?p=5", cider, "2026-11-30T11:00:00").replace("\"cider-faq\"", "\"cider-faq__trashed\"");
        assertEquals("deleted", read(webhook(trashed).body()).get("status").asText());
        // A draft again, private, pending: named by the ?p= link (also the feed's guid).
        for (Object[] c : new Object[][] {{7, "draft", perry}, {8, "private", mead}, {9, "pending", wine}}) {
            String link = site() + "/?p=" + c[0];
            HttpResponse<String> r = webhook(wpRest((Integer) c[0], (String) c[1], link, link, "2026-11-30T11:00:00"));
            assertEquals("deleted", read(r.body()).get("status").asText(), c[1] + ": " + r.body());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(cider) == 404 && status(perry) == 404 && status(mead) == 404
                && status(wine) == 404);
        polls("/feed/", 3);
        assertEquals(404, status(perry), "withdrawn in WordPress: its feed listing does not bring it back");
    }
}
