package io.herald.publish.newsletter;

import io.herald.publish.delivery.Deliveries;
import io.herald.events.Delivery;
import io.herald.events.EnrichedPost;
import io.herald.events.NewsletterPayload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.herald.support.Masking;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a post's newsletter is, as marketing sees it in the preview:
 * <ul>
 *   <li>{@code not-sent}: nothing went out yet (the preview shows what would);</li>
 *   <li>{@code skipped}: it never will (the backlog of a newly added feed, with {@code feed-backlog=skip});</li>
 *   <li>{@code pending}: on {@code herald.newsletter}, not yet taken by the webhook (first try to come, or a retry);</li>
 *   <li>{@code sent}: on {@code herald.newsletter}, and, with a webhook, delivered there;</li>
 *   <li>{@code failed}: every try at the webhook failed; {@code reason} says why. It can be re-sent.</li>
 * </ul>
 *
 * @param payload  the latest payload sent for the post, or what would be sent
 * @param delivery the webhook's state of that payload, if it has one
 */
public record NewsletterState(String state, String reason, NewsletterPayload payload, Optional<Delivery> delivery) {

    public static final String NOT_SENT = "not-sent";
    public static final String SKIPPED = "skipped";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /** Every state a preview can be in, as {@code X-Herald-Preview} says it. */
    public static final List<String> STATES = List.of(NOT_SENT, SKIPPED, PENDING, SENT, FAILED);

    /** @param post the post (absent once deleted: then only a payload that went out has a state) */
    public static NewsletterState of(Optional<EnrichedPost> post, Optional<NewsletterPayload> sent, NewsletterDecision decision,
                                     Deliveries deliveries, boolean webhook) {
        if (sent.isEmpty()) {
            EnrichedPost p = post.orElseThrow(() -> new IllegalArgumentException("no post and nothing sent"));
            return decision.skips(p)
                    ? new NewsletterState(SKIPPED, NewsletterDecision.BACKLOG_SKIPPED,
                            decision.preview(p), Optional.empty())
                    : new NewsletterState(NOT_SENT, null, decision.preview(p), Optional.empty());
        }
        NewsletterPayload payload = sent.get();
        if (!webhook) {
            return new NewsletterState(SENT, null, payload, Optional.empty());
        }
        Optional<Delivery> d = deliveries.of(payload.idempotencyKey());
        if (d.isEmpty()) {
            return new NewsletterState(PENDING, "waiting for its first delivery to the webhook", payload, d);
        }
        return switch (d.get().state()) {
            case Delivery.DELIVERED -> new NewsletterState(SENT, null, payload, d);
            case Delivery.FAILED -> new NewsletterState(FAILED, d.get().reason(), payload, d);
            default -> new NewsletterState(PENDING, d.get().attempts() == 0 ? "re-sent, the next try comes shortly"
                    : "try " + d.get().attempts() + " failed: " + d.get().reason() + "; next try at " + d.get().nextAttemptAt().truncatedTo(ChronoUnit.SECONDS), payload, d);
        };
    }

    /** The state as JSON fields, for {@code Accept: application/json}. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("postId", payload.postId());
        out.put("state", state);
        if (reason != null) {
            out.put("reason", Masking.text(reason));
        }
        out.put("idempotencyKey", payload.idempotencyKey());
        out.put("kind", payload.kind());
        out.put("subject", payload.subject());
        delivery.ifPresent(d -> {
            out.put("attempts", d.attempts());
            out.put("lastAttemptAt", d.at());
            if (d.nextAttemptAt() != null) {
                out.put("nextAttemptAt", d.nextAttemptAt());
            }
            out.put("target", Masking.url(d.target()));
        });
        return out;
    }
}
