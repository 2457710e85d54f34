package io.herald.publish.routes;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.Rejection;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.publish.FeedIds;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.PublishSettings;
import io.herald.publish.newsletter.DigestPlanner;
import io.herald.publish.newsletter.DigestSchedule;
import io.herald.publish.newsletter.NewsletterRenderer;
import io.herald.publish.newsletter.Utm;
import io.herald.publish.social.Platform;
import io.herald.publish.social.SnippetComposer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The publish stage's outgoing payloads:
 * <ul>
 *   <li>{@code publish-newsletter}: an announcement on a post's first publication; nothing for a
 *       typo fix; for a significant edit, nothing or a correction ({@code newsletter-on-edit});</li>
 *   <li>{@code publish-social}: on first publication, a snippet per platform (and a thread per
 *       platform when enabled);</li>
 *   <li>{@code publish-digest}: a digest per schedule window that has posts;</li>
 *   <li>{@code publish-newsletter-delivery}: with {@code newsletter-webhook} set, every payload
 *       POSTed there, retried with backoff; one that still fails goes to the DLQ.</li>
 * </ul>
 * Every payload has a deterministic idempotency key and none is sent twice (the {@link Outbox}
 * knows every key sent, from the topics). With a hold window, payloads wait before going out and a
 * deletion within the window cancels them.
 */
public final class OutboundRoutes extends RouteBuilder {

    private final PostStore store;
    private final Outbox outbox;
    private final PublishSettings settings;
    private final NewsletterRenderer newsletter;
    private final SnippetComposer composer = new SnippetComposer();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OutboundRoutes(PostStore store, Outbox outbox, PublishSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.newsletter = new NewsletterRenderer(settings.baseUrl());
    }

