package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostStore;
import io.herald.publish.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Atom and RSS documents are assembled from a freshly rendered header and entries rendered once
 * each: byte for byte what ROME writes for the whole document, for every feed and archive page, with
 * and without a hub, an icon, summaries, images, per-question entries and awkward text.
 */
class EntryAssemblyTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    static PostStore store() {
        PostStore store = new PostStore();
        String[] awkward = {"Plain answer.", "Tags & <b>markup</b> \"quoted\" 'single' ]]> end", "数字化转型的问题？是的。", "Emoji 🙂 and\nnew lines\n\nparagraphs"};
        for (int n = 0; n < 17; n++) {
            List<EnrichedQa> qa = new ArrayList<>();
            for (int q = 0; q <= n % 3; q++) {
                qa.add(new EnrichedQa("q" + q, "Question " + q + " of post " + n + "?", awkward[(n + q) % awkward.length],
                        q == 1 ? "<p>An <a href=\"https://example.org/x?a=1&b=2\">answer</a> with a link.</p>" : null));
            }
            Instant at = T.plusSeconds(3600L * n);
            EnrichedPost.Builder b = EnrichedPost.builder().id("post-" + n).version(1 + n % 2).title("Post " + n + " — " + awkward[n % awkward.length])
                    .published(at).updated(at.plusSeconds(60)).language(n % 4 == 2 ? "zh" : "en").qa(qa).contentHash("h" + n)
                    .receivedAt(at.plusSeconds(60)).tags(n % 2 == 0 ? List.of("energy", "heat pumps") : List.of("energy"))
                    .summary(n % 3 == 0 ? null : "Summary of " + n + " & more.").author(n % 5 == 0 ? null : "Ingrid <ingrid@example.org>");
            if (n % 4 == 1) {
                b.images(List.of("https://example.org/image-" + n + ".png"));
            }
            if (n % 6 == 5) {
                b.url("https://blog.example.org/posts/" + n);
            }
            store.apply(b.build());
        }
        return store;
    }

    @Test
    void assembled_documents_are_byte_for_byte_what_rome_writes_for_the_whole_document() {
        PostStore store = store();
        for (FeedLinks links : List.of(new FeedLinks("https://h.example", Optional.empty()),
                new FeedLinks("https://h.example/news", Optional.of("https://hub.example/"),
                        new Site("Café <Herald>", "News & notes", "fr", Optional.of("https://h.example/icon.png"), "The team")))) {
            Feeds feeds = new Feeds(store, 4, links.site().title());
            AtomRenderer atom = new AtomRenderer(links);
            RssRenderer rss = new RssRenderer(links);
            int pages = 0;
            for (int round = 0; round < 2; round++) {
                // The second round assembles from entries held since the first.
                for (FeedSpec spec : feeds.specs()) {
                    List<FeedPage> all = new ArrayList<>(List.of(feeds.subscription(spec)));
                    for (int n = 1; feeds.archive(spec, n).isPresent(); n++) {
                        all.add(feeds.archive(spec, n).get());
                    }
                    for (FeedPage page : all) {
                        assertEquals(atom.renderWhole(page), atom.render(page), () -> "atom " + spec.key() + " page " + page.archivePage());
                        assertEquals(rss.renderWhole(page), rss.render(page), () -> "rss " + spec.key() + " page " + page.archivePage());
                        pages++;
                    }
                }
            }
            assertTrue(pages > 20, "pages checked: " + pages);
            assertEquals(0, atom.fallbacks + rss.fallbacks, "every document was assembled, none rendered whole");
        }
    }

    @Test
    void an_empty_feed_page_is_assembled_as_rome_writes_it() {
        PostStore store = new PostStore();
        Feeds feeds = new Feeds(store, 4, "Herald");
        FeedLinks links = new FeedLinks("https://h.example", Optional.empty());
        FeedPage empty = feeds.subscription(FeedSpec.all("Herald"));
        assertEquals(new AtomRenderer(links).renderWhole(empty), new AtomRenderer(links).render(empty));
        assertEquals(new RssRenderer(links).renderWhole(empty), new RssRenderer(links).render(empty));
    }
}
