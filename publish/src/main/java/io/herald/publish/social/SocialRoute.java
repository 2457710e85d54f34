package io.herald.publish.social;

import io.herald.events.EnrichedPost;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.publish.HoldWindow;
import io.herald.publish.Outbound;
import io.herald.publish.OutboundErrorPolicy;
import io.herald.publish.EnrichedRecords;
import io.herald.publish.Outbox;
import io.herald.publish.Release;
import io.herald.support.ConsumerGroups;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** {@code publish-social}: on a post's first publication, its snippets, one record each on {@code herald.social}. */
public final class SocialRoute extends RouteBuilder {

    private final SocialPlan plan;
    private final Outbox outbox;
    private final HoldWindow window;
    private final EnrichedRecords records;

    public SocialRoute(SocialPlan plan, Outbox outbox, HoldWindow window, EnrichedRecords records) {
        this.plan = plan;
        this.outbox = outbox;
        this.window = window;
        this.records = records;
    }

    @Override
    public void configure() {
        var posts = from(Outbound.consumer(Topics.POSTS_ENRICHED, ConsumerGroups.SOCIAL, window))
                .routeId("publish-social")
                .routeConfigurationId(OutboundErrorPolicy.ID)
                .process(records.typed(false))
                .process(e -> window.observe(e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                        e.getMessage().getBody(EnrichedPost.class)))
                // A post published later (scheduled, or approved) is sent when due, by ReleaseRoute.
                .filter(e -> e.getMessage().getBody() != null && !Release.deferred(e.getMessage().getBody(EnrichedPost.class)));
        // Planned once the hold is over, so a marketer's decision about tags made meanwhile is in the hashtags.
        var split = Outbound.hold(posts, window, b -> ((EnrichedPost) b).id())
                .process(records.asDecidedNow())
                .process(e -> UnusableRecord.whileProcessing(() -> plan(e)))
                .filter(body().isNotNull())
                .split(body());
        Outbound.send(split, Topics.SOCIAL, p -> ((SocialSnippet) p).postId(), outbox).end();
    }

    private void plan(Exchange exchange) {
        EnrichedPost post = exchange.getMessage().getBody(EnrichedPost.class);
        List<SocialSnippet> snippets = plan.toSend(post, outbox);
        exchange.getMessage().setBody(snippets.isEmpty() ? null : snippets);
    }
}
