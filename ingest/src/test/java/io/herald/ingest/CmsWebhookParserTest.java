package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CMS notifications from Ghost and WordPress (two shapes) and Herald's own, as they arrive. */
class CmsWebhookParserTest {

    private final CmsWebhookParser parser = new CmsWebhookParser();

    private CmsWebhookParser.Notification parse(String fixture) {
        return parser.parse(Fixtures.text("webhooks/" + fixture)).orElseThrow();
    }

    @Test
    void a_ghost_post_published_event_gives_the_post_with_its_questions() {
        var n = parse("ghost-published.json");
        ParsedPost post = n.post();
        assertEquals("ghost", n.cms());
        assertEquals("Five questions about our new app", post.title());
        assertEquals("Mira Jansen", post.author());
        assertEquals(Instant.parse("2026-04-02T07:15:00Z"), post.published());
        assertEquals("https://blog.example/five-questions-new-app/", PostIdentity.idFor(post));
        assertEquals(List.of("Product", "Apps"), post.tags());
        assertEquals(List.of("https://blog.example/content/images/app.png"), post.images());
        assertEquals(2, post.qa().size());
        assertEquals("Reading works offline; sync needs a connection.", post.qa().get(1).answer());
        assertEquals("The app is out. Here is what you asked.", post.intro());
    }

    @Test
    void a_wordpress_rest_post_is_read_with_entities_in_the_title_decoded() {
        ParsedPost post = parse("wordpress-rest.json").post();
        assertEquals("Festival FAQ \u2013 everything you asked", post.title());
        assertEquals(Instant.parse("2026-05-06T12:00:00Z"), post.published());
        assertEquals("https://news.example/2026/05/festival-faq/", post.url());
        assertEquals(List.of("festival", "faq"), post.tags());
        assertEquals("Can I bring food?", post.qa().get(0).question());
        assertEquals("Events team", post.author());
    }

    @Test
    void a_wordpress_plugin_payload_uses_the_permalink_and_the_gmt_date() {
        ParsedPost post = parse("wordpress-classic.json").post();
        assertEquals("Parking questions", post.title());
        assertEquals("https://cityhall.example/parking-questions/", post.url());
        assertEquals(Instant.parse("2026-06-01T08:00:00Z"), post.published());
        assertEquals("In the garage under the station.", post.qa().get(0).answer());
    }

    @Test
    void a_wordpress_plugin_payload_with_permalink_and_guid_inside_the_post_takes_the_permalink_as_id() {
        String json = """
                {"post": {"ID": 456, "post_title": "Returns FAQ", "post_status": "publish",
                  "post_content": "<h2>Can I return a gift?</h2><p>Yes, within 30 days.</p>",
                  "guid": "https://shop.example.com/?p=456", "post_permalink": "https://shop.example.com/returns-faq/"}}""";
        CmsWebhookParser.Notification n = parser.parse(json).orElseThrow();
        assertEquals("https://shop.example.com/returns-faq/", n.post().url());
        assertEquals("https://shop.example.com/returns-faq/", PostIdentity.idFor(n.post()));
    }

    @Test
    void members_only_paid_and_password_protected_posts_stay_out_and_internal_tags_never_become_tags() {
        String ghost = """
                {"post": {"current": {"title": "Members FAQ", "status": "published", "visibility": "%s",
                  "url": "https://cms.example/members-faq/", "published_at": "2026-01-01T00:00:00Z",
                  "tags": [{"name": "faq"}, {"name": "#newsletter"}],
                  "html": "<h2>Who can read this?</h2><p>Members.</p>"}}}""";
        assertTrue(parser.parse(ghost.formatted("members")).isEmpty(), "members-only");
        assertTrue(parser.parse(ghost.formatted("paid")).isEmpty(), "paid");
        assertEquals(List.of("faq"), parser.parse(ghost.formatted("public")).orElseThrow().post().tags(), "no #internal tag");
        String wordpress = """
                {"title": {"rendered": "Secret FAQ"}, "content": {"rendered": "<p>Q: x?</p><p>A: y.</p>", "protected": true},
                 "status": "publish", "link": "https://wp.example/secret-faq/"}""";
        assertTrue(parser.parse(wordpress).isEmpty(), "password-protected");
    }

    @Test
    void an_unpublished_deleted_or_trashed_post_is_withdrawn_by_its_url() {
        String unpublished = """
                {"post": {"current": {"title": "Old FAQ", "status": "draft", "url": "https://cms.example/old-faq/?utm_source=x"},
                          "previous": {"status": "published"}}}""";
        assertEquals(java.util.Optional.of("https://cms.example/old-faq/"), parser.withdrawn(unpublished));
        String deleted = """
                {"post": {"current": {}, "previous": {"title": "Old FAQ", "url": "https://cms.example/old-faq/"}}}""";
        assertEquals(java.util.Optional.of("https://cms.example/old-faq/"), parser.withdrawn(deleted));
        String trashed = """
                {"title": {"rendered": "Old FAQ"}, "content": {"rendered": "<p>x</p>"}, "status": "trash",
                 "link": "https://wp.example/old-faq/"}""";
        assertEquals(java.util.Optional.of("https://wp.example/old-faq/"), parser.withdrawn(trashed));
        assertTrue(parser.withdrawn(Fixtures.text("webhooks/wordpress-classic.json")).isEmpty(), "a published post withdraws nothing");
    }

    @Test
    void a_draft_is_ignored_not_refused() {
        assertTrue(parser.parse(Fixtures.text("webhooks/wordpress-draft.json")).isEmpty());
    }

    @Test
    void herald_s_own_shape_works_for_any_cms() {
        var n = parser.parse("{\"title\": \"Generic\", \"html\": \"<p>Q: One?</p><p>A: Two.</p>\", \"id\": \"g-1\"}")
                .orElseThrow();
        assertEquals("g-1", PostIdentity.idFor(n.post()));
        assertEquals(1, n.post().qa().size());
    }

    @Test
    void a_resend_with_only_new_timestamps_has_the_same_content_hash() {
        String json = Fixtures.text("webhooks/ghost-published.json");
        String resent = json.replace("2026-04-02T07:20:00.000Z", "2026-04-03T10:00:00.000Z");
        assertEquals(parser.parse(json).orElseThrow().contentHash(), parser.parse(resent).orElseThrow().contentHash());
        String edited = json.replace("Yes, with optional extras.", "Yes.");
        assertNotEquals(parser.parse(json).orElseThrow().contentHash(), parser.parse(edited).orElseThrow().contentHash());
    }

    @Test
    void a_notification_without_a_title_or_with_broken_json_is_refused_with_a_reason() {
        RejectedPost noTitle = assertThrows(RejectedPost.class,
                () -> parser.parse("{\"post\": {\"current\": {\"html\": \"<p>x</p>\", \"status\": \"published\"}}}"));
        assertEquals("The ghost notification has no post title.", noTitle.detail());
        RejectedPost broken = assertThrows(RejectedPost.class, () -> parser.parse("{\"title\":"));
        assertEquals(400, broken.status());
    }
}
