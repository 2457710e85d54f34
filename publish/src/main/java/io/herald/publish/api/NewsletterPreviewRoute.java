package io.herald.publish.api;

import io.herald.support.HttpAnswers;
import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.delivery.Deliveries;
import io.herald.publish.newsletter.NewsletterDecision;
import io.herald.publish.newsletter.NewsletterState;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.publish.Html;
import io.herald.support.Masking;

/**
 * {@code publish-preview-newsletter}: {@code GET /api/posts/{id}/newsletter}, the post's newsletter
 * as it went out (the latest payload sent), or, for a post not announced yet, what would go out now.
 * {@code X-Herald-Preview} says where it is ({@link NewsletterState}: {@code not-sent}, {@code skipped},
 * {@code pending}, {@code sent}, {@code failed}) and {@code X-Herald-Preview-Reason} why, when there is a
 * reason. With {@code Accept: application/json} the answer is that state as JSON instead of the HTML.
 */
public final class NewsletterPreviewRoute extends RouteBuilder {

    private final PostStore store;
    private final Outbox outbox;
    private final NewsletterDecision decision;
    private final Deliveries deliveries;
    private final boolean webhook;

    public NewsletterPreviewRoute(PostStore store, Outbox outbox, NewsletterDecision decision, Deliveries deliveries, boolean webhook) {
        this.store = store;
        this.outbox = outbox;
        this.decision = decision;
        this.deliveries = deliveries;
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        from(PublishHttp.NEWSLETTER.uri())
                .routeId(PublishHttp.NEWSLETTER.routeId())
                .process(this::preview);
    }

    private void preview(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        String accept = exchange.getMessage().getHeader("Accept", String.class);
        var sent = outbox.latestNewsletter(id);
        var post = store.get(id);
        if (sent.isEmpty() && post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        NewsletterState state = NewsletterState.of(post, sent, decision, deliveries, webhook);
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            Responses.json(exchange, 200, Json.write(state.fields()));
            return;
        }
        var message = HttpAnswers.start(exchange, 200, "text/html; charset=utf-8");
        message.setHeader("X-Herald-Preview", state.state());
        if (state.reason() != null) {
            // A header value is one line of visible ASCII: a reason from a remote server is kept to that.
            message.setHeader("X-Herald-Preview-Reason", Masking.text(state.reason()).replaceAll("[^\\x20-\\x7e]", "?"));
        }
        // Shown on the dashboard's origin: sandboxed (no script, no same origin), never sniffed, and
        // sanitized again here, whatever the stored payload holds.
        message.setHeader("Content-Security-Policy", Html.SANDBOX_CSP);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(Html.sanitizeDocument(state.payload().html()));
    }
}
