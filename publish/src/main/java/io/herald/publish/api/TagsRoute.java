package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.events.Topics;
import io.herald.publish.ControlsRoute;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import io.herald.publish.TagControls;
import io.herald.support.ApiTokens;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * A post's auto-tags and what marketers decided about them: {@code GET /api/posts/{id}/tags} lists each
 * suggestion with its state (suggested, accepted, removed) and whether it is published under the
 * {@code auto-tags} setting; {@code POST /api/posts/{id}/tags} ({@code {"accepted":[…],"removed":[…]}},
 * the API token applies) records a new decision on {@code herald.posts.controls}, which replaces the
 * last one, and answers with the tags as they are now published. Only the post's own suggestions can
 * be decided on: the author's tags are the author's.
 */
public final class TagsRoute extends RouteBuilder {

    private static final String DECIDED = "heraldDecided";

    private final PostStore store;
    private final TagControls controls;
    private final Release release;
    private final Optional<String> apiToken;

    public TagsRoute(PostStore store, Release release, Optional<String> apiToken) {
        this.store = store;
        this.controls = release.decisions();
        this.release = release;
        this.apiToken = apiToken;
    }

    /** A public post, or one that waits for its time or approval (shown only with the token). */
    private Optional<EnrichedPost> find(String id, boolean withToken) {
        Optional<EnrichedPost> p = store.get(id);
        return p.isPresent() || !withToken ? p : release.pending(id).map(controls::served);
    }

    @Override
    public void configure() {
        from(PublishHttp.TAGS.uri())
                .routeId(PublishHttp.TAGS.routeId())
                .process(e -> {
                    String id = e.getMessage().getHeader("id", String.class);
                    boolean token = ApiTokens.refusal(apiToken, e.getMessage().getHeader("Authorization", String.class)).isEmpty();
                    find(id, token).ifPresentOrElse(post -> Responses.json(e, 200, Json.write(view(post))),
                            () -> Responses.noSuchPost(e, id));
                });
        from(PublishHttp.TAG_DECISION.uri())
                .routeId(PublishHttp.TAG_DECISION.routeId())
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
                        // This instance publishes the decision at once; the others when they read it.
                        ControlsRoute.apply(controls, store, d.postId(), d);
                        release.decided(d.postId(), Instant.now());
                        Responses.json(e, 200, Json.write(view(find(d.postId(), true).orElseThrow())));
                    })
                .end();
    }

    /** The post's suggestions, their states, and the tags published now. */
    Map<String, Object> view(EnrichedPost post) {
        List<Map<String, Object>> suggestions = new ArrayList<>();
        controls.states(post).forEach((tag, state) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("tag", tag);
            s.put("state", state.toString());
            s.put("published", controls.published(state));
            suggestions.add(s);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postId", post.id());
        body.put("policy", controls.policy().toString());
        body.put("published", post.tags());
        body.put("suggestions", suggestions);
        controls.of(post.id()).ifPresent(c -> body.put("decidedAt", c.updated()));
        return body;
    }

    private void decide(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<EnrichedPost> post = find(id, true);
        if (post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        try {
            PostControls asked = TagDecision.read(post.get(), exchange.getMessage().getBody(byte[].class), Instant.now());
            // The rest of what was decided about the post (its schedule) stays as it was.
            exchange.setProperty(DECIDED, controls.of(asked.postId()).orElse(PostControls.none(asked.postId()))
                    .withTags(asked.acceptedTags(), asked.removedTags(), asked.updated()));
        } catch (TagDecision.Refused r) {
            Problems.respond(exchange, r.status(), r.title(), r.getMessage());
        }
    }
}
