package io.herald.publish.feeds;

import io.herald.publish.PostStore;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import io.herald.events.EnrichedPost;
import java.util.function.Function;

/**
 * {@code publish-export}: after the posts change, writes the changed feeds to {@code --out} and,
 * with a hub configured, pings it for each changed feed URL. Checking twice a second batches a burst
 * of changes into one export; and after an export that took long (many feeds changed while posts
 * pour in) the next waits twice as long as it took, so the export never takes more than a third of
 * a core from the stages (it catches up with the latest state as soon as the burst is over).
 */
public final class ExportRoute extends RouteBuilder {

    private final PostStore store;
    private final RenderedFeeds feeds;
    private final FeedLinks links;
    private final StaticExport export;
    private final Optional<WebSubPublisher> websub;
    private final Function<EnrichedPost, String> pages;
    private final java.util.function.Supplier<java.util.Map<String, String>> tagPages;
    private long exportedAt = -1;
    private long pausedUntil;

    /**
     * @param pages    a post's page, as it is served, for the export
     * @param tagPages every topic's page as it is served, by slug
     */
    public ExportRoute(PostStore store, RenderedFeeds feeds, FeedLinks links, StaticExport export,
                       Optional<WebSubPublisher> websub, Function<EnrichedPost, String> pages,
                       java.util.function.Supplier<java.util.Map<String, String>> tagPages) {
        this.pages = pages;
        this.tagPages = tagPages;
        this.store = store;
        this.feeds = feeds;
        this.links = links;
        this.export = export;
        this.websub = websub;
    }

    @Override
    public void configure() {
        from("timer:publish-export?delay=0&period=500")
                .routeId("publish-export")
                .process(e -> exportIfChanged());
    }

    synchronized void exportIfChanged() throws Exception {
        long change = store.changeCount();
        if (change == exportedAt || System.nanoTime() < pausedUntil) {
            return;
        }
        long started = System.nanoTime();
        List<String> changed = export.export(feeds, links);
        export.exportPages(store, links.site(), links.baseUrl(), pages);
        export.exportTagPages(tagPages.get());
        boolean first = exportedAt < 0;
        exportedAt = change;
        long took = System.nanoTime() - started;
        pausedUntil = System.nanoTime() + 2 * took;
        // At start-up every file is "changed"; subscribers already have those feeds, so no pings then.
        if (!first) {
            websub.ifPresent(hub -> changed.forEach(path -> hub.ping(links.baseUrl() + path)));
        }
    }
}
