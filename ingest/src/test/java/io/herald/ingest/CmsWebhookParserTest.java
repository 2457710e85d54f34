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
        assertEquals("https://cms.example/old-faq/", parser.withdrawn(unpublished).orElseThrow().refs().get(0));
        String deleted = """
                {"post": {"current": {}, "previous": {"title": "Old FAQ", "url": "https://cms.example/old-faq/"}}}""";
        assertEquals("https://cms.example/old-faq/", parser.withdrawn(deleted).orElseThrow().refs().get(0));
        String trashed = """
                {"title": {"rendered": "Old FAQ"}, "content": {"rendered": "<p>x</p>"}, "status": "trash",
                 "link": "https://wp.example/old-faq/"}""";
        assertEquals("https://wp.example/old-faq/", parser.withdrawn(trashed).orElseThrow().refs().get(0));
        assertTrue(parser.withdrawn(Fixtures.text("webhooks/wordpress-classic.json")).isEmpty(), "a published post withdraws nothing");
    }

    /** Ghost's unpublish: the draft's preview URL in current.url, its ids, nothing in previous but the old status. */
    @Test
    void a_ghost_post_unpublished_is_named_by_its_id_and_uuid_not_only_its_preview_url() {
        String unpublished = """
                {"post": {"current": {"id": "aa11bb22cc33dd44ee55ff66", "uuid": "0e7c1f3a-1111-4c2b-9d6e-5a4b3c2d1e0f",
                          "slug": "ask-the-brewer", "title": "Ask the brewer", "status": "draft", "visibility": "public",
                          "url": "https://blog.example/p/0e7c1f3a-1111-4c2b-9d6e-5a4b3c2d1e0f/", "updated_at": "2026-11-30T10:00:00.000Z"},
                          "previous": {"status": "published", "updated_at": "2026-11-30T09:00:00.000Z"}}}""";
        CmsWebhookParser.Withdrawal w = parser.withdrawn(unpublished).orElseThrow();
        assertEquals("ghost", w.cms());
        assertTrue(w.refs().containsAll(List.of("aa11bb22cc33dd44ee55ff66", "0e7c1f3a-1111-4c2b-9d6e-5a4b3c2d1e0f")), w.refs().toString());
    }

    /** Ghost's delete: current is empty; previous has id, uuid, slug and title but no url. */
    @Test
    void a_ghost_post_deleted_is_named_by_the_ids_in_previous() {
        String deleted = """
                {"post": {"current": {}, "previous": {"id": "aa11bb22cc33dd44ee55ff66", "uuid": "0e7c1f3a-1111-4c2b-9d6e-5a4b3c2d1e0f",
                          "slug": "ask-the-brewer", "title": "Ask the brewer", "status": "published"}}}""";
        assertEquals(List.of("aa11bb22cc33dd44ee55ff66", "0e7c1f3a-1111-4c2b-9d6e-5a4b3c2d1e0f"), parser.withdrawn(deleted).orElseThrow().refs());
    }

    /** A Ghost post published names itself by its ids too, so a later unpublish or delete finds it. */
    @Test
    void a_ghost_post_published_carries_its_id_and_uuid_as_aliases() {
        CmsWebhookParser.Notification n = parse("ghost-published.json");
        assertTrue(n.aliases().size() >= 1, n.aliases().toString());
        assertTrue(n.missing().isEmpty());
    }

    /** WordPress's REST JSON of a trashed post: link ?p=<id>, slug ..__trashed, the permalink only in guid. */
    @Test
    void a_wordpress_post_trashed_is_named_by_its_guid_and_its_p_link() {
        String trashed = """
                {"id": 42, "status": "trash", "slug": "hop-growing-faq__trashed", "link": "https://wp.example/?p=42",
                 "guid": {"rendered": "https://wp.example/2026/04/hop-growing-faq/"},
                 "title": {"rendered": "Hop growing FAQ"}, "content": {"rendered": "<p>x</p>", "protected": false},
                 "author": 3, "tags": [7], "categories": [2], "modified_gmt": "2026-11-30T10:00:00"}""";
        CmsWebhookParser.Withdrawal w = parser.withdrawn(trashed).orElseThrow();
        assertEquals("wordpress", w.cms());
        assertTrue(w.refs().contains("https://wp.example/2026/04/hop-growing-faq/"), w.refs().toString());
        assertTrue(w.refs().contains("https://wp.example/?p=42"), w.refs().toString());
    }

    @Test
    void a_wordpress_post_made_a_draft_private_or_pending_withdraws_it() {
        for (String status : List.of("draft", "private", "pending", "future", "trash")) {
            String json = """
                    {"id": 9, "status": "%s", "link": "https://wp.example/?p=9", "guid": {"rendered": "https://wp.example/?p=9"},
                     "title": {"rendered": "Kiln FAQ"}, "content": {"rendered": "<p>x</p>"}}""".formatted(status);
            assertTrue(parser.parse(json).isEmpty(), status + " is not public");
            assertTrue(parser.withdrawn(json).orElseThrow().refs().contains("https://wp.example/?p=9"), status);
        }
    }

    /** The REST API gives terms and the author as numbers; names only with ?_embed. */
    @Test
    void wordpress_term_ids_and_a_numeric_author_are_marked_missing_never_read_as_no_tags() {
        String rest = """
                {"id": 42, "status": "publish", "link": "https://wp.example/2026/04/hop-growing-faq/",
                 "guid": {"rendered": "https://wp.example/?p=42"}, "date_gmt": "2026-04-01T08:00:00",
                 "title": {"rendered": "Hop growing FAQ"}, "content": {"rendered": "<p>Q: When?</p><p>A: In May.</p>"},
                 "author": 3, "tags": [7, 8], "categories": [2], "featured_media": 0}""";
        CmsWebhookParser.Notification n = parser.parse(rest).orElseThrow();
        assertEquals(java.util.Set.of(CmsWebhookParser.TAGS, CmsWebhookParser.AUTHOR), n.missing());
        assertTrue(n.aliases().contains("https://wp.example/?p=42"));
        String embedded = rest.replace("\"featured_media\": 0}", "\"featured_media\": 0, \"_embedded\": {\"author\": [{\"id\": 3, "
                + "\"name\": \"Rosa Mendes\"}], \"wp:term\": [[{\"id\": 2, \"taxonomy\": \"category\", \"name\": \"Brewing\"}], "
                + "[{\"id\": 7, \"taxonomy\": \"post_tag\", \"name\": \"Hops\"}, {\"id\": 8, \"taxonomy\": \"post_tag\", \"name\": \"Garden\"}]]}}");
        CmsWebhookParser.Notification withNames = parser.parse(embedded).orElseThrow();
        assertEquals(List.of("Brewing", "Hops", "Garden"), withNames.post().tags());
        assertEquals("Rosa Mendes", withNames.post().author());
        assertTrue(withNames.missing().isEmpty());
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
