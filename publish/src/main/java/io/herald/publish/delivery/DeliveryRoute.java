package io.herald.publish.delivery;

import io.herald.events.Delivery;
import io.herald.events.Event;
import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.publish.OutboundErrorPolicy;
import io.herald.support.GroupOwnership;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Props;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;
import java.time.Instant;
import java.util.Optional;

/**
 * With a channel's webhook set ({@code newsletter-webhook}, {@code social-webhook}), every payload on
 * its topic is POSTed there. {@code publish-<channel>-delivery} makes the first try as a payload
 * arrives; a payload whose try failed waits (the wait doubling, over minutes) and
 * {@code publish-<channel>-retry} tries again when its time comes, without holding up the payloads
 * behind it. Every outcome is written to {@code herald.deliveries} (so previews show it and retries
 * survive a restart); a payload whose retries all failed is marked {@code failed} and recorded in the
 * DLQ, and can be re-sent.
 */
public final class DeliveryRoute<T extends Event> extends RouteBuilder {

    /** How often waiting retries are looked at. */
    static final Duration RETRY_CHECK = Duration.ofSeconds(1);
    /** How long a due retry waits for its payload to be read from the topic before it counts as gone. */
    static final Duration PAYLOAD_GRACE = Duration.ofMinutes(1);

    private final WebhookChannel<T> channel;
    private final Delivering delivering;
    private final Deliveries deliveries;
    private final GroupOwnership ownership;

    public DeliveryRoute(WebhookChannel<T> channel, Delivering delivering, Deliveries deliveries, GroupOwnership ownership) {
        this.channel = channel;
        this.delivering = delivering;
        this.deliveries = deliveries;
        this.ownership = ownership;
    }

    /** The one route that owns a channel's webhook, for the stage's wiring: a webhook client with the settings' retries. */
    public static <T extends Event> DeliveryRoute<T> of(WebhookChannel<T> channel, WebhookClient client, int retries, Duration backoff,
                                                        Deliveries deliveries, GroupOwnership ownership) {
        return new DeliveryRoute<>(channel, new Delivering(channel.name(), client, retries, backoff, Clock.systemUTC()), deliveries,
                ownership);
    }

    /**
     * Whether this instance makes a payload's retries: the one whose delivery consumer holds the
     * payload's partition of the channel's topic, so a retry is made once however many instances
     * run, and by another instance when that one stops.
     */
    boolean retriesHere(Delivery d) {
        return ownership.ownsKey(channel.group(), channel.topic().name(), channel.recordKey(d));
    }

    @Override
    public void configure() {
        String name = channel.name();
        var first = from(KafkaEndpoints.from(channel.topic(), channel.group()).uri())
                .routeId("publish-" + name + "-delivery")
                .routeConfigurationId(OutboundErrorPolicy.ID)
                .process(KafkaEndpoints.typed(channel.topic()))
                .process(this::firstTry)
                .filter(body().isNotNull());
        report(first);

        var retry = from("timer:publish-" + name + "-retry?delay=" + RETRY_CHECK.toMillis() + "&period=" + RETRY_CHECK.toMillis())
                .routeId("publish-" + name + "-retry")
                .process(e -> e.getMessage().setBody(deliveries.due(name, Instant.now()).stream().filter(this::retriesHere).toList()))
                .split(body())
                    .process(this::retry)
                    .filter(body().isNotNull());
        report(retry).end().end();
    }

    private void firstTry(Exchange exchange) throws InterruptedException {
        T payload = exchange.getMessage().getBody(channel.topic().valueType());
        if (payload == null) {
            return;
        }
        // The webhook gets the payload's bytes exactly as they are on the topic.
        String json = new String(Props.ORIGINAL.get(exchange), StandardCharsets.UTF_8);
        String key = channel.key().apply(payload);
        // A payload with a state already had its first try (this record is a redelivery): retries are the timer's.
        exchange.getMessage().setBody(deliveries.of(key).isPresent() ? null
                : delivering.attempt(key, channel.postId().apply(payload), json, 0));
    }

    private void retry(Exchange exchange) throws InterruptedException {
        Delivery waiting = exchange.getMessage().getBody(Delivery.class);
        Optional<T> payload = channel.sent().apply(waiting);
        if (payload.isEmpty()) {
            // Read from the topic by this instance's reading of it: a payload sent a moment ago by
            // another instance may not be here yet. Given a minute and still missing, it is gone.
            if (Instant.now().isBefore(waiting.nextAttemptAt().plus(PAYLOAD_GRACE))) {
                exchange.getMessage().setBody(null);
                return;
            }
            log.warn("No payload {} to retry: it is no longer on {}", waiting.idempotencyKey(), channel.topic().name());
            exchange.getMessage().setBody(waiting.next(Delivery.FAILED, waiting.attempts(),
                    "the payload is no longer on " + channel.topic().name(), Instant.now(), null));
            return;
        }
        String json = channel.topic().write(payload.get());
        Props.ORIGINAL.set(exchange, json.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setBody(delivering.attempt(waiting.idempotencyKey(), waiting.postId(), json, waiting.attempts()));
    }

    /** Appends: the state to {@code herald.deliveries}, then into the registry; a failure for good also to the DLQ. */
    private ProcessorDefinition<?> report(ProcessorDefinition<?> route) {
        String label = channel.label();
        return route.process(e -> {
                    Delivery d = e.getMessage().getBody(Delivery.class);
                    e.setProperty(STATE, d);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(KafkaConstants.KEY, d.idempotencyKey());
                    e.getMessage().setBody(Topics.DELIVERIES.write(d));
                })
                .to(KafkaEndpoints.to(Topics.DELIVERIES))
                .process(e -> deliveries.record(e.getProperty(STATE, Delivery.class)))
                // The post's line in the ledger of every channel (a digest is about no post).
                .filter(e -> e.getProperty(STATE, Delivery.class).postId() != null)
                    .process(e -> channel.toLedger(e, e.getProperty(STATE, Delivery.class))).to(KafkaEndpoints.to(Topics.LEDGER))
                .end()
                .choice()
                    .when(e -> e.getProperty(STATE, Delivery.class).state().equals(Delivery.RETRYING))
                        .log(LoggingLevel.WARN, label + " delivery of ${exchangeProperty." + STATE + ".idempotencyKey}: try ${exchangeProperty."
                                + STATE + ".attempts} failed: ${exchangeProperty." + STATE + ".reason}; next try at ${exchangeProperty."
                                + STATE + ".nextAttemptAt}")
                    .when(e -> e.getProperty(STATE, Delivery.class).state().equals(Delivery.FAILED))
                        .log(LoggingLevel.ERROR, label + " delivery of ${exchangeProperty." + STATE + ".idempotencyKey} failed for good "
                                + "after ${exchangeProperty." + STATE + ".attempts} tries: ${exchangeProperty." + STATE + ".reason}")
                        .process(this::toRejection)
                        .to(KafkaEndpoints.to(Topics.DLQ))
                .end();
    }

    private void toRejection(Exchange e) {
        Delivery d = e.getProperty(STATE, Delivery.class);
        Rejection r = Rejection.of("publish", channel.name() + " delivery to " + d.target() + " failed after " + d.attempts() + " tries: "
                + d.reason(), "kafka", "application/json", channel.topic().name(), null, null, Props.ORIGINAL.get(e));
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader(KafkaConstants.KEY, "publish");
        e.getMessage().setBody(Topics.DLQ.write(r));
    }

    private static final String STATE = "heraldDelivery";
}
