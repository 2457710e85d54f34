package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.events.Rejection;
import io.herald.publish.newsletter.NewsletterDecision;
import io.herald.publish.newsletter.NewsletterRenderer;
import io.herald.publish.newsletter.NewsletterRoute;
import io.herald.publish.social.Platform;
import io.herald.publish.social.SocialPlan;
import io.herald.publish.social.SocialRoute;
import io.herald.support.Settings.NewsletterOnEdit;
import io.herald.testkit.RouteTests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three consumers of {@code herald.posts.enriched} in one publish process (the store, newsletters,
 * social), on their own without a broker: each record is parsed and made safe once for all three, and
 * an unreadable one reaches the DLQ once, from the newsletter consumer, while the others pass over it.
 */
class EnrichedConsumersRouteTest extends CamelTestSupport {

    private static final List<String> ROUTES = List.of("publish-store", "publish-newsletter", "publish-social");

    private final PostStore store = new PostStore();
    private final Outbox outbox = new Outbox();
    private final TagControls decisions = new TagControls(io.herald.support.Settings.AutoTags.PUBLIC);
    private final EnrichedRecords records = new EnrichedRecords(decisions);
    private final HoldWindow window = new HoldWindow(Duration.ZERO, store);

    static final EnrichedPost POST = EnrichedPost.builder().id("p").title("Opening hours").published(Instant.EPOCH)
            .updated(Instant.EPOCH).language("en").qa(List.of(new EnrichedQa("when", "When?", "Nine to five.", null)))
            .tags(List.of("shop")).summary("Nine to five.").readingTimeMinutes(1).wordCount(4).contentHash("h")
            .receivedAt(Instant.EPOCH).version(1).build();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new OutboundErrorPolicy(), new StoreRoute(new Release(decisions, store), records, new StoreStart(java.util.Optional.empty(), "test")),
            new NewsletterRoute(new NewsletterDecision(new NewsletterRenderer("https://herald.example"), NewsletterOnEdit.NONE), outbox,
                    window, records),
            new SocialRoute(new SocialPlan("https://herald.example", List.of(Platform.X, Platform.MASTODON), false), outbox, window,
                    records)};
    }

    @BeforeEach
    void alone() throws Exception {
        RouteTests.noBroker(context);
        for (String id : ROUTES) {
            RouteTests.alone(context, id);
        }
        context.start();
    }

    private void toEveryConsumer(byte[] value, long offset) {
        for (String id : ROUTES) {
            template.sendBodyAndHeaders("direct:" + id, value, Map.of(KafkaConstants.KEY, "p", KafkaConstants.TOPIC,
                    "herald.posts.enriched", KafkaConstants.PARTITION, 1, KafkaConstants.OFFSET, offset));
        }
    }

    @Test
    void a_record_read_by_the_store_the_newsletter_and_social_is_parsed_and_made_safe_once() throws Exception {
        MockEndpoint newsletters = getMockEndpoint("mock:kafka:herald.newsletter");
        MockEndpoint snippets = getMockEndpoint("mock:kafka:herald.social");
        newsletters.expectedMessageCount(1);
        snippets.expectedMessageCount(2);
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(3).create();
        toEveryConsumer(Json.write(POST).getBytes(StandardCharsets.UTF_8), 40);
        assertTrue(done.matches(10, java.util.concurrent.TimeUnit.SECONDS), "the three consumers took the record");
        newsletters.assertIsSatisfied();
        snippets.assertIsSatisfied();
        assertEquals(1, records.parsed(), "one parse and sanitize for the three consumers");
        assertEquals("Opening hours", store.get("p").orElseThrow().title());
    }

    @Test
    void an_unreadable_record_reaches_the_dlq_once_and_the_store_and_social_pass_over_it() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:kafka:herald.dlq");
        dlq.expectedMessageCount(1);
        getMockEndpoint("mock:kafka:herald.social").expectedMessageCount(0);
        toEveryConsumer("{\"id\": 3".getBytes(StandardCharsets.UTF_8), 41);
        dlq.assertIsSatisfied();
        Rejection r = Json.read(dlq.getExchanges().get(0).getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                Rejection.class);
        assertEquals("publish", r.stage());
        assertEquals(41L, r.originOffset());
        getMockEndpoint("mock:kafka:herald.social").assertIsSatisfied();
        assertEquals(0, store.size(), "nothing stored");
    }
}
