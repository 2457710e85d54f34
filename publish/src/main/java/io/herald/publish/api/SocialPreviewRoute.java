package io.herald.publish.api;

import io.herald.events.Json;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.social.SocialPlan;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

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
        from("platform-http:/api/posts/{id}/social?httpMethodRestrict=GET,HEAD")
                .routeId("publish-preview-social")
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
        var snippets = sent.isEmpty() ? plan.snippets(post.get()) : sent;
        Responses.json(exchange, 200, Json.write(Map.of("postId", id, "sent", !sent.isEmpty(), "snippets", snippets)));
    }
}
