package io.herald.publish.routes;

import io.herald.events.Json;
import io.herald.publish.PostStore;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code publish-api}: the enriched posts as JSON, one or a page of the newest. */
public final class ApiRoute extends RouteBuilder {

    static final int MAX_LIMIT = 200;

    private final PostStore store;

    public ApiRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from("platform-http:/api/posts/{id}?httpMethodRestrict=GET,HEAD")
                .routeId("publish-api-post")
                .process(this::one);
        from("platform-http:/api/posts?httpMethodRestrict=GET,HEAD")
                .routeId("publish-api-list")
                .process(this::list);
    }

    private void one(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var post = store.get(id);
        if (post.isPresent()) {
            json(exchange, 200, Json.write(post.get()));
        } else {
            problem(exchange, 404, "Not found", "There is no post with id \"" + id + "\".");
        }
    }

    private void list(Exchange exchange) {
        int limit;
        int offset;
        try {
            limit = intParam(exchange, "limit", 20);
            offset = intParam(exchange, "offset", 0);
        } catch (NumberFormatException e) {
            problem(exchange, 400, "Bad request", "limit and offset must be whole numbers.");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            problem(exchange, 400, "Bad request", "limit must be 1 to " + MAX_LIMIT + " and offset 0 or more.");
            return;
        }
        json(exchange, 200, Json.write(Map.of("total", store.size(), "offset", offset, "limit", limit,
                "posts", store.newest(offset, limit))));
    }

    private static int intParam(Exchange exchange, String name, int fallback) {
        String v = exchange.getMessage().getHeader(name, String.class);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    private static void json(Exchange exchange, int status, String body) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }

    static void problem(Exchange exchange, int status, String title, String detail) {
        json(exchange, status, Json.write(Map.of("type", "about:blank", "title", title, "status", status,
                "detail", detail)));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
    }
}
