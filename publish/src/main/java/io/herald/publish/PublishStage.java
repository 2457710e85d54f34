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
    private final PublishSettings settings;
    private final Outbox outbox = new Outbox();

    public PublishStage(PublishSettings settings) {
        this.settings = settings;
        this.links = new FeedLinks(settings.baseUrl(), settings.websubHub());
        this.feeds = new RenderedFeeds(store, new Feeds(store, settings.feedSize(), "Herald"), links);
        this.out = settings.out();
        this.websub = settings.websubHub().map(h -> new WebSubPublisher(h, Duration.ofSeconds(1)));
        // Fail at start-up, not at the first digest, when the schedule is mistyped.
        io.herald.publish.newsletter.DigestSchedule.parse(settings.digest());
    }

    public Outbox outbox() {
        return outbox;
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
        long sent = TopicReplay.replay(bootstrapServers, Topics.NEWSLETTER, Duration.ofMinutes(5), (id, value) -> {
            if (value != null) {
                try {
                    outbox.record(io.herald.events.Json.read(value, io.herald.events.NewsletterPayload.class));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping an unreadable newsletter record: {}", e.getMessage());
                }
            }
        });
        sent += TopicReplay.replay(bootstrapServers, Topics.SOCIAL, Duration.ofMinutes(5), (id, value) -> {
            if (value != null) {
                try {
                    outbox.record(io.herald.events.Json.read(value, io.herald.events.SocialSnippet.class));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping an unreadable social record: {}", e.getMessage());
                }
            }
        });
        LOG.info("Publish has sent {} newsletter and social payloads so far", sent);
    }

    public List<RouteBuilder> routes() {
        return List.of(new StoreRoute(store), new FeedRoute(feeds, links), new ApiRoute(store, outbox, settings),
                new ExportRoute(store, feeds, links, new StaticExport(out), websub),
                new io.herald.publish.routes.OutboundRoutes(store, outbox, settings));
    }
}
