package io.herald.publish.newsletter;

import io.herald.events.EnrichedPost;
import io.herald.events.NewsletterPayload;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.publish.HoldWindow;
import io.herald.publish.Outbound;
import io.herald.publish.OutboundErrorPolicy;
import io.herald.publish.EnrichedRecords;
import io.herald.publish.Outbox;
import io.herald.publish.Release;
import io.herald.support.ConsumerGroups;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** {@code publish-newsletter}: each version of a post on the enriched topic, and the newsletter it sends, if any. */
public final class NewsletterRoute extends RouteBuilder {

    private final NewsletterDecision decision;
    private final Outbox outbox;
    private final HoldWindow window;
    private final EnrichedRecords records;

    public NewsletterRoute(NewsletterDecision decision, Outbox outbox, HoldWindow window, EnrichedRecords records) {
        this.decision = decision;
        this.outbox = outbox;
        this.window = window;
        this.records = records;
    }

    @Override
    public void configure() {
        // This consumer owns the enriched records' unreadable ones: it sends them to the DLQ, once.
        var posts = from(Outbound.consumer(Topics.POSTS_ENRICHED, ConsumerGroups.NEWSLETTER, window))
                .routeId("publish-newsletter")
                .routeConfigurationId(OutboundErrorPolicy.ID)
                .process(records.typed(true))
                .process(e -> window.observe(e.getMessage().getHeader(KafkaConstants.KEY, String.class),
                        e.getMessage().getBody(EnrichedPost.class)))
                // A post published later (scheduled, or approved) is sent when due, by ReleaseRoute.
                .filter(e -> e.getMessage().getBody() != null && !Release.deferred(e.getMessage().getBody(EnrichedPost.class)));
        // Decided once the hold is over, so a marketer's decision about tags made meanwhile is in it.
        var decided = Outbound.hold(posts, window, b -> ((EnrichedPost) b).id())
                .process(records.asDecidedNow())
                .process(e -> UnusableRecord.whileProcessing(() -> decide(e)))
                .filter(body().isNotNull());
        Outbound.send(decided, Topics.NEWSLETTER, p -> ((NewsletterPayload) p).postId(), outbox);
    }

    private void decide(Exchange exchange) {
        EnrichedPost post = exchange.getMessage().getBody(EnrichedPost.class);
        exchange.getMessage().setBody(decision.decide(post, outbox).orElse(null));
    }
}
