package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.events.Topics;
import io.herald.publish.ControlsRoute;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import io.herald.support.ApiTokens;
import io.herald.support.KafkaEndpoints;
import io.herald.support.Problems;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Scheduling and approval, for the dashboard (the API token applies to both): {@code GET /api/pending}
 * lists the posts that wait for their time or approval, and {@code POST /api/posts/{id}/schedule}
 * approves a post, sets when it is published, and when its newsletter and snippets go out, as a
 * record on {@code herald.posts.controls} that every instance applies.
 */
public final class ScheduleRoute extends RouteBuilder {

    private static final String DECIDED = "heraldScheduled";

    private final PostStore store;
    private final Release release;
    private final Optional<String> apiToken;

    public ScheduleRoute(PostStore store, Release release, Optional<String> apiToken) {
        this.store = store;
        this.release = release;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from(PublishHttp.PENDING.uri()).routeId(PublishHttp.PENDING.routeId())
                .process(e -> {
                    if (refused(e)) {
                        return;
                    }
                    List<Map<String, Object>> posts = release.pending().stream()
                            .sorted(Comparator.comparing((EnrichedPost p) -> release.publishAt(p), Comparator.nullsFirst(Comparator.naturalOrder()))
                                    .thenComparing(EnrichedPost::id))
                            .map(p -> view(p, false)).toList();
                    Responses.json(e, 200, Json.write(Map.of("posts", posts)));
                });
        from(PublishHttp.SCHEDULE_VIEW.uri()).routeId(PublishHttp.SCHEDULE_VIEW.routeId())
                .process(e -> {
                    if (refused(e)) {
                        return;
                    }
                    String id = e.getMessage().getHeader("id", String.class);
                    Optional<EnrichedPost> pub = store.get(id);
                    pub.or(() -> release.pending(id)).ifPresentOrElse(p -> Responses.json(e, 200, Json.write(view(p, pub.isPresent()))),
                            () -> Responses.noSuchPost(e, id));
                });
        from(PublishHttp.SCHEDULE.uri()).routeId(PublishHttp.SCHEDULE.routeId())
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
                        Optional<EnrichedPost> now = store.get(d.postId());
                        Responses.json(e, 200, Json.write(view(now.or(() -> release.pending(d.postId())).orElseThrow(), now.isPresent())));
                    })
                .end();
    }

    /** A post's schedule as the dashboard shows it. */
    Map<String, Object> view(EnrichedPost p, boolean isPublic) {
        PostControls c = release.decisions().of(p.id()).orElse(PostControls.none(p.id()));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("title", p.title());
        v.put("version", p.version());
        v.put("state", isPublic ? "published" : release.approved(p) ? "scheduled" : "awaiting-approval");
        v.put("publishAt", release.publishAt(p));
        v.put("needsApproval", p.needsApproval());
        v.put("approved", release.approved(p));
        // Only a post published later has plans of its own; the others' newsletter and snippets went with them.
        v.put("later", Release.deferred(p));
        v.put("newsletter", c.newsletter() == null ? PostControls.WITH_POST : c.newsletter());
        v.put("newsletterAt", c.newsletterAt());
        v.put("snippets", c.snippets() == null ? PostControls.WITH_POST : c.snippets());
        v.put("snippetsAt", c.snippetsAt());
        return v;
    }

    private boolean refused(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        refusal.ifPresent(r -> Problems.respond(exchange, 401, "Unauthorized", r));
        return refusal.isPresent();
    }

    private void decide(Exchange exchange) {
        if (refused(exchange)) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<EnrichedPost> pub = store.get(id);
        Optional<EnrichedPost> post = pub.or(() -> release.pending(id));
        if (post.isEmpty()) {
            Responses.noSuchPost(exchange, id);
            return;
        }
        PostControls before = release.decisions().of(post.get().id()).orElse(PostControls.none(post.get().id()));
        try {
            exchange.setProperty(DECIDED, ScheduleDecision.read(post.get(), pub.isPresent(), before,
                    exchange.getMessage().getBody(byte[].class), Instant.now()));
        } catch (TagDecision.Refused r) {
            Problems.respond(exchange, r.status(), r.title(), r.getMessage());
        }
    }
}
