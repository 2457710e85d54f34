package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.publish.PostStore;
import io.herald.support.Problems;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code publish-api-list}: {@code GET /api/posts?limit=&offset=}, newest first. */
public final class PostListRoute extends RouteBuilder {

    static final int MAX_LIMIT = 200;

    private final PostStore store;

    public PostListRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from(PublishHttp.LIST.uri())
                .routeId(PublishHttp.LIST.routeId())
                .process(this::list);
    }

    private void list(Exchange exchange) {
        int limit;
        int offset;
        try {
            limit = intParam(exchange, "limit", 20);
            offset = intParam(exchange, "offset", 0);
        } catch (NumberFormatException e) {
            Problems.respond(exchange, 400, "Bad request", "limit and offset must be whole numbers.");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            Problems.respond(exchange, 400, "Bad request", "limit must be 1 to " + MAX_LIMIT + " and offset 0 or more.");
            return;
        }
        Responses.json(exchange, 200, Json.write(Map.of("total", store.size(), "offset", offset, "limit", limit,
                "posts", store.newest(offset, limit))));
    }

    private static int intParam(Exchange exchange, String name, int fallback) {
        String v = exchange.getMessage().getHeader(name, String.class);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
