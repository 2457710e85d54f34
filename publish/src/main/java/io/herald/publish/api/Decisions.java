package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.events.Topics;
import io.herald.publish.ControlsRoute;
import io.herald.publish.PostStore;
import io.herald.publish.Release;
import io.herald.support.ApiTokens;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.Builder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * What the dashboard's decisions about a post (its tags, its schedule, its snippets) have in common:
 * the token, the post (public, or waiting for its time or approval), the decision read from the body
 * on top of the one before, then the decision written whole to {@code herald.posts.controls}, applied
 * on this instance at once (the others apply it when they read it), and answered.
 */
final class Decisions {

    private static final String DECIDED = "heraldDecided";

    /** Reads a decision from a request's body, on top of the post's last one, or says why not. */
    interface Reader {
        PostControls read(EnrichedPost post, boolean isPublic, PostControls before, byte[] body) throws TagDecision.Refused;
    }

    private final PostStore store;
    private final Release release;
    private final Optional<String> apiToken;

    Decisions(PostStore store, Release release, Optional<String> apiToken) {
        this.store = store;
        this.release = release;
        this.apiToken = apiToken;
    }

    /** Whether the request lacks the token it needs (then it is answered 401). */
    boolean refused(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        refusal.ifPresent(r -> Problems.respond(exchange, 401, "Unauthorized", r));
        return refusal.isPresent();
    }

    /** The post, public or waiting (with the tags as decided), and whether it is public. */
    Optional<EnrichedPost> find(String id) {
        return store.get(id).or(() -> release.pending(id).map(release.decisions()::served));
    }

    boolean isPublic(String id) {
        return store.get(id).isPresent();
    }

    /**
     * Appends to {@code route}: the decision is read ({@code reader}), written to the controls topic and
     * applied here, then {@code answer} answers with the post as it is now.
     */
    ProcessorDefinition<?> decide(ProcessorDefinition<?> route, Reader reader, BiConsumer<Exchange, EnrichedPost> answer) {
        return route.process(e -> read(e, reader))
                .filter(Builder.exchangeProperty(DECIDED).isNotNull())
                    .process(e -> {
                        PostControls d = e.getProperty(DECIDED, PostControls.class);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(KafkaConstants.KEY, d.postId());
                        e.getMessage().setBody(Json.write(d));
                    })
                    .to(KafkaEndpoints.to(Topics.POSTS_CONTROLS))
                    .process(applied(answer))
                .end();
    }

    private Processor applied(BiConsumer<Exchange, EnrichedPost> answer) {
        return e -> {
            PostControls d = e.getProperty(DECIDED, PostControls.class);
            ControlsRoute.apply(release.decisions(), store, d.postId(), d);
            release.decided(d.postId(), Instant.now());
            // Deleted meanwhile (a tombstone read between the decision and this answer): 404, not a 500.
            find(d.postId()).ifPresentOrElse(post -> answer.accept(e, post), () -> Responses.noSuchPost(e, d.postId()));
        };
    }

    private void read(Exchange exchange, Reader reader) {
        if (refused(exchange)) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<EnrichedPost> post = find(id);
        if (post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        PostControls before = release.decisions().of(post.get().id()).orElse(PostControls.none(post.get().id()));
        try {
            exchange.setProperty(DECIDED, reader.read(post.get(), isPublic(post.get().id()), before,
                    exchange.getMessage().getBody(byte[].class)));
        } catch (TagDecision.Refused r) {
            Problems.respond(exchange, r.status(), r.title(), r.getMessage());
        }
    }
}
