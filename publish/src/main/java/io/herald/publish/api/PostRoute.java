package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.publish.PostStore;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code publish-api-post}: {@code GET /api/posts/{id}}, the latest enriched version of a post. */
public final class PostRoute extends RouteBuilder {

    private final PostStore store;

    public PostRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from(PublishHttp.POST.uri())
                .routeId(PublishHttp.POST.routeId())
                .process(this::one);
    }

    private void one(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        store.get(id).ifPresentOrElse(post -> Responses.json(exchange, 200, Json.write(post)),
                () -> Responses.noSuchPost(exchange, id));
    }
}
