package io.herald.transform.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.events.Rejection;
import io.herald.testkit.RouteTests;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code transform-enrich} on its own: a raw post in, its enriched version out; what cannot be read to the DLQ; a deletion passed on. */
class EnrichRouteTest extends CamelTestSupport {

    private final Pipeline pipeline = new Pipeline(new VersionLedger(), Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new EnrichRoute(pipeline);
    }

    @BeforeEach
    void alone() throws Exception {
        RouteTests.noBroker(context);
        RouteTests.alone(context, "transform-enrich");
        context.start();
    }

    private void send(String key, byte[] value) {
        template.sendBodyAndHeaders("direct:transform-enrich", value,
                Map.of(KafkaConstants.KEY, key, KafkaConstants.TOPIC, "herald.posts.raw", KafkaConstants.PARTITION, 0, KafkaConstants.OFFSET, 7L));
    }

    @Test
    void a_raw_post_becomes_its_enriched_first_version_keyed_by_its_id() throws Exception {
        MockEndpoint enriched = getMockEndpoint("mock:kafka:herald.posts.enriched");
        enriched.expectedMessageCount(1);
        enriched.expectedHeaderReceived(KafkaConstants.KEY, "garden-faq");
        RawPost raw = RawPost.builder().id("garden-faq").source("http").contentType("text/plain").body("body")
                .receivedAt(Instant.parse("2026-03-01T09:00:00Z")).contentHash("h1").title("Garden FAQ").intro("Intro words here.")
                .qa(List.of(new QaPair("When do I sow beans?", "In May, once the soil is warm."))).build();
        send("garden-faq", Json.write(raw).getBytes(StandardCharsets.UTF_8));
        enriched.assertIsSatisfied();
        EnrichedPost post = Json.read(enriched.getExchanges().get(0).getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                EnrichedPost.class);
        assertEquals(1, post.version());
        assertEquals("Garden FAQ", post.title());
        getMockEndpoint("mock:kafka:herald.dlq").expectedMessageCount(0);
        getMockEndpoint("mock:kafka:herald.dlq").assertIsSatisfied();
    }

    @Test
    void an_unreadable_record_goes_to_the_dlq_with_the_stage_its_origin_and_its_bytes() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:kafka:herald.dlq");
        dlq.expectedMessageCount(1);
        send("broken", "{not json".getBytes(StandardCharsets.UTF_8));
        dlq.assertIsSatisfied();
        Rejection r = Json.read(dlq.getExchanges().get(0).getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8),
                Rejection.class);
        assertEquals("transform", r.stage());
        assertEquals("herald.posts.raw", r.originTopic());
        assertEquals(7L, r.originOffset());
        assertEquals("{not json", new String(java.util.Base64.getDecoder().decode(r.originalBase64()), StandardCharsets.UTF_8));
        assertTrue(r.reason() != null && !r.reason().isBlank(), "a reason");
        getMockEndpoint("mock:kafka:herald.posts.enriched").expectedMessageCount(0);
        getMockEndpoint("mock:kafka:herald.posts.enriched").assertIsSatisfied();
    }

    @Test
    void a_deletion_goes_on_to_the_enriched_topic_as_a_tombstone() throws Exception {
        MockEndpoint enriched = getMockEndpoint("mock:kafka:herald.posts.enriched");
        enriched.expectedMessageCount(1);
        enriched.expectedHeaderReceived(KafkaConstants.KEY, "gone");
        send("gone", null);
        enriched.assertIsSatisfied();
        assertNull(enriched.getExchanges().get(0).getMessage().getBody());
    }
}
