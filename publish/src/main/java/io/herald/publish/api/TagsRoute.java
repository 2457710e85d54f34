package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import io.herald.publish.TagControls;
import io.herald.support.ApiTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * A post's auto-tags and what marketers decided about them: {@code GET /api/posts/{id}/tags} lists each
 * suggestion with its state (suggested, accepted, removed) and whether it is published under the
 * {@code auto-tags} setting; {@code POST /api/posts/{id}/tags} ({@code {"accepted":[…],"removed":[…]}},
 * the API token applies) records a new decision on {@code herald.posts.controls}, which replaces the
 * last one, and answers with the tags as they are now published. Only the post's own suggestions can
 * be decided on: the author's tags are the author's.
 */
public final class TagsRoute extends RouteBuilder {

    private final TagControls controls;
    private final Decisions decisions;
    private final Optional<String> apiToken;

    public TagsRoute(PostStore store, Release release, Optional<String> apiToken) {
        this.controls = release.decisions();
        this.decisions = new Decisions(store, release, apiToken);
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from(PublishHttp.TAGS.uri())
                .routeId(PublishHttp.TAGS.routeId())
                .process(e -> {
                    String id = e.getMessage().getHeader("id", String.class);
                    // A post that waits for its time or approval is shown only with the token.
                    boolean token = ApiTokens.refusal(apiToken, e.getMessage().getHeader("Authorization", String.class)).isEmpty();
                    decisions.find(id).filter(p -> token || decisions.isPublic(p.id()))
                            .ifPresentOrElse(post -> Responses.json(e, 200, Json.write(view(post))), () -> Responses.noSuchPost(e, id));
                });
        decisions.decide(from(PublishHttp.TAG_DECISION.uri()).routeId(PublishHttp.TAG_DECISION.routeId()),
                (post, isPublic, before, body) -> {
                    PostControls asked = TagDecision.read(post, body, Instant.now());
                    // The rest of what was decided about the post (its schedule, its snippets) stays as it was.
                    return before.withTags(asked.acceptedTags(), asked.removedTags(), asked.updated());
                },
                (e, post) -> Responses.json(e, 200, Json.write(view(post))));
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
}
