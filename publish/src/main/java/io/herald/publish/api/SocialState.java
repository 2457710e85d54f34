package io.herald.publish.api;

import io.herald.events.Delivery;
import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.publish.delivery.Deliveries;
import io.herald.publish.newsletter.NewsletterDecision;
import io.herald.publish.social.SocialPlan;
import io.herald.support.Masking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the social preview says of a post's snippets: each as it went out, or, not yet sent, as it
 * would go out now, with its state ({@code sent}: written to {@code herald.social}; {@code pending};
 * {@code held}, with why; or {@code skipped} for a newly added feed's backlog, which gets none); and,
 * where {@code social-webhook} is set, what became of each sent one there ({@code delivery}:
 * {@code waiting} for its first try, {@code delivered}, {@code retrying} with why and when, or
 * {@code failed} with why). {@code sent} is true only when every snippet went out; {@code platforms}
 * says per network whether all its snippets did, and {@code deliveries} per network how the webhook
 * took them (the worst of its snippets).
 */
public final class SocialState {

    /** Worst first: a network shows the first of these any of its snippets is in. */
    static final List<String> DELIVERY_STATES = List.of(Delivery.FAILED, Delivery.RETRYING, "waiting", Delivery.DELIVERED);

    private final Deliveries deliveries;
    private final Optional<String> webhook;

    /** @param webhook the {@code social-webhook} setting, if set */
    public SocialState(Deliveries deliveries, Optional<String> webhook) {
        this.deliveries = deliveries;
        this.webhook = webhook.map(Masking::url);
    }

    /** Where snippets are only written to the topic. */
    static SocialState withoutWebhook() {
        return new SocialState(new Deliveries(), Optional.empty());
    }

    Map<String, Object> of(String id, List<SocialSnippet> sent, List<SocialSnippet> planned, boolean skipped) {
        Map<String, SocialSnippet> byKey = new LinkedHashMap<>();
        planned.forEach(s -> byKey.put(s.idempotencyKey(), s));
        sent.forEach(s -> byKey.put(s.idempotencyKey(), s));
        Set<String> sentKeys = new HashSet<>();
        sent.forEach(s -> sentKeys.add(s.idempotencyKey()));
        List<Map<String, Object>> snippets = new ArrayList<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        Map<String, String> delivered = new LinkedHashMap<>();
        for (SocialSnippet s : byKey.values()) {
            boolean isSent = sentKeys.contains(s.idempotencyKey());
            boolean tooLong = s.length() > s.limit();
            String state = isSent ? "sent" : tooLong ? "held" : skipped ? "skipped" : "pending";
            Map<String, Object> one = new LinkedHashMap<>(Json.mapper().convertValue(s, Map.class));
            one.put("state", state);
            if (tooLong && !isSent) {
                one.put("reason", SocialPlan.tooLong(s));
            }
            if (isSent && webhook.isPresent()) {
                Map<String, Object> delivery = delivery(s.idempotencyKey());
                one.put("delivery", delivery);
                delivered.merge(s.platform(), (String) delivery.get("state"), SocialState::worse);
            }
            snippets.add(one);
            platforms.merge(s.platform(), state, (a, b) -> a.equals(b) ? a : "pending");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postId", id);
        body.put("sent", !byKey.isEmpty() && sentKeys.containsAll(byKey.keySet()));
        if (skipped) {
            body.put("reason", NewsletterDecision.BACKLOG_SKIPPED);
        }
        body.put("webhook", webhook.orElse(null));
        body.put("platforms", platforms);
        body.put("deliveries", delivered);
        body.put("snippets", snippets);
        return body;
    }

    /** What became of one sent snippet at the webhook, as {@code herald.deliveries} has it. */
    private Map<String, Object> delivery(String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Delivery> d = deliveries.of(key);
        if (d.isEmpty()) {
            out.put("state", "waiting");
            return out;
        }
        out.put("state", d.get().state());
        out.put("attempts", d.get().attempts());
        out.put("at", d.get().at());
        if (d.get().reason() != null) {
            out.put("reason", d.get().reason());
        }
        if (d.get().nextAttemptAt() != null) {
            out.put("nextAttemptAt", d.get().nextAttemptAt());
        }
        return out;
    }

    private static String worse(String a, String b) {
        return DELIVERY_STATES.indexOf(a) <= DELIVERY_STATES.indexOf(b) ? a : b;
    }
}
