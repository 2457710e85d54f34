package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.publish.PostStore;
import io.herald.publish.PublishHttp;
import io.herald.publish.Release;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scheduling and approval, for the dashboard (the API token applies to both): {@code GET /api/pending}
 * lists the posts that wait for their time or approval, and {@code POST /api/posts/{id}/schedule}
 * approves a post, sets when it is published, and when its newsletter and snippets go out, as a
 * record on {@code herald.posts.controls} that every instance applies.
 */
public final class ScheduleRoute extends RouteBuilder {

    private final Release release;
    private final Decisions decisions;

    public ScheduleRoute(PostStore store, Release release, Optional<String> apiToken) {
        this.release = release;
        this.decisions = new Decisions(store, release, apiToken);
    }

    @Override
    public void configure() {
        from(PublishHttp.PENDING.uri()).routeId(PublishHttp.PENDING.routeId())
                .process(e -> {
                    if (decisions.refused(e)) {
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
                    if (decisions.refused(e)) {
                        return;
                    }
                    String id = e.getMessage().getHeader("id", String.class);
                    decisions.find(id).ifPresentOrElse(p -> Responses.json(e, 200, Json.write(view(p, decisions.isPublic(p.id())))),
                            () -> Responses.noSuchPost(e, id));
                });
        decisions.decide(from(PublishHttp.SCHEDULE.uri()).routeId(PublishHttp.SCHEDULE.routeId()),
                (post, isPublic, before, body) -> ScheduleDecision.read(post, isPublic, before, body, Instant.now()),
                (e, post) -> Responses.json(e, 200, Json.write(view(post, decisions.isPublic(post.id())))));
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
}
