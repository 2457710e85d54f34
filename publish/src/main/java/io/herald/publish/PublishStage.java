package io.herald.publish;

import io.herald.events.TopicReplay;
import io.herald.events.Topics;
import io.herald.publish.routes.ApiRoute;
import io.herald.publish.routes.FeedRoute;
import io.herald.publish.routes.StoreRoute;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish stage: keeps every post's latest version from {@code herald.posts.enriched} and
 * serves feeds and the read API from it. Call {@link #rebuild(String)} before the routes start,
 * so the first request after a restart already sees every post.
 */
public final class PublishStage {

    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    private final PostStore store = new PostStore();
    private final String baseUrl;

    public PublishStage(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public PostStore store() {
        return store;
    }

    public void rebuild(String bootstrapServers) {
        long n = TopicReplay.replay(bootstrapServers, Topics.POSTS_ENRICHED, Duration.ofMinutes(5),
                (id, value) -> StoreRoute.apply(store, id, value));
        LOG.info("Publish holds {} posts ({} records replayed)", store.size(), n);
    }

    public List<RouteBuilder> routes() {
        return List.of(new StoreRoute(store), new FeedRoute(store, new AtomRenderer(baseUrl)), new ApiRoute(store));
    }

}
