package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.PostControls;
import io.herald.events.Topics;
import io.herald.publish.feeds.TagSlug;
import io.herald.support.TopicReplay;
import io.herald.testkit.Samples;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marketer's say over auto-tags, on a real broker: with {@code auto-tags=approved} a post's suggested
 * tags stay off its page, the feeds and the tag feeds until accepted; an accepted one is published there
 * and in the newsletter (decided during the hold); a removed one never is; the decision is on
 * {@code herald.posts.controls} and holds after a restart; only suggestions can be decided on, and only
 * with the token.
 */
class TagDecisionsIT {

    static final String TOKEN = "tags-token";

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

    Herald start() {
        return Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "auto-tags", "approved", "hold-seconds", 20,
                "social-platforms", "x"), Stage.all());
    }

    HttpResponse<String> decide(String id, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts/" + id + "/tags"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return ItSupport.send(b.build());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("tag").asText()));
        return out;
    }

    @Test
    void unapproved_auto_tags_stay_off_public_feeds_and_a_decision_reaches_feeds_pages_and_the_newsletter() {
        herald = start();
        String id = Samples.WEBINAR_ID;
        assertEquals(202, ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.bytes(Samples.WEBINAR))).build()).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + id + "/tags").statusCode() == 200);

        JsonNode before = ItSupport.read(get(port, "/api/posts/" + id + "/tags").body());
        assertEquals("approved", before.path("policy").asText());
        List<String> suggested = texts(before.path("suggestions"));
        assertTrue(suggested.size() >= 2, "the sample has at least two suggested tags: " + before);
        before.path("suggestions").forEach(s -> {
            assertEquals("suggested", s.path("state").asText());
            assertFalse(s.path("published").asBoolean(), "a suggestion is not published before it is accepted: " + s);
        });
        for (String tag : suggested) {
            assertFalse(texts(before.path("published")).contains(tag), tag + " is published before anyone accepted it");
            assertEquals(404, get(port, "/feeds/tags/" + TagSlug.of(tag) + ".atom").statusCode(), "no public tag feed for " + tag);
        }
        String accepted = suggested.get(0);
        String removed = suggested.get(1);

        assertEquals(401, decide(id, "{\"accepted\":[\"" + accepted + "\"]}", null).statusCode(), "the token applies");
        HttpResponse<String> stranger = decide(id, "{\"accepted\":[\"not a suggestion here\"]}", TOKEN);
        assertEquals(422, stranger.statusCode(), stranger.body());
        assertTrue(stranger.body().contains("not a suggestion here"), stranger.body());
        assertEquals(400, decide(id, "{\"accepted\":", TOKEN).statusCode(), "a broken body is refused");

        HttpResponse<String> decided = decide(id, "{\"accepted\":[\"" + accepted.toUpperCase(java.util.Locale.ROOT) + "\"],"
                + "\"removed\":[\"" + removed + "\"]}", TOKEN);
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode after = ItSupport.read(decided.body());
        assertTrue(texts(after.path("published")).contains(accepted), "accepted, in any case, and published: " + after);
        assertFalse(texts(after.path("published")).contains(removed), after.toString());

        String slug = TagSlug.of(accepted);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/feeds/tags/" + slug + ".atom").statusCode() == 200);
        assertTrue(get(port, "/feeds/tags/" + slug + ".atom").body().contains(id), "the post is in the accepted tag's feed");
        assertTrue(get(port, "/feeds/all.atom").body().contains("term=\"" + accepted + "\""), "the entry carries the accepted tag");
        assertFalse(get(port, "/feeds/all.atom").body().contains("term=\"" + removed + "\""), "and not the removed one");
        assertEquals(404, get(port, "/feeds/tags/" + TagSlug.of(removed) + ".atom").statusCode());
        String page = get(port, "/posts/" + id).body();
        assertTrue(page.contains("/tags/" + slug), "the post's page links the accepted tag");
        assertFalse(page.contains("/tags/" + TagSlug.of(removed) + "\""), "and not the removed one");

        // The newsletter waited out its hold and went out with the tags as decided meanwhile.
        List<NewsletterPayload> newsletters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            newsletters.clear();
            TopicReplay.replay(herald.bootstrapServers(), Topics.NEWSLETTER, Duration.ofSeconds(5), (k, v) -> {
                if (v != null) {
                    newsletters.add(Json.read(v, NewsletterPayload.class));
                }
            });
            return !newsletters.isEmpty();
        });
        assertTrue(newsletters.get(0).tags().contains(accepted), "the newsletter has the accepted tag: " + newsletters.get(0).tags());
        for (String tag : suggested.subList(1, suggested.size())) {
            assertFalse(newsletters.get(0).tags().contains(tag), "the newsletter has no tag nobody accepted: " + tag);
        }

        List<PostControls> decisions = new ArrayList<>();
        TopicReplay.replay(herald.bootstrapServers(), Topics.POSTS_CONTROLS, Duration.ofSeconds(5), (k, v) -> {
            if (v != null) {
                decisions.add(Json.read(v, PostControls.class));
            }
        });
        assertEquals(List.of(List.of(accepted)), decisions.stream().map(PostControls::acceptedTags).toList(),
                "one decision on the topic, spelt as suggested");

        // A restart reads the decision back before it serves anything.
        herald.close();
        herald = start();
        assertEquals(200, get(port, "/feeds/tags/" + slug + ".atom").statusCode(), "the accepted tag's feed is back at once");
        JsonNode restarted = ItSupport.read(get(port, "/api/posts/" + id + "/tags").body());
        Map<String, String> states = new java.util.HashMap<>();
        restarted.path("suggestions").forEach(s -> states.put(s.path("tag").asText(), s.path("state").asText()));
        assertEquals("accepted", states.get(accepted));
        assertEquals("removed", states.get(removed));
    }
}
