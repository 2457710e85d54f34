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
    private final io.herald.publish.Outbox outbox;
    private final io.herald.publish.PublishSettings settings;

    public ApiRoute(PostStore store, io.herald.publish.Outbox outbox, io.herald.publish.PublishSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("platform-http:/api/posts/{id}?httpMethodRestrict=GET,HEAD")
                .routeId("publish-api-post")
                .process(this::one);
        from("platform-http:/api/posts/{id}/newsletter?httpMethodRestrict=GET,HEAD")
                .routeId("publish-preview-newsletter")
                .process(this::newsletterPreview);
        from("platform-http:/api/posts/{id}/social?httpMethodRestrict=GET,HEAD")
                .routeId("publish-preview-social")
                .process(this::socialPreview);
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

    /**
     * The newsletter of a post as it went out (the latest payload sent); for a post not announced
     * yet, what would go out now, marked {@code X-Herald-Preview: not-sent}.
     */
    private void newsletterPreview(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var sent = outbox.latestNewsletter(id);
        var post = store.get(id);
        if (sent.isEmpty() && post.isEmpty()) {
            problem(exchange, 404, "Not found", "There is no post with id \"" + id + "\".");
            return;
        }
        var payload = sent.orElseGet(() -> new io.herald.publish.newsletter.NewsletterRenderer(settings.baseUrl())
                .announce(post.get(), "announcement"));
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        message.setHeader("X-Herald-Preview", sent.isPresent() ? "sent" : "not-sent");
        message.setBody(payload.html());
    }

    /** The social snippets of a post as they went out, or, before they did, what would go out now. */
    private void socialPreview(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var sent = outbox.snippets(id);
        var post = store.get(id);
        if (sent.isEmpty() && post.isEmpty()) {
            problem(exchange, 404, "Not found", "There is no post with id \"" + id + "\".");
            return;
        }
        var snippets = sent;
        if (sent.isEmpty()) {
            var composer = new io.herald.publish.social.SnippetComposer();
            String link = io.herald.publish.FeedIds.link(settings.baseUrl(), id, post.get().url());
            snippets = settings.platforms().stream().map(p -> composer.compose(post.get(), p,
                    io.herald.publish.newsletter.Utm.tag(link, "social-" + p.id(), "post"))).toList();
        }
        json(exchange, 200, Json.write(Map.of("postId", id, "sent", !sent.isEmpty(), "snippets", snippets)));
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
