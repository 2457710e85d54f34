package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the speed-ups found with {@code bench/run} must keep true: the export renders only what
 * changed (also across a restart) and still writes every document; the render cache stays within
 * its memory budget and a document rendered again is the same document; the store's newest-first
 * order follows edits and deletions.
 */
class ExportAndCacheTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    static final FeedLinks LINKS = new FeedLinks("https://h.example", Optional.empty());

    static EnrichedPost post(int n, int version) {
        Instant at = T.plusSeconds(3600L * n);
        return EnrichedPost.builder().id("post-" + n).version(version).title("Opening hours " + n + (version > 1 ? " (v" + version + ")" : ""))
                .published(at).updated(at.plusSeconds(version)).language("en").tags(List.of("hours"))
                .qa(List.of(new EnrichedQa("when", "When?", "From nine, version " + version + ".", null))).contentHash("h" + n + "." + version)
                .receivedAt(at.plusSeconds(version)).build();
    }

    private static RenderedFeeds feeds(PostStore store) {
        return new RenderedFeeds(store, new Feeds(store, 5, "Herald"), LINKS);
    }

    @Test
    void new_posts_render_the_subscription_documents_again_but_never_the_full_archive_pages() throws Exception {
        PostStore store = new PostStore();
        RenderedFeeds feeds = feeds(store);
        for (int n = 0; n < 23; n++) {
            store.apply(post(n, 1));
        }
        StaticExport export = new StaticExport(Files.createTempDirectory("export"));
        export.export(feeds, LINKS);
        long afterFirst = feeds.renders();
        assertTrue(export.files().stream().anyMatch(f -> f.toString().endsWith("feeds/all/archive/3.atom")), export.files().toString());

        store.apply(post(23, 1));
        List<String> changed = export.export(feeds, LINKS);
        // all, qa and the tag: their subscription documents, in three formats; the 3 full archive pages of each stay.
        assertEquals(9, feeds.renders() - afterFirst, "renders for one new post: " + changed);
        assertTrue(changed.stream().noneMatch(p -> p.contains("/archive/")), changed.toString());
    }

    @Test
    void an_edit_to_an_archived_post_rewrites_the_archive_page_it_is_on(@TempDir Path out) throws Exception {
        PostStore store = new PostStore();
        RenderedFeeds feeds = feeds(store);
        for (int n = 0; n < 23; n++) {
            store.apply(post(n, 1));
        }
        StaticExport export = new StaticExport(out);
        export.export(feeds, LINKS);
        store.apply(post(1, 2));
        List<String> changed = export.export(feeds, LINKS);
        assertTrue(changed.contains("/feeds/all/archive/1.atom"), changed.toString());
        assertFalse(changed.contains("/feeds/all/archive/2.atom"), changed.toString());
        assertTrue(Files.readString(out.resolve("feeds/all/archive/1.atom")).contains("version 2"));
    }

    @Test
    void a_restart_renders_nothing_that_did_not_change_and_rewrites_a_file_removed_by_hand(@TempDir Path out) throws Exception {
        PostStore store = new PostStore();
        for (int n = 0; n < 23; n++) {
            store.apply(post(n, 1));
        }
        new StaticExport(out).export(feeds(store), LINKS);
        Files.delete(out.resolve("feeds/all/archive/2.rss"));

        RenderedFeeds restarted = feeds(store);
        List<String> changed = new StaticExport(out).export(restarted, LINKS);
        assertEquals(List.of("/feeds/all/archive/2.rss"), changed);
        assertEquals(1, restarted.renders());
        assertTrue(Files.exists(out.resolve("feeds/all/archive/2.rss")));
    }

    @Test
    void post_pages_are_written_again_only_for_posts_that_changed(@TempDir Path out) throws Exception {
        PostStore store = new PostStore();
        for (int n = 0; n < 3; n++) {
            store.apply(post(n, 1));
        }
        var site = new io.herald.publish.Site("Herald", "", "en", Optional.empty(), "Herald");
        StaticExport export = new StaticExport(out);
        export.exportPages(store, site, "https://h.example", p -> io.herald.publish.pages.PostPage.render(p, site, "https://h.example"));
        Path page0 = out.resolve("posts/post-0/index.html");
        Path page1 = out.resolve("posts/post-1/index.html");
        Files.writeString(page0, "marker");
        Files.writeString(page1, "marker");
        store.apply(post(1, 2));
        export.exportPages(store, site, "https://h.example", p -> io.herald.publish.pages.PostPage.render(p, site, "https://h.example"));
        assertEquals("marker", Files.readString(page0), "an unchanged post's page is left alone");
        assertTrue(Files.readString(page1).contains("version 2"), "the edited post's page is written again");
        store.delete("post-2");
        export.exportPages(store, site, "https://h.example", p -> io.herald.publish.pages.PostPage.render(p, site, "https://h.example"));
        assertFalse(Files.exists(out.resolve("posts/post-2/index.html")));
    }

    @Test
    void documents_beyond_the_memory_budget_are_dropped_and_come_back_as_the_same_document() {
        PostStore store = new PostStore();
        for (int n = 0; n < 60; n++) {
            store.apply(post(n, 1));
        }
        RenderedFeeds feeds = new RenderedFeeds(store, new Feeds(store, 5, "Herald"), LINKS, 20_000);
        RenderedFeeds.Document first = feeds.get("/feeds/all/archive/1.atom").orElseThrow();
        for (int n = 2; n <= 10; n++) {
            feeds.get("/feeds/all/archive/" + n + ".atom").orElseThrow();
        }
        assertTrue(feeds.heldBytes() <= 20_000 + first.weight(), "held " + feeds.heldBytes());
        long renders = feeds.renders();
        RenderedFeeds.Document again = feeds.get("/feeds/all/archive/1.atom").orElseThrow();
        assertEquals(renders + 1, feeds.renders(), "it was dropped, so it is rendered again");
        assertEquals(first.etag(), again.etag());
        assertEquals(first.lastModified(), again.lastModified());
    }

    @Test
    void newest_first_order_follows_edits_that_move_a_post_and_deletions() {
        PostStore store = new PostStore();
        for (int n = 0; n < 5; n++) {
            store.apply(post(n, 1));
        }
        // Version 2 of post-1 is published later than every other post (a rescheduled post).
        store.apply(post(1, 2).toBuilder().published(T.plusSeconds(3600L * 10)).build());
        store.delete("post-3");
        assertEquals(List.of("post-1", "post-4", "post-2", "post-0"), store.newest(0, 10).stream().map(EnrichedPost::id).toList());
        assertEquals(List.of("post-2"), store.newest(2, 1).stream().map(EnrichedPost::id).toList());
        assertEquals(4, store.size());
        assertEquals(2, store.get("post-1").orElseThrow().version());
    }
}
