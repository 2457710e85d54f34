package io.herald.ingest;

import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.ingest.routes.DeleteRoute;
import io.herald.ingest.routes.FeedPollRoute;
import io.herald.ingest.routes.HttpIngestRoute;
import io.herald.ingest.routes.InboxRoute;
import io.herald.ingest.routes.IngestErrorPolicy;
import io.herald.support.Problems;
import io.herald.support.Settings;
import io.herald.support.TopicReplay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.herald.events.RawPost;
import io.herald.support.HttpGate;
import io.herald.support.HttpRouter;
import io.herald.support.KafkaEndpoints;
import io.herald.support.OutboundPolicy;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import org.apache.camel.Exchange;

/**
 * The ingest stage: every source's route, writing accepted posts to {@code herald.posts.raw} and
 * rejects to {@code herald.dlq}. Call {@link #rebuild(String)} before the routes start.
 */
public final class IngestStage {

    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private final PostLedger ledger = new PostLedger();
    private final Intake intake;
    private final Optional<String> apiToken;
    private final Path inbox;
    private final FeedHealth feedHealth;

    private final Optional<String> ghostSecret;
    private final List<String> feeds;
    private final Duration feedPoll;
    private final OutboundPolicy outbound;

    private final Map<String, String> clientProperties;

    public IngestStage(Settings settings) {
        this.clientProperties = settings.kafkaProperties();
        this.intake = new Intake(Clock.systemUTC(), settings.maxPostBytes(), ledger)
                .approvalRequired(settings.approval() == io.herald.support.Settings.Approval.REQUIRED);
        this.apiToken = settings.apiToken();
        this.ghostSecret = settings.ghostWebhookSecret();
        this.inbox = settings.inbox();
        this.feeds = settings.feeds();
        this.feedPoll = settings.feedPoll();
        this.feedHealth = new FeedHealth(settings.feedPoll());
        this.outbound = settings.outboundAllow();
    }

    /** Learns what was already accepted, so repeats answer {@code unchanged} across restarts. */
    public void rebuild(String bootstrapServers) {
        long n = TopicReplay.replayRecords(bootstrapServers, clientProperties, Topics.POSTS_RAW, Duration.ofMinutes(5), r -> {
            String id = r.key();
            if (id == null) {
                return;
            }
            if (r.value() != null) {
                TopicReplay.readable(Topics.POSTS_RAW, id, r.value()).ifPresent(ledger::record);
                return;
            }
            ledger.forget(id);
            var by = r.headers().lastHeader(PostLedger.WITHDRAWN_BY_HEADER);
            if (by != null && by.value() != null) {
                ledger.withdrawnBy(id, new String(by.value(), StandardCharsets.UTF_8));
            }
        });
        LOG.info("Ingest knows {} posts ({} records replayed)", ledger.size(), n);
    }

    /**
     * Answers what the HTTP server refuses before a route sees it with the same problem+json as every
     * other refusal, and records it in the DLQ: a body over the limit (refused by its Content-Length,
     * or as soon as a chunked body passes the limit, so it never sits in memory), and a form or
     * multipart body (what {@code curl --data-binary} sends without a Content-Type), which the server
     * cannot even decode when it is long. Call once HTTP is up.
     */
    public void installHttpAnswers(CamelContext camel) {
        ProducerTemplate dlq = camel.createProducerTemplate();
        VertxPlatformHttpRouter router = HttpRouter.of(camel);
        router.errorHandler(413, ctx -> {
            if (ctx.request().path().equals(HttpGate.SIGNED_INBOX)) {
                // Anyone may send to the fediverse inbox unsigned: what it refuses unread is not kept in the DLQ.
                HttpGate.endUnread(ctx.request(), ctx.response().setStatusCode(413).putHeader("Content-Type", Problems.CONTENT_TYPE),
                        Problems.json(413, "Too large", "The inbox takes activities of up to 1 MiB."));
                return;
            }
            String declared = ctx.request().getHeader("Content-Length");
            answer(ctx, dlq, declared != null && declared.matches("\\d{1,18}")
                    ? intake.tooLarge(Long.parseLong(declared))
                    : new RejectedPost(413, "Post too large", "The post is larger than the limit of " + intake.maxBytes() + " bytes."));
        });
        router.errorHandler(400, ctx -> {
            String type = Intake.mediaType(ctx.request().getHeader("Content-Type"));
            answer(ctx, dlq, type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/")
                    ? Intake.unsupportedType(type)
                    : RejectedPost.badRequest("The request could not be read" + (ctx.failure() == null ? "." : ": "
                            + ctx.failure().getClass().getSimpleName() + ".")));
        });
    }

    private static void answer(RoutingContext ctx, ProducerTemplate dlq, RejectedPost rejected) {
        // A body refused unread is not waited for (HttpGate.endUnread).
        HttpGate.endUnread(ctx.request(),
                ctx.response().setStatusCode(rejected.status()).putHeader("Content-Type", Problems.CONTENT_TYPE),
                Problems.json(rejected.status(), rejected.title(), rejected.detail()));
        Rejection r = Rejection.of("ingest", rejected.detail(), "http " + ctx.request().path(),
                ctx.request().getHeader("Content-Type"), null, null, null, null);
        dlq.asyncRequestBodyAndHeader(KafkaEndpoints.to(Topics.DLQ), Topics.DLQ.write(r), KafkaConstants.KEY, "ingest");
    }

    /**
     * What a document would become, without accepting it: the post Herald reads from it (id, title,
     * pairs), or the {@link RejectedPost} that says why it would be refused. For the dashboard's
     * "check before you publish".
     */
    /**
     * Sends refused bytes in again, in this process, through the door they came by ({@code source}
     * {@code webhook...}: the CMS webhook; else the posts API), past the sender's check (the caller
     * has made its own). The exchange that comes back is ingest's own answer: status, type, body.
     */
    public Exchange resend(ProducerTemplate template, String source, String contentType, byte[] body) {
        String door = source != null && source.startsWith("webhook") ? HttpIngestRoute.NOTIFICATION_IN : HttpIngestRoute.POST_IN;
        return template.request(door, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType == null ? "text/plain" : contentType);
            e.getMessage().setHeader(Exchange.CONTENT_LENGTH, (long) body.length);
        });
    }

    public RawPost preview(byte[] body, String contentType) {
        return intake.accept(body, contentType, "preview").post();
    }

    /** Each upstream feed's state, for /health: {@code UP}, or {@code DOWN} with the reason and the next try. */
    public Map<String, String> feedStates() {
        return feedHealth.states();
    }

    public List<RouteConfigurationBuilder> routeConfigurations() {
        return List.of(new IngestErrorPolicy());
    }

    public List<RouteBuilder> routes() {
        List<RouteBuilder> routes = new ArrayList<>(List.of(
                new HttpIngestRoute(intake, ledger, apiToken, ghostSecret), new DeleteRoute(ledger, apiToken), new InboxRoute(intake, ledger, inbox)));
        if (!feeds.isEmpty()) {
            routes.add(new FeedPollRoute(feeds, feedPoll, intake, ledger, new FeedFetcher(outbound), feedHealth));
        }
        return routes;
    }
}
