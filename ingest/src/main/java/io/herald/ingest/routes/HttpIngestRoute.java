package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** {@code POST /api/posts}: a post in the request body becomes a record on {@code herald.posts.raw}. */
public final class HttpIngestRoute extends RouteBuilder {

    private final Intake intake;
    private final PostLedger ledger;
    private final Optional<String> apiToken;

    public HttpIngestRoute(Intake intake, PostLedger ledger, Optional<String> apiToken) {
        this.intake = intake;
        this.ledger = ledger;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from("platform-http:/api/posts?httpMethodRestrict=POST")
                .routeId("ingest-http")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(IngestErrorPolicy.SOURCE, constant("http"))
                .process(this::checkToken)
                .process(this::accept)
                .choice()
                    .when(exchangeProperty("heraldUnchanged").isEqualTo(true))
                        .process(e -> respond(e, "unchanged"))
                    .otherwise()
                        .process(this::toRecord)
                        // The 202 goes out only after the broker has the record (acks=all): accepted means kept.
                        .to("kafka:" + Topics.POSTS_RAW.name())
                        .process(e -> ledger.record(e.getProperty("heraldId", String.class),
                                e.getProperty("heraldHash", String.class)))
                        .process(e -> respond(e, "accepted"))
                .end();
    }

    private void checkToken(Exchange exchange) {
        if (apiToken.isEmpty()) {
            return;
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        String expected = "Bearer " + apiToken.get();
        // Constant-time comparison, so the token cannot be guessed byte by byte from timings.
        if (header == null || !MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedPost(401, "Unauthorized", header == null
                    ? "This Herald requires an API token: send it as \"Authorization: Bearer <token>\"."
                    : "The API token is wrong.");
        }
    }

    private void accept(Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > intake.maxBytes()) {
            throw intake.tooLarge(declared);
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty(IngestErrorPolicy.ORIGINAL, body);
        Intake.Outcome outcome = intake.accept(body, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class),
                "http");
        exchange.setProperty("heraldUnchanged", outcome.unchanged());
        exchange.setProperty("heraldId", outcome.post().id());
        exchange.setProperty("heraldHash", outcome.post().contentHash());
        exchange.getMessage().setBody(outcome.post());
    }

    private void toRecord(Exchange exchange) {
        var message = exchange.getMessage();
        String json = Json.write(message.getBody());
        // HTTP headers (Authorization among them) must not travel into Kafka record headers.
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, exchange.getProperty("heraldId", String.class));
        message.setBody(json);
    }

    private static void respond(Exchange exchange, String status) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.write(Map.of("id", exchange.getProperty("heraldId", String.class), "status", status)));
    }
}
