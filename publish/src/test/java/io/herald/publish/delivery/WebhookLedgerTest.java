package io.herald.publish.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.events.Delivery;
import io.herald.events.LedgerEntry;
import io.herald.publish.Outbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookLedgerTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void a_webhook_delivery_is_in_the_ledger_under_its_idempotency_key_per_post_webhook_and_network() {
        WebhookChannel<?> social = WebhookChannel.social(new Outbox());
        LedgerEntry x = social.ledgerEntry(Delivery.of(Delivery.SOCIAL, "seed-swap:v2:social:x", "seed-swap", "https://hooks.example/social",
                Delivery.DELIVERED, 1, null, AT, null));
        LedgerEntry reply = social.ledgerEntry(Delivery.of(Delivery.SOCIAL, "seed-swap:v2:social:mastodon:3", "seed-swap",
                "https://hooks.example/social", Delivery.RETRYING, 2, "the webhook answered HTTP 503", AT, AT.plusSeconds(60)));
        assertEquals(LedgerEntry.SOCIAL_WEBHOOK, x.channel());
        assertEquals("https://hooks.example/social#x", x.destination());
        assertEquals("https://hooks.example/social#mastodon:3", reply.destination(), "each network and thread part a line of its own");
        assertEquals("seed-swap:v2:social:x", x.externalId());
        assertEquals(2, x.version());
        assertEquals(2, x.deliveredVersion());
        assertEquals("retrying 2 the webhook answered HTTP 503", reply.state() + " " + reply.attempts() + " " + reply.reason());
        assertEquals(0, reply.deliveredVersion());

        LedgerEntry update = WebhookChannel.newsletter(new Outbox()).ledgerEntry(Delivery.of(Delivery.NEWSLETTER,
                "seed-swap:v3:newsletter:correction", "seed-swap", "https://news.example/hook", Delivery.FAILED, 9, "timed out", AT, null));
        assertEquals(LedgerEntry.NEWSLETTER + " https://news.example/hook Correction 3 failed",
                update.channel() + " " + update.destination() + " " + update.activity() + " " + update.version() + " " + update.state());
    }
}
