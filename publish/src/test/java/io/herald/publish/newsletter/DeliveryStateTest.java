package io.herald.publish.newsletter;

import io.herald.publish.delivery.Deliveries;
import io.herald.publish.delivery.Delivering;
import io.herald.publish.delivery.WebhookClient;
import io.herald.support.Settings.FeedBacklog;
import io.herald.support.Settings.NewsletterOnEdit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.herald.events.Delivery;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.publish.Outbox;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook tries and the state each leaves, and what the newsletter preview says of it. */
class DeliveryStateTest {

    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    final NewsletterRenderer renderer = new NewsletterRenderer("https://herald.example");
    final NewsletterPayload payload = renderer.announce(NewsletterDecisionTest.version(1, false), "announcement");
    final AtomicInteger status = new AtomicInteger(503);
    HttpServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    Delivering delivering(int retries, Duration backoff) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        return new Delivering(Delivery.NEWSLETTER, new WebhookClient(url, Optional.empty(),
                io.herald.support.OutboundPolicy.parse(java.util.List.of("127.0.0.1:" + receiver.getAddress().getPort()))),
                retries, backoff, Clock.fixed(T, ZoneOffset.UTC));
    }

    @Test
    void failed_tries_wait_longer_each_time_over_minutes_up_to_an_hour() throws Exception {
        Delivering d = delivering(8, Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), d.waitAfter(1));
        assertEquals(Duration.ofMinutes(1), d.waitAfter(2));
        assertEquals(Duration.ofMinutes(4), d.waitAfter(4));
        assertEquals(Duration.ofHours(1), d.waitAfter(8), "capped");
        Duration total = Duration.ZERO;
        for (int i = 1; i <= 8; i++) {
            total = total.plus(d.waitAfter(i));
        }
        assertTrue(total.compareTo(Duration.ofHours(2)) > 0, "the default retries span about two hours, not seconds: " + total);
    }

    @Test
    void a_failed_try_is_retried_later_then_fails_for_good_with_the_reason() throws Exception {
        Delivering d = delivering(2, Duration.ofSeconds(30));
        String json = Json.write(payload);
        Delivery first = d.attempt(payload.idempotencyKey(), payload.postId(), json, 0);
        assertEquals(Delivery.RETRYING, first.state());
        assertEquals(1, first.attempts());
        assertEquals(T.plusSeconds(30), first.nextAttemptAt());
        assertTrue(first.reason().contains("HTTP 503"), first.reason());
        Delivery second = d.attempt(payload.idempotencyKey(), payload.postId(), json, first.attempts());
        assertEquals(T.plusSeconds(60), second.nextAttemptAt());
        Delivery third = d.attempt(payload.idempotencyKey(), payload.postId(), json, second.attempts());
        assertEquals(Delivery.FAILED, third.state(), "two retries after the first try, then it is failed");
        assertNull(third.nextAttemptAt());
        status.set(204);
        Delivery resent = d.attempt(payload.idempotencyKey(), payload.postId(), json, 0);
        assertEquals(Delivery.DELIVERED, resent.state());
        assertNull(resent.reason());
    }

    @Test
    void retries_whose_time_has_come_are_due_and_others_wait() {
        Deliveries deliveries = new Deliveries();
        deliveries.record(Delivery.of("a", "p", "u", Delivery.RETRYING, 1, "x", T, T.plusSeconds(30)));
        deliveries.record(Delivery.of("b", "p", "u", Delivery.RETRYING, 1, "x", T, T.plusSeconds(90)));
        deliveries.record(Delivery.of("c", "p", "u", Delivery.FAILED, 5, "x", T, null));
        assertEquals(0, deliveries.due(T).size());
        assertEquals("a", deliveries.due(T.plusSeconds(30)).get(0).idempotencyKey());
        assertEquals(2, deliveries.due(T.plusSeconds(600)).size(), "a failed one is not retried by itself");
    }

    @Test
    void the_preview_says_sent_only_once_the_webhook_took_it_and_failed_with_the_reason() {
        var post = NewsletterDecisionTest.version(1, false);
        NewsletterDecision decision = new NewsletterDecision(renderer, NewsletterOnEdit.NONE);
        Deliveries deliveries = new Deliveries();
        Outbox outbox = new Outbox();
        assertEquals("not-sent", NewsletterState.of(Optional.of(post), Optional.empty(), decision, deliveries, true).state());
        assertEquals("skipped", NewsletterState.of(Optional.of(post.toBuilder().backlog(true).build()), Optional.empty(), decision,
                deliveries, true).state());
        outbox.record(payload);
        var sent = outbox.latestNewsletter("p");
        assertEquals("sent", NewsletterState.of(Optional.of(post), sent, decision, deliveries, false).state(), "no webhook: on the topic is sent");
        assertEquals("pending", NewsletterState.of(Optional.of(post), sent, decision, deliveries, true).state());
        deliveries.record(Delivery.of(payload.idempotencyKey(), "p", "u", Delivery.RETRYING, 1, "the webhook answered HTTP 503", T, T.plusSeconds(30)));
        NewsletterState retrying = NewsletterState.of(Optional.of(post), sent, decision, deliveries, true);
        assertEquals("pending", retrying.state());
        assertTrue(retrying.reason().contains("HTTP 503") && retrying.reason().contains(T.plusSeconds(30).toString()), retrying.reason());
        deliveries.record(Delivery.of(payload.idempotencyKey(), "p", "u", Delivery.FAILED, 9, "ConnectException", T, null));
        NewsletterState failed = NewsletterState.of(Optional.of(post), sent, decision, deliveries, true);
        assertEquals("failed", failed.state());
        assertEquals("ConnectException", failed.reason());
        assertEquals(9, failed.fields().get("attempts"));
        deliveries.record(Delivery.of(payload.idempotencyKey(), "p", "u", Delivery.DELIVERED, 10, null, T, null));
        assertEquals("sent", NewsletterState.of(Optional.empty(), sent, decision, deliveries, true).state(), "also once the post is deleted");
    }

    @Test
    void each_channels_retries_are_its_own_and_a_state_written_before_channels_is_a_newsletters() {
        Deliveries deliveries = new Deliveries();
        deliveries.record(Delivery.of("p:v1:newsletter:announcement", "p", "u", Delivery.RETRYING, 1, "x", T, T));
        deliveries.record(Delivery.of(Delivery.SOCIAL, "p:v1:social:x", "p", "u", Delivery.RETRYING, 1, "x", T, T));
        assertEquals(java.util.List.of("p:v1:social:x"),
                deliveries.due(Delivery.SOCIAL, T).stream().map(Delivery::idempotencyKey).toList());
        assertEquals(java.util.List.of("p:v1:newsletter:announcement"),
                deliveries.due(Delivery.NEWSLETTER, T).stream().map(Delivery::idempotencyKey).toList());
        Delivery old = Json.read("{\"schema\":1,\"idempotencyKey\":\"k\",\"postId\":\"p\",\"target\":\"u\",\"state\":\"failed\","
                + "\"attempts\":3,\"at\":\"2026-01-01T00:00:00Z\"}", Delivery.class);
        assertEquals(Delivery.NEWSLETTER, old.channel());
        assertEquals(Delivery.SOCIAL, Json.read(Json.write(Delivery.of(Delivery.SOCIAL, "k", "p", "u", Delivery.FAILED, 1, "x", T, null)),
                Delivery.class).channel(), "the channel survives the topic");
    }

    @Test
    void every_instance_ends_with_the_state_last_on_the_topic_and_a_stale_read_never_undoes_its_own_write() {
        Delivery first = Delivery.of("k", "p", "https://hooks.example/x", Delivery.RETRYING, 1, "503", T, T.plusSeconds(5));
        Delivery second = Delivery.of("k", "p", "https://hooks.example/x", Delivery.DELIVERED, 2, null, T.plusSeconds(6), null);
        Deliveries writer = new Deliveries();
        writer.record(first);
        writer.record(second);
        // Its own reading of the topic catches up: the first state must not undo the second, which follows it.
        writer.follow(Json.read(Json.write(first), Delivery.class));
        assertEquals(Delivery.DELIVERED, writer.of("k").orElseThrow().state(), "a stale read passed over");
        writer.follow(Json.read(Json.write(second), Delivery.class));
        assertEquals(Delivery.DELIVERED, writer.of("k").orElseThrow().state());
        // Another instance only reads: it ends the same, and a resend written elsewhere after is taken in order.
        Deliveries reader = new Deliveries();
        reader.follow(first);
        assertEquals(1, reader.due(T.plusSeconds(5)).size(), "a waiting retry is known to every instance");
        reader.follow(second);
        assertEquals(writer.of("k"), reader.of("k"));
        Delivery resent = Delivery.of("k", "p", "https://hooks.example/x", Delivery.RETRYING, 0, null, T.plusSeconds(1), T.plusSeconds(1));
        writer.follow(resent);
        reader.follow(resent);
        assertEquals(Delivery.RETRYING, writer.of("k").orElseThrow().state(), "the topic's order, not the clocks, decides");
        assertEquals(writer.of("k"), reader.of("k"));
    }
}
