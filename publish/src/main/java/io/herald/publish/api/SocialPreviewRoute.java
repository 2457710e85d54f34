package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.social.SocialPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.publish.newsletter.NewsletterDecision;

/**
 * {@code publish-preview-social}: {@code GET /api/posts/{id}/social}, the snippets as they went out,
 * or, before they did, exactly what would go out now (threads included when they are on).
 */
public final class SocialPreviewRoute extends RouteBuilder {

    private final PostStore store;
    private final Outbox outbox;
    private final SocialPlan plan;

    public SocialPreviewRoute(PostStore store, Outbox outbox, SocialPlan plan) {
        this.store = store;
        this.outbox = outbox;
        this.plan = plan;
    }

    @Override
    public void configure() {
        from(PublishHttp.SOCIAL.uri())
                .routeId(PublishHttp.SOCIAL.routeId())
                .process(this::preview);
    }

    private void preview(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var sent = outbox.snippets(id);
        var post = store.get(id);
        if (sent.isEmpty() && post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        boolean skipped = sent.isEmpty() && plan.skips(post.get());
        Responses.json(exchange, 200, Json.write(state(id, sent, post.map(plan::snippets).orElse(List.of()), skipped)));
    }

    /**
     * Each snippet as it went out, or, not yet sent, as it would go out now, with its state
     * ({@code sent} or {@code pending}, or {@code skipped} for a newly added feed's backlog, which gets
     * none); {@code sent} is true only when every one of them went out, and {@code platforms} says per
     * network whether all its snippets did.
     */
    static Map<String, Object> state(String id, List<SocialSnippet> sent, List<SocialSnippet> planned, boolean skipped) {
        Map<String, SocialSnippet> byKey = new LinkedHashMap<>();
        planned.forEach(s -> byKey.put(s.idempotencyKey(), s));
        sent.forEach(s -> byKey.put(s.idempotencyKey(), s));
        Set<String> sentKeys = new HashSet<>();
        sent.forEach(s -> sentKeys.add(s.idempotencyKey()));
        List<Map<String, Object>> snippets = new ArrayList<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        for (SocialSnippet s : byKey.values()) {
            boolean tooLong = s.length() > s.limit();
            String state = sentKeys.contains(s.idempotencyKey()) ? "sent" : tooLong ? "held" : skipped ? "skipped" : "pending";
            Map<String, Object> one = new LinkedHashMap<>(Json.mapper().convertValue(s, Map.class));
            one.put("state", state);
            if (tooLong && !sentKeys.contains(s.idempotencyKey())) {
                one.put("reason", SocialPlan.tooLong(s));
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
        body.put("platforms", platforms);
        body.put("snippets", snippets);
        return body;
    }
}
