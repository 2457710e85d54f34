package io.herald.ingest.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.events.Rejection;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.testkit.RouteTests;
import io.herald.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest-inbox} on its own, on a real folder and without a broker: a post file is written and moved to .done, a file it cannot read to .failed with its reason and to the DLQ. */
class InboxRouteTest extends CamelTestSupport {

    @TempDir
    static Path inbox;

    private final PostLedger ledger = new PostLedger();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new IngestErrorPolicy(), new InboxRoute(new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, ledger), ledger, inbox)};
    }

    @BeforeEach
    void onItsOwn() throws Exception {
        RouteTests.noBroker(context);
        AdviceWith.adviceWith(context, "ingest-inbox", a -> a.mockEndpointsAndSkip("kafka:*"));
        context.start();
    }

    @Test
    void a_post_dropped_in_is_written_keyed_by_its_id_and_moved_to_done() throws Exception {
        MockEndpoint raw = getMockEndpoint("mock:kafka:herald.posts.raw");
        raw.expectedMessageCount(1);
        Files.write(inbox.resolve("webinar.txt"), Samples.bytes(Samples.WEBINAR));
        raw.assertIsSatisfied(20_000);
        assertEquals(Samples.WEBINAR_ID, raw.getExchanges().get(0).getMessage().getHeader(KafkaConstants.KEY));
        RawPost post = Json.read(raw.getExchanges().get(0).getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8), RawPost.class);
        assertEquals(Samples.WEBINAR_PAIRS, post.qa().size());
        assertEquals("inbox:webinar.txt", post.source());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/webinar.txt")));
    }

    @Test
    void a_file_it_cannot_read_goes_to_failed_with_the_reason_beside_it_and_to_the_dlq() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:kafka:herald.dlq");
        dlq.expectedMessageCount(1);
        Files.write(inbox.resolve("slides.pptx"), new byte[] {1, 2, 3});
        dlq.assertIsSatisfied(20_000);
        Rejection r = Json.read(dlq.getExchanges().get(0).getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8), Rejection.class);
        assertEquals("ingest", r.stage());
        assertTrue(r.reason().contains("slides.pptx"), r.reason());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".failed/slides.pptx.error.txt")));
        String error = Files.readString(inbox.resolve(".failed/slides.pptx.error.txt"));
        assertTrue(error.contains("slides.pptx") && error.contains(".md"), error);
        getMockEndpoint("mock:kafka:herald.posts.raw").expectedMessageCount(0);
        getMockEndpoint("mock:kafka:herald.posts.raw").assertIsSatisfied();
    }
}
