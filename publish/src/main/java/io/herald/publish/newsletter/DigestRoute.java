package io.herald.publish.newsletter;

import io.herald.support.DigestSchedule;
import io.herald.events.NewsletterPayload;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.GroupOwnership;
import io.herald.publish.Outbound;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.events.EnrichedPost;
import java.util.function.Predicate;

/** {@code publish-digest}: on its schedule, a digest of the posts of each window that has any. */
public final class DigestRoute extends RouteBuilder {

    private final DigestPlanner planner;
    private final NewsletterRenderer renderer;
    private final PostStore store;
    private final Outbox outbox;
    private final Duration check;

    private final Predicate<EnrichedPost> skips;
    private final GroupOwnership ownership;

    /** @param skips posts that get no newsletter at all, digests included (a new feed's backlog, when skipped) */
    public DigestRoute(DigestSchedule schedule, NewsletterRenderer renderer, PostStore store, Outbox outbox, Duration check,
            Predicate<EnrichedPost> skips, GroupOwnership ownership) {
        this.skips = skips;
        this.ownership = ownership;
        this.planner = new DigestPlanner(schedule);
        this.renderer = renderer;
        this.store = store;
        this.outbox = outbox;
        this.check = check;
    }

    @Override
    public void configure() {
        var due = from("timer:publish-digest?delay=1000&period=" + check.toMillis())
                .routeId("publish-digest")
                .process(this::digest)
                .filter(body().isNotNull());
        Outbound.send(due, Topics.NEWSLETTER, p -> "digest", outbox);
    }

    private void digest(Exchange exchange) {
        // One instance sends the digest: the one whose newsletter consumer holds the partition the key "digest" is on.
        if (!ownership.ownsKey(ConsumerGroups.NEWSLETTER, Topics.POSTS_ENRICHED.name(), "digest")) {
            exchange.getMessage().setBody(null);
            return;
        }
        Instant now = Instant.now();
        // Only the posts of the window are read whole: the rest of the archive is passed over by its heads.
        var window = planner.window(now, outbox.digestWatermark());
        var due = window.flatMap(w -> planner.due(now, outbox.digestWatermark(), store.newest(
                (io.herald.publish.PostHead h) -> h.published() != null && h.published().isAfter(w[0]) && !h.published().isAfter(w[1]),
                0, Integer.MAX_VALUE).posts().stream().filter(skips.negate()).toList()));
        NewsletterPayload payload = due.map(d -> renderer.digest(d.posts(), d.windowEnd().toString(),
                "What's new: " + d.posts().size() + (d.posts().size() == 1 ? " post" : " posts"))).orElse(null);
        exchange.getMessage().setBody(payload != null && !outbox.sent(payload.idempotencyKey()) ? payload : null);
    }
}
