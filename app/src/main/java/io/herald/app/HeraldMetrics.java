package io.herald.app;

import io.herald.support.KafkaEndpoints;
import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.ingest.RejectedPost;
import io.herald.support.ConsumerGroups;
import io.herald.support.Props;
import io.micrometer.core.instrument.Counter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.micrometer.core.instrument.FunctionCounter;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: posts accepted and refused by source
 * (and reason), records handled per stage and route, DLQ records by stage, the delay from a post's
 * acceptance to its new version being served, feed requests by status (304s among them), consumer
 * lag per group and partition, and the JVM. Camel's routes are measured through its event notifier,
 * so no route carries metrics code of its own.
 */
final class HeraldMetrics extends EventNotifierSupport implements AutoCloseable {


    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Admin admin;
    private final MultiGauge lag;
    private final Timer endToEnd;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    HeraldMetrics(String bootstrap, Map<String, String> clientProperties) {
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
        lag = MultiGauge.builder("herald.consumer.lag").description("Records not yet consumed, per consumer group and partition")
                .baseUnit("records").register(registry);
        admin = KafkaAdmin.create(bootstrap, clientProperties, Duration.ofSeconds(2));
    }

    /** The text a Prometheus server scrapes, with the consumer lag read from the cluster now. */
    String scrape() {
        refreshLag();
        return registry.scrape();
    }

    private void refreshLag() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try {
            for (String group : ConsumerGroups.SHARED) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
                committed.forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp)) {
                        long behind = Math.max(0, ends.get(tp).offset() - offset.offset());
                        rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", tp.topic(), "partition", String.valueOf(tp.partition())),
                                behind));
                    }
                });
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
                Counter.builder("herald.posts.deleted").description("Posts deleted (DELETE, a CMS unpublishing)").register(registry).increment();
            } else if (!Boolean.TRUE.equals(Props.UNCHANGED.get(exchange))) {
                Counter.builder("herald.posts.accepted").description("Posts accepted, by source").tag("source", sourceKind(exchange))
                        .register(registry).increment();
            }
        } else if (uri.contains(Topics.DLQ.name())) {
            Counter.builder("herald.dlq.records").description("Records written to herald.dlq, by stage").tag("stage", stage)
                    .register(registry).increment();
            if (stage.equals("ingest")) {
                Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                String reason = cause instanceof RejectedPost r ? r.status() + " " + r.title() : "unreadable";
                Counter.builder("herald.posts.refused").description("Posts refused, by source and reason")
                        .tags("source", sourceKind(exchange), "reason", reason).register(registry).increment();
            }
        }
    }

    private void completed(Exchange exchange, String outcome) {
        String route = exchange.getFromRouteId();
        if (route == null) {
            return;
        }
        Timer.builder("herald.route.exchanges").description("Exchanges (records, requests, polls) each route handled")
                .tags("route", route, "stage", stage(route), "outcome", outcome)
                .register(registry).record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - exchange.getClock().getCreated())));
        if (exchange.getFromEndpoint() != null && KafkaEndpoints.isKafka(exchange.getFromEndpoint().getEndpointUri())) {
            Counter.builder("herald.records").description("Kafka records consumed, by stage").tag("stage", stage(route))
                    .register(registry).increment();
        }
        if (route.equals("publish-store")) {
            EnrichedPost post = Props.ENRICHED.get(exchange);
            if (post != null && post.receivedAt() != null) {
                endToEnd.record(Duration.between(post.receivedAt(), Instant.now()));
            }
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
