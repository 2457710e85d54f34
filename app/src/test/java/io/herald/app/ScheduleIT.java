package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import io.herald.testkit.Samples;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts published later, on a real broker: a post sent with {@code ?publishAt=} is in no feed, page or
 * newsletter until its time, and then in all of them once; with {@code approval=required} a post waits
 * until a marketer approves it, its newsletter can be held past its publication and sent later, and
 * all of it holds across a restart without sending anything twice.
 */
class ScheduleIT {

    static final String TOKEN = "schedule-token";
    static final String BIKES = "Bike repair evening\n\nQ: Do I need to book?\nA: No, just come by after six.\n\n"
            + "Q: Are tools provided?\nA: Yes, the workshop has every tool you need.\n";

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

    Herald start(Object... settings) {
        Object[] all = new Object[settings.length + 4];
        all[0] = "api-token";
        all[1] = TOKEN;
        all[2] = "social-platforms";
        all[3] = "x,mastodon";
        System.arraycopy(settings, 0, all, 4, settings.length);
        return Herald.start(ItSupport.settings(dir, port, all), Stage.all());
    }

    HttpResponse<String> send(String method, String path, String type, byte[] body, boolean token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return ItSupport.send(b.build());
    }

    HttpResponse<String> schedule(String id, String json) {
        return send("POST", "/api/posts/" + id + "/schedule", "application/json", json.getBytes(StandardCharsets.UTF_8), true);
    }

    JsonNode pending() {
        return ItSupport.read(send("GET", "/api/pending", null, null, true).body()).path("posts");
    }

    /** Waits until the restarted instance has looked for due newsletters and snippets this many times. */
    void awaitReleaseChecks(int times) {
        var newsletters = new NotifyBuilder(herald.camel()).fromRoute("publish-release-newsletter").whenCompleted(times).create();
        var snippets = new NotifyBuilder(herald.camel()).fromRoute("publish-release-social").whenCompleted(times).create();
        assertTrue(newsletters.matches(30, TimeUnit.SECONDS) && snippets.matches(30, TimeUnit.SECONDS), "the release checks ran");
    }

    long records(Topic<?> topic, String postId) {
        long[] n = {0};
        TopicReplay.replay(herald.bootstrapServers(), topic, Duration.ofSeconds(5), (k, v) -> {
            if (v != null && postId.equals(k)) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Test
    void a_scheduled_post_is_in_no_feed_page_or_newsletter_until_its_time_then_in_all_of_them_once() {
        herald = start();
        Instant at = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        String id = Samples.WEBINAR_ID;
        HttpResponse<String> sent = send("POST", "/api/posts?publishAt=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8),
                "text/plain", Samples.bytes(Samples.WEBINAR), true);
        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals(400, send("POST", "/api/posts?publishAt=tomorrow", "text/plain", BIKES.getBytes(StandardCharsets.UTF_8), true)
                .statusCode(), "a time that is not one is refused");

        await().atMost(Duration.ofSeconds(30)).until(() -> pending().size() == 1);
        JsonNode waiting = pending().get(0);
        assertEquals(id, waiting.path("id").asText());
        assertEquals("scheduled", waiting.path("state").asText());
        assertEquals(at.toString(), waiting.path("publishAt").asText());
        assertEquals(401, send("GET", "/api/pending", null, null, false).statusCode(), "only the dashboard sees what waits");
        assertEquals(404, get(port, "/api/posts/" + id).statusCode());
        assertEquals(404, get(port, "/posts/" + id).statusCode());
        assertFalse(get(port, "/feeds/all.atom").body().contains(id), "not in the feed before its time");
        assertEquals(0, records(Topics.NEWSLETTER, id), "no newsletter before its time");
        assertEquals(0, records(Topics.SOCIAL, id), "no snippets before their time");

        await().atMost(Duration.ofSeconds(40)).until(() -> get(port, "/api/posts/" + id).statusCode() == 200);
        assertFalse(Instant.now().isBefore(at), "published at its time, not before");
        assertTrue(get(port, "/feeds/all.atom").body().contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> records(Topics.NEWSLETTER, id) == 1 && records(Topics.SOCIAL, id) == 2);
        assertEquals(0, pending().size());
        HttpResponse<String> again = schedule(id, "{\"publishAt\":\"2030-01-01T00:00:00Z\"}");
        assertEquals(409, again.statusCode(), "a public post is not scheduled again: " + again.body());

        herald.close();
        herald = start();
        assertEquals(200, get(port, "/api/posts/" + id).statusCode(), "public after a restart");
        awaitReleaseChecks(3);
        assertEquals(1, records(Topics.NEWSLETTER, id), "the newsletter is not sent again after a restart");
        assertEquals(2, records(Topics.SOCIAL, id), "nor the snippets");
    }

    @Test
    void with_approval_required_a_post_waits_for_approval_and_a_held_newsletter_goes_out_only_when_released() {
        herald = start("approval", "required");
        assertEquals(202, send("POST", "/api/posts", "text/plain", BIKES.getBytes(StandardCharsets.UTF_8), true).statusCode());
        String id = "bike-repair-evening";
        await().atMost(Duration.ofSeconds(30)).until(() -> pending().size() == 1);
        assertEquals("awaiting-approval", pending().get(0).path("state").asText());
        assertEquals(404, get(port, "/api/posts/" + id).statusCode());
        HttpResponse<String> bad = schedule(id, "{\"newsletter\":\"next tuesday\"}");
        assertEquals(400, bad.statusCode(), bad.body());

        HttpResponse<String> approved = schedule(id, "{\"approved\":true,\"newsletter\":\"held\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("published", ItSupport.read(approved.body()).path("state").asText());
        assertEquals(200, get(port, "/api/posts/" + id).statusCode(), "published at once on approval");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(Topics.SOCIAL, id) == 2);
        assertEquals(0, records(Topics.NEWSLETTER, id), "the newsletter is held");

        herald.close();
        herald = start("approval", "required");
        assertEquals(200, get(port, "/api/posts/" + id).statusCode(), "still public after a restart");
        awaitReleaseChecks(3);
        assertEquals(0, records(Topics.NEWSLETTER, id), "still held after a restart");
        assertEquals(2, records(Topics.SOCIAL, id), "the snippets are not sent again");

        assertEquals(200, schedule(id, "{\"newsletter\":\"with-post\"}").statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> records(Topics.NEWSLETTER, id) == 1);

        // An approved post's edit is published as it arrives; a new post still waits.
        assertEquals(202, send("POST", "/api/posts?id=" + id, "text/plain",
                BIKES.replace("after six", "after seven").getBytes(StandardCharsets.UTF_8), true).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + id).body().contains("after seven"));
        assertEquals(0, pending().size());
    }
}
