package io.herald.publish.delivery;

import io.herald.events.Delivery;
import io.herald.events.Event;
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

    /** As logs begin a sentence with it. */
    String label() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
