package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.social.SocialPlan;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code publish-preview-social}: {@code GET /api/posts/{id}/social}, the snippets as they went out,
 * or, before they did, exactly what would go out now (threads included when they are on), and
 * what became of each at the social webhook ({@link SocialState}).
 */
public final class SocialPreviewRoute extends RouteBuilder {

    private final PostStore store;
    private final Outbox outbox;
    private final SocialPlan plan;
    private final SocialState states;

    public SocialPreviewRoute(PostStore store, Outbox outbox, SocialPlan plan, SocialState states) {
        this.store = store;
        this.outbox = outbox;
        this.plan = plan;
        this.states = states;
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
        Responses.json(exchange, 200, Json.write(states.of(id, sent, post.map(plan::snippets).orElse(List.of()), skipped)));
    }
}
