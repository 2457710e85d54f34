package io.herald.publish;

import io.herald.events.Topics;
import io.herald.publish.activitypub.ActivityPub;
import io.herald.publish.activitypub.ActivityPubRoute;
import io.herald.publish.bluesky.BlueskyPosts;
import io.herald.publish.bluesky.BlueskyRoute;
import io.herald.publish.api.NewsletterPreviewRoute;
import io.herald.publish.api.PostListRoute;
import io.herald.publish.api.PostRoute;
import io.herald.publish.api.SocialPreviewRoute;
import io.herald.publish.api.SocialState;
import io.herald.publish.api.TagsRoute;
import io.herald.publish.api.ScheduleRoute;
import io.herald.publish.api.SnippetsRoute;
import io.herald.publish.feeds.ExportRoute;
import io.herald.publish.feeds.FeedLinks;
import io.herald.publish.feeds.FeedServer;
import io.herald.publish.feeds.Feeds;
import io.herald.publish.feeds.RenderedFeeds;
import io.herald.publish.feeds.StaticExport;
import io.herald.publish.feeds.WebSubPublisher;
import io.herald.publish.api.ResendRoute;
import io.herald.publish.delivery.Deliveries;
import io.herald.publish.delivery.DeliveryRoute;
import io.herald.publish.delivery.WebhookChannel;
import io.herald.publish.newsletter.DigestRoute;
import io.herald.publish.newsletter.NewsletterDecision;
import io.herald.publish.newsletter.NewsletterRenderer;
import io.herald.publish.newsletter.NewsletterRoute;
import io.herald.publish.delivery.WebhookClient;
import io.herald.publish.social.Platform;
import io.herald.publish.social.SocialPlan;
import io.herald.support.Settings;
import io.herald.support.Tuning;
import io.herald.publish.social.SocialRoute;
import io.herald.support.TopicReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.herald.publish.api.ContractsRoute;
import io.herald.publish.pages.PostPage;
import io.herald.publish.pages.TagPage;
import io.herald.publish.pages.PostPageRoute;
import io.herald.support.HttpRouter;
import io.herald.support.GroupOwnership;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * The publish stage: keeps every post's latest version from {@code herald.posts.enriched} and
 * serves, exports and announces the feeds and the read API from it. Call {@link #rebuild(String)}
 * before the routes start, so the first request after a restart already sees every post.
 */
public final class PublishStage {

    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    /** Bodies and checkpoint in the data folder; empty when that cannot be had (then the bodies are on the heap). */
    private final Optional<LocalStore> local;
    private final PostStore store;
    private final StoreStart start;
    private final FeedLinks links;
    private final Site site;
    private final RenderedFeeds feeds;
    private final FeedServer feedServer;
    private final Path out;
    private final Optional<WebSubPublisher> websub;
    private final Settings settings;
    private final List<Platform> platforms;
    private final Outbox outbox = new Outbox();
    private final TagControls tagControls;
    private final EnrichedRecords records;
    private final Release release;
    private final Deliveries deliveries = new Deliveries();
    private final Ledger ledger = new Ledger();
    private final ActivityPub activityPub;
    private BlueskyPosts bluesky;
    private GroupOwnership ownership = GroupOwnership.alone();

    private final Map<String, String> clientProperties;

    public PublishStage(Settings settings) {
        this.clientProperties = settings.kafkaProperties();
        this.settings = settings;
        this.tagControls = new TagControls(settings.autoTags());
        this.records = new EnrichedRecords(tagControls);
        this.local = LocalStore.open(settings.dataDir().resolve("publish-store"), Tuning.DECODED_POSTS_BYTES);
        this.store = new PostStore(local.<PostBodies>map(l -> l).orElseGet(PostBodies::onHeap));
        this.start = new StoreStart(local, "auto-tags " + settings.autoTags());
        this.release = new Release(tagControls, store, local.<Release.Kept>map(l -> l).orElse(Release.Kept.NOWHERE));
        this.platforms = platforms(settings);
        this.site = Site.of(settings);
        this.links = new FeedLinks(settings.baseUrl(), settings.websubHub(), site);
        this.feeds = new RenderedFeeds(store, new Feeds(store, settings.feedSize(), site.title()), links);
        this.feedServer = new FeedServer(feeds, links);
        this.out = settings.out();
        this.activityPub = new ActivityPub(settings, site, store, ledger);
        this.websub = settings.websubHub().map(h -> new WebSubPublisher(h, Duration.ofSeconds(1), settings.outboundAllow()));
    }

    /** The networks to write snippets for. */
    static List<Platform> platforms(Settings settings) {
        return settings.socialPlatforms().stream().map(Platform::of).toList();
    }

    /** The networks snippets are written for. */
    public List<Platform> platforms() {
        return platforms;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Who holds which partition of the shared groups: set before {@link #routes()} when other instances may run. */
    public void ownership(GroupOwnership ownership) {
        this.ownership = ownership;
        activityPub.ownership(ownership);
    }

    public PostStore store() {
        return store;
    }

    /** The feed server: its requests by status go to {@code /metrics}. */
    public FeedServer feedServer() {
        return feedServer;
    }

    /**
     * Serves the feeds from the HTTP server's router (once Camel, and with it the server, has started):
     * see {@link FeedServer} for why not through a route.
     */
    public void installFeedServer(CamelContext camel) {
        feedServer.install(HttpRouter.of(camel));
    }

    /** Lets go of the local store (after the routes stopped). */
    public void close() {
        local.ifPresent(LocalStore::close);
    }

    /** The enriched records this process has read, each parsed once. */
    public EnrichedRecords records() {
        return records;
    }

    public RenderedFeeds feeds() {
        return feeds;
    }

    /** Which posts wait for their time or approval. */
    public Release release() {
        return release;
    }

    /** What marketers decided about each post's tags. */
    public TagControls tagControls() {
        return tagControls;
    }

    public void rebuild(String bootstrapServers) {
        // Decisions first, so every post is held as decided from the start.
        long decisions = TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.POSTS_CONTROLS, Duration.ofMinutes(5),
                tagControls::record);
        StoreStart.Started started = start.start(bootstrapServers, clientProperties, store, release, (id, value) -> {
            if (value == null) {
                release.apply(id, null, Instant.now());
            } else {
                TopicReplay.readable(Topics.POSTS_ENRICHED, id, value)
                        .ifPresent(post -> release.apply(id, tagControls.served(SafeContent.of(post)), Instant.now()));
            }
        });
        if (started.fromCheckpoint()) {
            // Decisions made while this process was away: its posts as decided now (the controls' consumer does it again, to no effect).
            store.heads().forEach(h -> {
                if (tagControls.of(h.id()).isPresent()) {
                    store.replace(h.id(), tagControls::served);
                }
            });
            release.pending().stream().map(io.herald.events.EnrichedPost::id).toList().forEach(id -> release.decided(id, Instant.now()));
        }
        long n = started.records();
        if (decisions > 0) {
            LOG.info("Publish applies {} decisions about posts' tags", decisions);
        }
        LOG.info("Publish holds {} posts ({}{} records replayed){}", store.size(),
                started.fromCheckpoint() ? started.restored() + " from its checkpoint, " : "", n,
                release.pending().isEmpty() ? "" : "; " + release.pending().size() + " wait for their time or approval");
        long sent = TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.NEWSLETTER, Duration.ofMinutes(5), (id, payload) -> {
            if (payload != null) {
                outbox.record(payload);
            }
        });
        sent += TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.SOCIAL, Duration.ofMinutes(5), (id, snippet) -> {
            if (snippet != null) {
                outbox.record(snippet);
            }
        });
        LOG.info("Publish has sent {} newsletter and social payloads so far", sent);
        TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.DELIVERIES, Duration.ofMinutes(5), (key, d) -> {
            if (d != null) {
                deliveries.record(d);
            }
        });
        TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.LEDGER, Duration.ofMinutes(5), ledger::record);
        LOG.info("The ledger holds {} lines of what went out on each channel", ledger.size());
        if (activityPub.enabled()) {
            TopicReplay.replayEvents(bootstrapServers, clientProperties, Topics.FOLLOWERS, Duration.ofMinutes(5), activityPub.followers()::record);
            LOG.info("The site ({}) has {} followers on the fediverse", activityPub.docs().handle(), activityPub.followers().size());
        }
        if (deliveries.size() > 0) {
            LOG.info("Publish knows the webhook delivery state of {} payloads ({} waiting to be retried)", deliveries.size(),
                    deliveries.due(Instant.MAX).size());
        }
    }

    /** The site on the fediverse. */
    public ActivityPub activityPub() {
        return activityPub;
    }

    /** What went out on each channel that keeps a ledger. */
    public Ledger ledger() {
        return ledger;
    }

    /** The Bluesky poster, once {@link #routes()} made it (with {@code bluesky-handle} set). */
    public Optional<BlueskyPosts> bluesky() {
        return Optional.ofNullable(bluesky);
    }

    public List<RouteConfigurationBuilder> routeConfigurations() {
        return List.of(new OutboundErrorPolicy());
    }

    /** One route class per route id: the store, the feeds and their export, the read API and previews, the outbound channels. */
    public List<RouteBuilder> routes() {
        NewsletterRenderer renderer = new NewsletterRenderer(settings.baseUrl(), site);
        NewsletterDecision newsletter = new NewsletterDecision(renderer, settings.newsletterOnEdit(), settings.feedBacklog());
        SocialPlan social = new SocialPlan(settings.baseUrl(), platforms, settings.socialThreads(), settings.feedBacklog())
                .edits(id -> tagControls.of(id).map(io.herald.events.PostControls::snippetTexts).orElse(Map.of()));
        HoldWindow window = new HoldWindow(settings.hold(), store);
        SocialState socialStates = new SocialState(deliveries, settings.socialWebhook());
        LedgerRoute ledgerRoute = new LedgerRoute(ledger, store, ownership, activityPub.enabled(), settings.blueskyHandle().isPresent());
        List<RouteBuilder> routes = new ArrayList<>(List.of(
                new StoreRoute(release, records, start),
                new ReleaseRoute(release, store, outbox, newsletter, social, ownership, Duration.ofSeconds(1)),
                new SentRoute(outbox, deliveries),
                new ExportRoute(store, feeds, links, new StaticExport(out), websub,
                        post -> PostPage.render(post, site, settings.baseUrl()), () -> TagPage.renderAll(store, site, settings.baseUrl())),
                new PostRoute(store),
                new ControlsRoute(tagControls, release, store),
                new TagsRoute(store, release, settings.apiToken()),
                new ScheduleRoute(store, release, settings.apiToken()),
                new SnippetsRoute(store, release, outbox, social, socialStates, settings.apiToken()),
                new ContractsRoute(settings.baseUrl(), settings.topicPartitions()),
                new PostPageRoute(store, site, settings.baseUrl(),
                        activityPub.enabled() ? Optional.of(activityPub.docs()) : Optional.empty()),
                new PostListRoute(store),
                new NewsletterPreviewRoute(store, outbox, newsletter, deliveries, settings.newsletterWebhook().isPresent()),
                ResendRoute.newsletter(store, outbox, deliveries, settings.newsletterWebhook(), settings.apiToken()),
                ResendRoute.social(store, outbox, deliveries, settings.socialWebhook(), settings.apiToken()),
                new SocialPreviewRoute(store, outbox, social, socialStates),
                new NewsletterRoute(newsletter, outbox, window, records),
                new SocialRoute(social, outbox, window, records),
                ledgerRoute,
                new ActivityPubRoute(activityPub, store, ledgerRoute)));
        if (settings.blueskyHandle().isPresent()) {
            if (!platforms.contains(Platform.BLUESKY)) {
                LOG.warn("bluesky-handle is set but social-platforms has no bluesky: no snippets are written for Bluesky, so nothing is posted");
            }
            bluesky = BlueskyRoute.posts(settings, store, outbox, ledger, ownership, ledgerRoute);
            routes.add(new BlueskyRoute(bluesky));
        }
        settings.newsletterDigest()
                .ifPresent(schedule -> routes.add(new DigestRoute(schedule, renderer, store, outbox, Tuning.DIGEST_CHECK, newsletter::skips, ownership)));
        settings.newsletterWebhook().ifPresent(url -> routes.add(DeliveryRoute.of(WebhookChannel.newsletter(outbox),
                new WebhookClient(url, settings.newsletterWebhookSecret(), settings.outboundAllow()),
                settings.newsletterWebhookRetries(), settings.newsletterWebhookBackoff(), deliveries, ownership)));
        settings.socialWebhook().ifPresent(url -> routes.add(DeliveryRoute.of(WebhookChannel.social(outbox),
                new WebhookClient(url, settings.socialWebhookSecret(), settings.outboundAllow()),
                settings.socialWebhookRetries(), settings.socialWebhookBackoff(), deliveries, ownership)));
        return routes;
    }
}