    @Override
    public void configure() {
        // A record that cannot be turned into payloads goes to the DLQ and the routes move on. A failure
        // to write a payload (the topic refuses it, the broker is away) or the DLQ record is not the
        // record's fault: it is retried with backoff, then the consumer seeks back to the record
        // (breakOnFirstError) and tries again, never skipping it.
        errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(500).backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN).allowRedeliveryWhileStopping(false));
        onException(UnusableRecord.class).handled(true).maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "Rejected a record in ${routeId}: ${exception.message}")
                .process(e -> toRejection(e, "publish could not use a record of " + Topics.POSTS_ENRICHED.name() + ": "
                        + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                .to("kafka:" + Topics.DLQ.name());

        String enriched = "kafka:" + Topics.POSTS_ENRICHED.name()
                + "?valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer&groupId=";

        ProcessorDefinition<?> news = from(enriched + "herald-newsletter").routeId("publish-newsletter")
                .process(e -> e.setProperty("heraldOriginal", e.getMessage().getBody(String.class)))
                .process(e -> UnusableRecord.whileProcessing(() -> decideNewsletter(e)))
                .filter(body().isNotNull());
        hold(news)
                .process(e -> send(e, e.getMessage().getBody(NewsletterPayload.class).postId()))
                .to("kafka:" + Topics.NEWSLETTER.name())
                .process(e -> outbox.record(e.getProperty("heraldPayload", NewsletterPayload.class)));

        ProcessorDefinition<?> social = from(enriched + "herald-social").routeId("publish-social")
                .process(e -> UnusableRecord.whileProcessing(() -> decideSocial(e)))
                .filter(body().isNotNull());
        hold(social)
                .split(body())
                    .process(e -> send(e, e.getMessage().getBody(SocialSnippet.class).postId()))
                    .to("kafka:" + Topics.SOCIAL.name())
                    .process(e -> outbox.record(e.getProperty("heraldPayload", SocialSnippet.class)))
                .end();

        DigestSchedule.parse(settings.digest()).ifPresent(schedule -> from("timer:publish-digest?delay=1000&period=15000")
                .routeId("publish-digest")
                .process(e -> digest(e, new DigestPlanner(schedule)))
                .filter(body().isNotNull())
                    .process(e -> send(e, "digest"))
                    .to("kafka:" + Topics.NEWSLETTER.name())
                    .process(e -> outbox.record(e.getProperty("heraldPayload", NewsletterPayload.class))));

        settings.newsletterWebhook().ifPresent(url -> from("kafka:" + Topics.NEWSLETTER.name()
                        + "?groupId=herald-newsletter-delivery")
                .routeId("publish-newsletter-delivery")
                .onException(Exception.class).handled(true)
                    .maximumRedeliveries(4).redeliveryDelay(500).backOffMultiplier(2).retryAttemptedLogLevel(LoggingLevel.WARN)
                    .log(LoggingLevel.ERROR, "Newsletter delivery to the webhook failed for good: ${exception.message}")
                    .process(e -> toRejection(e, "newsletter delivery to " + url + " failed: "
                            + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                    .to("kafka:" + Topics.DLQ.name())
                .end()
                .setProperty("heraldOriginal", body())
                .process(e -> deliver(url, e.getMessage().getBody(String.class))));
    }

    private ProcessorDefinition<?> hold(ProcessorDefinition<?> route) {
        if (settings.hold().isZero()) {
            return route;
        }
        // The store is fed by its own consumer (publish-store), so it sees a deletion that arrives
        // while this route's consumer is still waiting out the hold.
        return route.delay(settings.hold().toMillis()).end()
                .filter(e -> {
                    String id = postIdOf(e.getMessage().getBody());
                    return !deleted.contains(id) && !store.isDeleted(id);
                });
    }

    private static String postIdOf(Object body) {
        if (body instanceof NewsletterPayload n) {
            return n.postId();
        }
        if (body instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof SocialSnippet s) {
            return s.postId();
        }
        return null;
    }

    /**
     * The post on this record, or null for a tombstone (which cancels anything held for it). An
     * unreadable record is refused by the newsletter route (so it lands in the DLQ once, with its
     * origin) and skipped by the others, which read the same records.
     */
    private EnrichedPost read(Exchange exchange) {
        String id = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
        byte[] value = exchange.getMessage().getBody(byte[].class);
        if (value == null) {
            if (id != null) {
                deleted.add(id);
            }
            return null;
        }
        try {
            EnrichedPost post = io.herald.publish.SafeContent.of(Json.read(value, EnrichedPost.class));
            deleted.remove(post.id());
            return post;
        } catch (IllegalArgumentException e) {
            if ("publish-newsletter".equals(exchange.getFromRouteId())) {
                throw e;
            }
            log.warn("Skipping an unreadable record for post {}: {}", id, e.getMessage());
            return null;
        }
    }

    private void decideNewsletter(Exchange exchange) {
        EnrichedPost post = read(exchange);
        NewsletterPayload payload = null;
        if (post != null) {
            if (!outbox.announced(post.id())) {
                payload = newsletter.announce(post, "announcement");
            } else if (!post.minorEdit() && settings.newsletterOnEdit().equals("correction")) {
                payload = newsletter.announce(post, "correction");
            }
        }
        if (payload != null && outbox.sent(payload.idempotencyKey())) {
            payload = null;
        }
        exchange.getMessage().setBody(payload);
    }

    private void decideSocial(Exchange exchange) {
        EnrichedPost post = read(exchange);
        List<SocialSnippet> snippets = null;
        if (post != null && !outbox.socialSent(post.id())) {
            snippets = new ArrayList<>();
            String link = FeedIds.link(settings.baseUrl(), post.id(), post.url());
            for (Platform p : settings.platforms()) {
                String tagged = Utm.tag(link, "social-" + p.id(), "post");
                snippets.add(composer.compose(post, p, tagged));
                if (settings.threads()) {
                    snippets.addAll(composer.thread(post, p, tagged));
                }
            }
            snippets.removeIf(s -> outbox.sent(s.idempotencyKey()));
            if (snippets.isEmpty()) {
                snippets = null;
            }
        }
        exchange.getMessage().setBody(snippets);
    }

    private void digest(Exchange exchange, DigestPlanner planner) {
        var due = planner.due(Instant.now(), outbox.digestWatermark(), store.newest(0, Integer.MAX_VALUE));
        NewsletterPayload payload = due.map(d -> newsletter.digest(d.posts(), d.windowEnd().toString(),
                "What's new: " + d.posts().size() + (d.posts().size() == 1 ? " post" : " posts"))).orElse(null);
        exchange.getMessage().setBody(payload != null && !outbox.sent(payload.idempotencyKey()) ? payload : null);
    }

    private static void send(Exchange exchange, String key) {
        Object payload = exchange.getMessage().getBody();
        exchange.setProperty("heraldPayload", payload);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, key);
        exchange.getMessage().setBody(Json.write(payload));
    }

    private void deliver(String url, String json) throws IOException, InterruptedException {
        NewsletterPayload p = Json.read(json, NewsletterPayload.class);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", p.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + r.statusCode());
        }
    }

    private static void toRejection(Exchange e, String reason) {
        String original = e.getProperty("heraldOriginal", String.class);
        Rejection r = Rejection.of("publish", reason, "kafka", "application/json",
                e.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                e.getMessage().getHeader(KafkaConstants.OFFSET, Long.class),
                original == null ? null : original.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader(KafkaConstants.KEY, "publish");
        e.getMessage().setBody(Json.write(r));
    }
}
