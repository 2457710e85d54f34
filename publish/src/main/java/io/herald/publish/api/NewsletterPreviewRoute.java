package io.herald.publish.api;

import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.newsletter.NewsletterDecision;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code publish-preview-newsletter}: {@code GET /api/posts/{id}/newsletter}, the post's newsletter
 * as it went out (the latest payload sent), or, for a post not announced yet, what would go out now,
 * marked {@code X-Herald-Preview: not-sent}.
 */
public final class NewsletterPreviewRoute extends RouteBuilder {

    private final PostStore store;
    private final Outbox outbox;
    private final NewsletterDecision decision;

    public NewsletterPreviewRoute(PostStore store, Outbox outbox, NewsletterDecision decision) {
        this.store = store;
        this.outbox = outbox;
        this.decision = decision;
    }

    @Override
    public void configure() {
        from("platform-http:/api/posts/{id}/newsletter?httpMethodRestrict=GET,HEAD")
                .routeId("publish-preview-newsletter")
                .process(this::preview);
    }

    private void preview(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        var sent = outbox.latestNewsletter(id);
        var post = store.get(id);
        if (sent.isEmpty() && post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        var payload = sent.orElseGet(() -> decision.preview(post.get()));
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        message.setHeader("X-Herald-Preview", sent.isPresent() ? "sent" : "not-sent");
        message.setBody(payload.html());
    }
}
