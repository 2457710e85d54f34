package io.herald.publish.newsletter;

import io.herald.events.EnrichedPost;
import io.herald.events.NewsletterPayload;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.publish.HoldWindow;
import io.herald.publish.Outbound;
import io.herald.publish.OutboundErrorPolicy;
import io.herald.publish.OutboundRecords;
import io.herald.publish.Outbox;
import io.herald.support.ConsumerGroups;
import io.herald.support.Props;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** {@code publish-newsletter}: each version of a post on the enriched topic, and the newsletter it sends, if any. */
public final class NewsletterRoute extends RouteBuilder {

    private final NewsletterDecision decision;
    private final Outbox outbox;
    private final HoldWindow window;
    private final OutboundRecords records;

    public NewsletterRoute(NewsletterDecision decision, Outbox outbox, HoldWindow window) {
        this.decision = decision;
        this.outbox = outbox;
        this.window = window;
        this.records = new OutboundRecords(window, true);
    }

    @Override
    public void configure() {
        var decided = from("kafka:" + Topics.POSTS_ENRICHED.name() + "?groupId=" + ConsumerGroups.NEWSLETTER + Outbound.consumerOptions(window)
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("publish-newsletter")
                .routeConfigurationId(OutboundErrorPolicy.ID)
                .process(e -> Props.ORIGINAL.set(e, e.getMessage().getBody(byte[].class)))
                .process(e -> UnusableRecord.whileProcessing(() -> decide(e)))
                .filter(body().isNotNull());
        Outbound.send(Outbound.hold(decided, window, b -> ((NewsletterPayload) b).postId()),
                Topics.NEWSLETTER.name(), p -> ((NewsletterPayload) p).postId(), outbox);
    }

    private void decide(Exchange exchange) {
        EnrichedPost post = records.read(exchange.getMessage().getHeader(KafkaConstants.KEY, String.class),
                exchange.getMessage().getBody(byte[].class));
        exchange.getMessage().setBody(post == null ? null : decision.decide(post, outbox).orElse(null));
    }
}
