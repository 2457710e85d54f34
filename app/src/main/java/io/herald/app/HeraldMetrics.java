package io.herald.app;

import io.herald.support.KafkaEndpoints;
import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.ingest.RejectedPost;
import io.herald.support.GroupOwnership;
import io.herald.events.Delivery;
import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbound;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import io.herald.publish.PublishStage;
import java.util.Set;
import io.herald.support.Props;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.micrometer.core.instrument.FunctionCounter;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: posts accepted and refused by source
 * (and reason), records handled per stage and route, DLQ records by stage, the delay from a post's
 * acceptance to its new version being served, feed requests by status (304s among them), newsletters,
 * webhook tries and delivery states and social snippets written, consumer lag per group and partition
 * (by the instance holding the partition), and the JVM. Every series a process can have is there at 0
 * from its start ({@link MetricNames}). Camel's routes are measured through its event notifier,
 * so no route carries metrics code of its own.
 */
final class HeraldMetrics extends EventNotifierSupport implements AutoCloseable {


    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Admin admin;
    private final MultiGauge lag;
    private final Timer endToEnd;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private final GroupOwnership ownership;
    private final Set<Stage> stages;

    /**
     * @param ownership who holds which partition: lag is reported by the instance holding the partition, so once
     * @param publish   the publish stage when this process runs it (its delivery states), else null
     */
    HeraldMetrics(String bootstrap, Map<String, String> clientProperties, GroupOwnership ownership, Set<Stage> stages,
                  PublishStage publish) {
        this.ownership = ownership;
        this.stages = Set.copyOf(stages);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        endToEnd = Timer.builder("herald.end.to.end")
                .description("From a post's acceptance by ingest to its new version being served by publish")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1))
                .register(registry);
        lag = MultiGauge.builder("herald.consumer.lag").description("Records not yet consumed, per consumer group and partition, "
                        + "reported by the instance holding the partition").baseUnit("records").register(registry);
        admin = KafkaAdmin.create(bootstrap, clientProperties, Duration.ofSeconds(2));
        MetricNames.startAtZero(registry, stages, publish);
    }

    /** The text a Prometheus server scrapes, with the consumer lag read from the cluster now. */
    String scrape() {
        refreshLag();
        return registry.scrape();
    }

    /**
     * The lag of each partition of the groups this process's stages share work through, as long as this
     * instance holds the partition: every partition is reported by one instance, so summing the series
     * of all instances counts each record once. A partition no instance holds has no consumer to lag.
     */
    private void refreshLag() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        ownership.refresh();
        try {
            for (String group : MetricNames.groupsOf(stages)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
                List<TopicPartition> held = ownership.snapshot().owners().getOrDefault(group, Map.of()).keySet().stream()
                        .filter(tp -> ownership.owns(group, tp)).toList();
                if (held.isEmpty()) {
                    continue;
                }
                var ranges = KafkaAdmin.ranges(admin, held, Duration.ofSeconds(2));
                for (TopicPartition tp : held) {
                    // Nothing committed yet: the consumer starts at the earliest record.
                    OffsetAndMetadata at = committed.get(tp);
                    long from = at != null ? at.offset() : ranges.get(tp).start();
                    long behind = Math.max(0, ranges.get(tp).end() - from);
                    rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", tp.topic(), "partition", String.valueOf(tp.partition())),
                            behind));
                }
            }
            lag.register(rows, true);
        } catch (Exception e) {
            // The broker is away: keep the last figures; /health says why.
        }
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            sent(sent.getExchange(), sent.getEndpoint().getEndpointUri());
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent done) {
            completed(done.getExchange(), "completed");
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            completed(failed.getExchange(), "failed");
        }
    }

    private void sent(Exchange exchange, String uri) {
        String stage = stage(exchange.getFromRouteId());
        if (uri.contains(Topics.POSTS_RAW.name())) {
            if (Props.DELETED.get(exchange) != null) {
                MetricNames.deleted(registry).increment();
            } else if (!Boolean.TRUE.equals(Props.UNCHANGED.get(exchange))) {
                MetricNames.accepted(registry, sourceKind(exchange)).increment();
            }
        } else if (uri.contains(Topics.DLQ.name())) {
            MetricNames.dlq(registry, stage).increment();
            if (stage.equals("ingest")) {
                Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                String reason = cause instanceof RejectedPost r ? r.status() + " " + r.title() : "unreadable";
                MetricNames.refused(registry, sourceKind(exchange), reason).increment();
            }
        } else if (uri.contains(Topics.NEWSLETTER.name()) && Outbound.PAYLOAD.get(exchange) instanceof NewsletterPayload n) {
            MetricNames.newsletters(registry, n.kind()).increment();
        } else if (uri.contains(Topics.SOCIAL.name()) && Outbound.PAYLOAD.get(exchange) instanceof SocialSnippet snippet) {
            MetricNames.snippets(registry, snippet.platform()).increment();
        } else if (uri.contains(Topics.DELIVERIES.name())) {
            countDelivery(exchange.getMessage().getBody(String.class));
        } else if (uri.contains(Topics.LEDGER.name()) && exchange.getMessage().getBody() instanceof String json) {
            try {
                var entry = Topics.LEDGER.read(json.getBytes(StandardCharsets.UTF_8));
                if (io.herald.events.LedgerEntry.BLUESKY.equals(entry.channel())) {
                    if (entry.attempts() > 0) { // not the entry that names a record before its first try
                        MetricNames.blueskyPosts(registry, entry.activity(), entry.state()).increment();
                    }
                } else if (io.herald.events.LedgerEntry.ACTIVITYPUB.equals(entry.channel())) {
                    MetricNames.activityPubDeliveries(registry, entry.activity(), entry.state()).increment();
                }
            } catch (RuntimeException e) {
                // not an entry this version writes: not counted
            }
        }
    }

    /** A delivery state written: the try it records (a re-send is none), and the state. */
    private void countDelivery(String json) {
        if (json == null) {
            return;
        }
        try {
            Delivery d = Topics.DELIVERIES.read(json.getBytes(StandardCharsets.UTF_8));
            boolean social = Delivery.SOCIAL.equals(d.channel());
            if (d.attempts() == 0) {
                (social ? MetricNames.socialDeliveryStates(registry, "resent") : MetricNames.deliveryStates(registry, "resent")).increment();
                return;
            }
            String outcome = Delivery.DELIVERED.equals(d.state()) ? "delivered" : "failed";
            (social ? MetricNames.socialDeliveryTries(registry, outcome) : MetricNames.deliveryTries(registry, outcome)).increment();
            (social ? MetricNames.socialDeliveryStates(registry, d.state()) : MetricNames.deliveryStates(registry, d.state())).increment();
        } catch (RuntimeException e) {
            // not a state this version writes: not counted
        }
    }

    private void completed(Exchange exchange, String outcome) {
        String route = exchange.getFromRouteId();
        if (route == null) {
            return;
        }
        routeTimer(route, outcome).record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - exchange.getClock().getCreated())));
        if (exchange.getFromEndpoint() != null && KafkaEndpoints.isKafka(exchange.getFromEndpoint().getEndpointUri())) {
            MetricNames.records(registry, stage(route)).increment();
        }
        if (route.equals("publish-store")) {
            EnrichedPost post = Props.ENRICHED.get(exchange);
            if (post != null && post.receivedAt() != null) {
                endToEnd.record(Duration.between(post.receivedAt(), Instant.now()));
            }
        }
    }

    private Timer routeTimer(String route, String outcome) {
        return Timer.builder("herald.route.exchanges").description("Exchanges (records, requests, polls) each route handled")
                .tags("route", route, "stage", stage(route), "outcome", outcome).register(registry);
    }

    /** Every route's exchanges, completed and failed, at zero from the start. */
    void countRoutes(CamelContext camel) {
        for (Route route : camel.getRoutes()) {
            routeTimer(route.getRouteId(), "completed");
            routeTimer(route.getRouteId(), "failed");
        }
    }

    /** Feed requests by status, as the feed server counts them (feeds are served outside Camel's routes). */
    void countFeedRequests(Map<Integer, LongAdder> byStatus) {
        byStatus.forEach((status, count) -> FunctionCounter
                .builder("herald.feed.requests", count, LongAdder::doubleValue)
                .description("Feed requests, by HTTP status (304: the reader's copy was current)")
                .tag("status", String.valueOf(status)).register(registry));
    }

    static String stage(String routeId) {
        if (routeId == null) {
            return "none";
        }
        int dash = routeId.indexOf('-');
        return dash < 0 ? routeId : routeId.substring(0, dash);
    }

    private static String sourceKind(Exchange exchange) {
        String source = Props.SOURCE.get(exchange);
        if (source == null) {
            return "unknown";
        }
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    @Override
    public void close() {
        gc.close();
        admin.close();
        registry.close();
    }
}
