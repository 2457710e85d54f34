package io.herald.publish.api;

import io.herald.events.Delivery;
import io.herald.events.Json;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.delivery.Deliveries;
import io.herald.support.ApiTokens;
import io.herald.support.HttpEndpoint;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Masking;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code publish-newsletter-resend} and {@code publish-social-resend}: {@code POST
 * /api/posts/{id}/newsletter/resend} hands the post's latest newsletter to the newsletter webhook
 * again, {@code POST /api/posts/{id}/social/resend} every snippet of the post the social webhook has
 * not taken, each with a fresh set of retries: for a delivery that failed for good (or one still
 * waiting for its next retry, which is then made at once). The API token applies. What the webhook
 * already took is not sent twice (409).
 */
public final class ResendRoute extends RouteBuilder {

    private static final String RESENT = "heraldResent";

    /** A payload that went out: its key, and the post it is about. */
    public record Sent(String idempotencyKey, String postId) {
    }

    private final HttpEndpoint endpoint;
    private final String channel;
    private final Topic<?> topic;
    private final String setting;
    private final String what;
    private final Function<String, List<Sent>> sent;
    private final PostStore store;
    private final Deliveries deliveries;
    private final Optional<String> webhook;
    private final Optional<String> apiToken;

    private ResendRoute(HttpEndpoint endpoint, String channel, Topic<?> topic, String setting, String what,
                        Function<String, List<Sent>> sent, PostStore store, Deliveries deliveries, Optional<String> webhook,
                        Optional<String> apiToken) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.topic = topic;
        this.setting = setting;
        this.what = what;
        this.sent = sent;
        this.store = store;
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.apiToken = apiToken;
    }

    /** The post's latest newsletter, again to {@code newsletter-webhook}. */
    public static ResendRoute newsletter(PostStore store, Outbox outbox, Deliveries deliveries, Optional<String> webhook,
                                         Optional<String> apiToken) {
        return new ResendRoute(PublishHttp.RESEND, Delivery.NEWSLETTER, Topics.NEWSLETTER, "newsletter-webhook", "newsletter",
                id -> outbox.latestNewsletter(id).map(p -> List.of(new Sent(p.idempotencyKey(), p.postId()))).orElse(List.of()),
                store, deliveries, webhook, apiToken);
    }

    /** The post's snippets not delivered yet, again to {@code social-webhook}. */
    public static ResendRoute social(PostStore store, Outbox outbox, Deliveries deliveries, Optional<String> webhook,
                                     Optional<String> apiToken) {
        return new ResendRoute(PublishHttp.SOCIAL_RESEND, Delivery.SOCIAL, Topics.SOCIAL, "social-webhook", "snippet",
                id -> outbox.snippets(id).stream().map(s -> new Sent(s.idempotencyKey(), s.postId())).toList(),
                store, deliveries, webhook, apiToken);
    }

    @Override
    public void configure() {
        from(endpoint.uri())
                .routeId(endpoint.routeId())
                .process(this::decide)
                .filter(exchangeProperty(RESENT).isNotNull())
                    .split(exchangeProperty(RESENT))
                        .process(e -> {
                            Delivery d = e.getMessage().getBody(Delivery.class);
                            e.getMessage().removeHeaders("*");
                            e.getMessage().setHeader(KafkaConstants.KEY, d.idempotencyKey());
                            e.getMessage().setBody(Json.write(d));
                        })
                        .to(KafkaEndpoints.to(Topics.DELIVERIES))
                    .end()
                    .process(this::answer)
                .end();
    }

    private void answer(Exchange e) {
        @SuppressWarnings("unchecked")
        List<Delivery> resent = e.getProperty(RESENT, List.class);
        resent.forEach(deliveries::record);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postId", resent.get(0).postId());
        body.put("idempotencyKey", resent.get(0).idempotencyKey());
        body.put("idempotencyKeys", resent.stream().map(Delivery::idempotencyKey).toList());
        body.put("state", "pending");
        body.put("nextAttemptAt", resent.get(0).nextAttemptAt());
        e.getMessage().removeHeaders("*");
        Responses.json(e, 202, Json.write(body));
    }

    private void decide(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        List<Sent> out = sent.apply(id);
        if (out.isEmpty()) {
            if (store.get(id).isEmpty()) {
                Responses.noSuchPost(exchange, id);
            } else {
                Problems.respond(exchange, 409, "Nothing to re-send", "No " + what + " of post \"" + id + "\" has gone out yet.");
            }
            return;
        }
        if (webhook.isEmpty()) {
            Problems.respond(exchange, 409, "Nothing to re-send", "No " + setting + " is set: " + what + "s are only on "
                    + topic.name() + ", where consumers read them.");
            return;
        }
        Instant now = Instant.now();
        List<Delivery> resend = out.stream()
                .filter(s -> deliveries.of(s.idempotencyKey()).map(d -> !Delivery.DELIVERED.equals(d.state())).orElse(true))
                .map(s -> Delivery.of(channel, s.idempotencyKey(), s.postId(), Masking.url(webhook.get()), Delivery.RETRYING, 0,
                        deliveries.of(s.idempotencyKey()).map(Delivery::reason).orElse(null), now, now))
                .toList();
        if (resend.isEmpty()) {
            Delivery last = deliveries.of(out.get(out.size() - 1).idempotencyKey()).orElseThrow();
            Problems.respond(exchange, 409, "Already delivered", (out.size() == 1 ? "The webhook took " + last.idempotencyKey()
                    : "The webhook took every " + what + " of post \"" + id + "\"") + " (at " + last.at() + "); it is not sent twice.");
            return;
        }
        exchange.setProperty(RESENT, resend);
    }
}
