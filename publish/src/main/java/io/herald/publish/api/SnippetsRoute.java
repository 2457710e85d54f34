package io.herald.publish.api;

import io.herald.events.Json;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import io.herald.publish.social.SocialPlan;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code POST /api/posts/{id}/social} (the API token applies): a marketer's own text for one network's
 * snippet of a post, while it has not gone out, as a record on {@code herald.posts.controls}; it
 * answers the snippets as they would go out now, as {@code GET} does.
 */
public final class SnippetsRoute extends RouteBuilder {

    private final Outbox outbox;
    private final SocialPlan plan;
    private final Decisions decisions;
    private final SocialState states;

    public SnippetsRoute(PostStore store, Release release, Outbox outbox, SocialPlan plan, SocialState states, Optional<String> apiToken) {
        this.states = states;
        this.outbox = outbox;
        this.plan = plan;
        this.decisions = new Decisions(store, release, apiToken);
    }

    @Override
    public void configure() {
        decisions.decide(from(PublishHttp.SNIPPET_EDIT.uri()).routeId(PublishHttp.SNIPPET_EDIT.routeId()),
                (post, isPublic, before, body) -> {
                    SnippetEdit.Edit edit = SnippetEdit.read(post, body, plan, outbox);
                    return before.withSnippetText(edit.platform(), edit.text(), Instant.now());
                },
                (e, post) -> Responses.json(e, 200, Json.write(states.of(post.id(), outbox.snippets(post.id()),
                        plan.snippets(post), false))));
    }
}
