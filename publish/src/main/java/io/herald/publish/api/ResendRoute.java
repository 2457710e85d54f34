package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Delivery;
import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.newsletter.Deliveries;
import io.herald.support.ApiTokens;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Masking;

/**
 * {@code publish-newsletter-resend}: {@code POST /api/posts/{id}/newsletter/resend} hands the post's
 * latest newsletter to the webhook again, with a fresh set of retries: for a delivery that failed for
 * good (or one still waiting for its next retry, which is then made at once). The API token applies.
 * A payload the webhook already took is not sent twice (409).
 */
public final class ResendRoute extends RouteBuilder {

    private static final String RESENT = "heraldResent";

    private final PostStore store;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Optional<String> webhook;
    private final Optional<String> apiToken;

    public ResendRoute(PostStore store, Outbox outbox, Deliveries deliveries, Optional<String> webhook, Optional<String> apiToken) {
        this.store = store;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from(PublishHttp.RESEND.uri())
                .routeId(PublishHttp.RESEND.routeId())
                .process(this::decide)
                .filter(exchangeProperty(RESENT).isNotNull())
                    .process(e -> {
                        Delivery d = e.getProperty(RESENT, Delivery.class);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(KafkaConstants.KEY, d.idempotencyKey());
                        e.getMessage().setBody(Json.write(d));
                    })
                    .to(KafkaEndpoints.to(Topics.DELIVERIES))
                    .process(e -> {
                        Delivery d = e.getProperty(RESENT, Delivery.class);
                        deliveries.record(d);
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("postId", d.postId());
                        body.put("idempotencyKey", d.idempotencyKey());
                        body.put("state", "pending");
                        body.put("nextAttemptAt", d.nextAttemptAt());
                        Responses.json(e, 202, Json.write(body));
                    })
                .end();
    }

    private void decide(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        var sent = outbox.latestNewsletter(id);
        if (sent.isEmpty()) {
            if (store.get(id).isEmpty()) {
                Responses.noSuchPost(exchange, id);
            } else {
                Problems.respond(exchange, 409, "Nothing to re-send", "No newsletter of post \"" + id + "\" has gone out yet.");
            }
            return;
        }
        if (webhook.isEmpty()) {
            Problems.respond(exchange, 409, "Nothing to re-send", "No newsletter-webhook is set: newsletters are only on "
                    + Topics.NEWSLETTER.name() + ", where consumers read them.");
            return;
        }
        String key = sent.get().idempotencyKey();
        Optional<Delivery> state = deliveries.of(key);
        if (state.isPresent() && Delivery.DELIVERED.equals(state.get().state())) {
            Problems.respond(exchange, 409, "Already delivered", "The webhook took " + key + " at " + state.get().at()
                    + "; it is not sent twice.");
            return;
        }
        Instant now = Instant.now();
        exchange.setProperty(RESENT, Delivery.of(key, sent.get().postId(), Masking.url(webhook.get()), Delivery.RETRYING, 0,
                state.map(Delivery::reason).orElse(null), now, now));
    }
}
