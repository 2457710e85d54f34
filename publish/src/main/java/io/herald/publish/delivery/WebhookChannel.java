package io.herald.publish.delivery;

import io.herald.events.Delivery;
import io.herald.events.Event;
import io.herald.events.LedgerEntry;
import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.publish.Outbox;
import io.herald.support.ConsumerGroups;
import java.util.Optional;
import java.util.function.Function;

/**
 * A channel whose payloads a webhook takes, as its delivery routes know it: its topic, the consumer
 * group that reads it for delivery, how a payload is known, and where a payload that went out is
 * found again for a retry.
 *
 * @param name  {@link Delivery#NEWSLETTER} or {@link Delivery#SOCIAL}: in route ids, states, logs and the DLQ
 * @param sent  the payload a state is about, as this instance read it from the topic
 */
public record WebhookChannel<T extends Event>(String name, Topic<T> topic, String group, Function<T, String> key,
                                              Function<T, String> postId, Function<Delivery, Optional<T>> sent) {

    /** Newsletter payloads on {@code herald.newsletter}, for {@code newsletter-webhook}. */
    public static WebhookChannel<NewsletterPayload> newsletter(Outbox outbox) {
        return new WebhookChannel<>(Delivery.NEWSLETTER, Topics.NEWSLETTER, ConsumerGroups.NEWSLETTER_DELIVERY,
                NewsletterPayload::idempotencyKey, NewsletterPayload::postId, d -> outbox.newsletter(d.idempotencyKey()));
    }

    /** Social snippets on {@code herald.social}, for {@code social-webhook}. */
    public static WebhookChannel<SocialSnippet> social(Outbox outbox) {
        return new WebhookChannel<>(Delivery.SOCIAL, Topics.SOCIAL, ConsumerGroups.SOCIAL_DELIVERY, SocialSnippet::idempotencyKey,
                SocialSnippet::postId, d -> outbox.snippets(d.postId()).stream()
                        .filter(s -> s.idempotencyKey().equals(d.idempotencyKey())).findFirst());
    }

    /** The key the payload of a state has on its topic, which decides its partition: its post's id, or "digest". */
    String recordKey(Delivery d) {
        return d.postId() == null ? "digest" : d.postId();
    }

    /**
     * A delivery state as the ledger has it: per post and webhook (per network and thread part for snippets), the
     * payload's idempotency key and version, and its state.
     */
    public LedgerEntry ledgerEntry(Delivery d) {
        String key = d.idempotencyKey();
        boolean social = name.equals(Delivery.SOCIAL);
        String destination = d.target() + (social && key.contains(":social:") ? "#" + key.substring(key.indexOf(":social:") + 8) : "");
        java.util.regex.Matcher v = VERSION.matcher(key);
        int version = v.find() ? Integer.parseInt(v.group(1)) : 0;
        String activity = social ? "Snippet" : key.endsWith(":newsletter:correction") ? "Correction" : "Announcement";
        LedgerEntry tried = LedgerEntry.attempt(d.postId(), social ? LedgerEntry.SOCIAL_WEBHOOK : LedgerEntry.NEWSLETTER, destination, version,
                null, activity, key, null, 0, d.at());
        return tried.next(d.state(), d.attempts(), d.reason(), d.at(), d.nextAttemptAt());
    }

    /** Makes an exchange's message the ledger record of a delivery state. */
    void toLedger(org.apache.camel.Exchange e, Delivery d) {
        LedgerEntry entry = ledgerEntry(d);
        e.getMessage().setHeader(org.apache.camel.component.kafka.KafkaConstants.KEY, entry.key());
        e.getMessage().setBody(Topics.LEDGER.write(entry));
    }

    /** The version in an idempotency key ({@code <post>:v<version>:...}). */
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(":v(\\d{1,9}):");

    /** As logs begin a sentence with it. */
    String label() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
