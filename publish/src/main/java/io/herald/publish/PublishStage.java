package io.herald.publish;

import io.herald.events.TopicReplay;
import io.herald.events.Topics;
import io.herald.publish.routes.ApiRoute;
import io.herald.publish.routes.ExportRoute;
import io.herald.publish.routes.FeedRoute;
import io.herald.publish.routes.StoreRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish stage: keeps every post's latest version from {@code herald.posts.enriched} and
 * serves, exports and announces the feeds and the read API from it. Call {@link #rebuild(String)}
 * before the routes start, so the first request after a restart already sees every post.
 */
public final class PublishStage {

    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    private final PostStore store = new PostStore();
    private final FeedLinks links;
    private final RenderedFeeds feeds;
    private final Path out;
    private final Optional<WebSubPublisher> websub;

    public PublishStage(String baseUrl, int feedSize, Path out, Optional<String> websubHub) {
        this.links = new FeedLinks(baseUrl, websubHub);
        this.feeds = new RenderedFeeds(store, new Feeds(store, feedSize, "Herald"), links);
        this.out = out;
        this.websub = websubHub.map(h -> new WebSubPublisher(h, Duration.ofSeconds(1)));
    }

    public PostStore store() {
        return store;
    }

    public RenderedFeeds feeds() {
        return feeds;
    }

    public void rebuild(String bootstrapServers) {
        long n = TopicReplay.replay(bootstrapServers, Topics.POSTS_ENRICHED, Duration.ofMinutes(5),
                (id, value) -> StoreRoute.apply(store, id, value));
        LOG.info("Publish holds {} posts ({} records replayed)", store.size(), n);
    }

    public List<RouteBuilder> routes() {
        return List.of(new StoreRoute(store), new FeedRoute(feeds, links), new ApiRoute(store),
                new ExportRoute(store, feeds, links, new StaticExport(out), websub));
    }
}
