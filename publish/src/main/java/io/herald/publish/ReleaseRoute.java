package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Event;
import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.publish.Release.Channel;
import io.herald.publish.newsletter.NewsletterDecision;
import io.herald.publish.social.SocialPlan;
import io.herald.support.ConsumerGroups;
import io.herald.support.GroupOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Posts published later, and what goes out for them. {@code publish-release} publishes each pending post
 * whose time came (every instance, each for its own store). {@code publish-release-newsletter} and
 * {@code publish-release-social} send the newsletter and snippets of such posts once due, from the
 * instance whose newsletter (or social) consumer owns the post's partition, as those consumers would
 * have; what went out is on the topics, so a restart sends what is still due and nothing twice.
 */
public final class ReleaseRoute extends RouteBuilder {

    private final Release release;
    private final PostStore store;
    private final Outbox outbox;
    private final NewsletterDecision newsletter;
    private final SocialPlan social;
    private final GroupOwnership ownership;
    private final Duration check;

    public ReleaseRoute(Release release, PostStore store, Outbox outbox, NewsletterDecision newsletter, SocialPlan social,
                        GroupOwnership ownership, Duration check) {
        this.release = release;
        this.store = store;
        this.outbox = outbox;
        this.newsletter = newsletter;
        this.social = social;
        this.ownership = ownership;
        this.check = check;
    }

    @Override
    public void configure() {
        String every = "?delay=1000&period=" + check.toMillis();
        from("timer:publish-release" + every).routeId("publish-release")
                .process(e -> release.releaseDue(Instant.now()));
        var newsletters = from("timer:publish-release-newsletter" + every).routeId("publish-release-newsletter")
                .process(e -> due(e, Channel.NEWSLETTER))
                .split(body());
        Outbound.send(newsletters, Topics.NEWSLETTER, p -> ((NewsletterPayload) p).postId(), outbox).end();
        var snippets = from("timer:publish-release-social" + every).routeId("publish-release-social")
                .process(e -> due(e, Channel.SNIPPETS))
                .split(body());
        Outbound.send(snippets, Topics.SOCIAL, p -> ((SocialSnippet) p).postId(), outbox).end();
    }

    private void due(Exchange exchange, Channel channel) {
        Instant now = Instant.now();
        String group = channel == Channel.NEWSLETTER ? ConsumerGroups.NEWSLETTER : ConsumerGroups.SOCIAL;
        List<Event> out = new ArrayList<>();
        for (String id : List.copyOf(release.waiting(channel))) {
            Optional<EnrichedPost> post = store.get(id);
            if (post.isEmpty() || !Release.deferred(post.get())) {
                release.done(channel, id);
                continue;
            }
            if (!ownership.ownsKey(group, Topics.POSTS_ENRICHED.name(), id) || !release.dueNow(channel, post.get(), now)) {
                continue;
            }
            EnrichedPost p = release.decisions().served(post.get());
            List<? extends Event> payloads = channel == Channel.NEWSLETTER
                    ? newsletter.decide(p, outbox).map(List::of).orElse(List.of())
                    : social.toSend(p, outbox);
            out.addAll(payloads);
            // Once written, the outbox knows them: the next check finds nothing more for this version.
            if (payloads.isEmpty()) {
                release.done(channel, id);
            }
        }
        exchange.getMessage().setBody(out);
    }
}
