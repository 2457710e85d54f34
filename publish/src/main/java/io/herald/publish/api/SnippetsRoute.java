package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.events.Topics;
import io.herald.publish.ControlsRoute;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import io.herald.publish.social.SocialPlan;
import io.herald.support.ApiTokens;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code POST /api/posts/{id}/social} (the API token applies): a marketer's own text for one network's
 * snippet of a post, while it has not gone out, as a record on {@code herald.posts.controls}; it
 * answers the snippets as they would go out now, as {@code GET} does.
 */
public final class SnippetsRoute extends RouteBuilder {

    private static final String DECIDED = "heraldSnippetEdit";

    private final PostStore store;
    private final Release release;
    private final Outbox outbox;
    private final SocialPlan plan;
    private final Optional<String> apiToken;

    public SnippetsRoute(PostStore store, Release release, Outbox outbox, SocialPlan plan, Optional<String> apiToken) {
        this.store = store;
        this.release = release;
        this.outbox = outbox;
        this.plan = plan;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from(PublishHttp.SNIPPET_EDIT.uri()).routeId(PublishHttp.SNIPPET_EDIT.routeId())
                .process(this::decide)
                .filter(exchangeProperty(DECIDED).isNotNull())
                    .process(e -> {
                        PostControls d = e.getProperty(DECIDED, PostControls.class);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(KafkaConstants.KEY, d.postId());
                        e.getMessage().setBody(Json.write(d));
                    })
                    .to(KafkaEndpoints.to(Topics.POSTS_CONTROLS))
                    .process(e -> {
                        PostControls d = e.getProperty(DECIDED, PostControls.class);
                        ControlsRoute.apply(release.decisions(), store, d.postId(), d);
                        release.decided(d.postId(), Instant.now());
                        EnrichedPost post = store.get(d.postId()).or(() -> release.pending(d.postId())).orElseThrow();
                        Responses.json(e, 200, Json.write(SocialPreviewRoute.state(d.postId(), outbox.snippets(d.postId()),
                                plan.snippets(post), false)));
                    })
                .end();
    }

    private void decide(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<EnrichedPost> post = store.get(id).or(() -> release.pending(id));
        if (post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        try {
            SnippetEdit.Edit edit = SnippetEdit.read(post.get(), exchange.getMessage().getBody(byte[].class), plan, outbox);
            exchange.setProperty(DECIDED, release.decisions().of(post.get().id()).orElse(PostControls.none(post.get().id()))
                    .withSnippetText(edit.platform(), edit.text(), Instant.now()));
        } catch (TagDecision.Refused r) {
            Problems.respond(exchange, r.status(), r.title(), r.getMessage());
        }
    }
}
