package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.CmsWebhookParser;
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

/**
 * The HTTP sources: {@code POST /api/posts} (a post in the body, any supported format) and
 * {@code POST /api/webhooks/cms} (a CMS's published-post notification). Both answer 202 only
 * once the record is on {@code herald.posts.raw}.
 */
public final class HttpIngestRoute extends RouteBuilder {

    private static final String STORE = "direct:ingest-http-store";

    private final Intake intake;
    private final PostLedger ledger;
    private final Optional<String> apiToken;
    private final CmsWebhookParser webhooks = new CmsWebhookParser();

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
                .process(this::acceptPost)
                .to(STORE);

        from("platform-http:/api/webhooks/cms?httpMethodRestrict=POST")
                .routeId("ingest-webhook")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(IngestErrorPolicy.SOURCE, constant("webhook"))
                .process(this::checkToken)
                .process(this::acceptNotification)
                .choice()
                    .when(exchangeProperty("heraldIgnored").isEqualTo(true))
                        .process(e -> respond(e, Map.of("status", "ignored",
                                "detail", "The post is not published (draft, scheduled or private), so Herald leaves it.")))
                    .otherwise()
                        .to(STORE)
                .end();

        from(STORE)
                .routeId("ingest-http-store")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .choice()
                    .when(exchangeProperty("heraldUnchanged").isEqualTo(true))
                        .process(e -> respond(e, "unchanged"))
                    .otherwise()
                        .process(HttpIngestRoute::toRecord)
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

    private byte[] body(Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > intake.maxBytes()) {
            throw intake.tooLarge(declared);
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty(IngestErrorPolicy.ORIGINAL, body);
        return body;
    }

    private void acceptPost(Exchange exchange) {
        byte[] body = body(exchange);
        remember(exchange, intake.accept(body, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class), "http"));
    }

    private void acceptNotification(Exchange exchange) {
        byte[] body = body(exchange);
        if (body == null || body.length == 0) {
            throw RejectedPost.badRequest("The webhook body is empty.");
        }
        String json = new String(body, StandardCharsets.UTF_8);
        Optional<CmsWebhookParser.Notification> notification = Intake.readable("CMS webhook", () -> webhooks.parse(json));
        exchange.setProperty("heraldIgnored", notification.isEmpty());
        if (notification.isPresent()) {
            CmsWebhookParser.Notification n = notification.get();
            remember(exchange, intake.acceptParsed(n.post(), json, "application/json", "webhook:" + n.cms(), n.contentHash()));
        }
    }

    private static void remember(Exchange exchange, Intake.Outcome outcome) {
        exchange.setProperty("heraldUnchanged", outcome.unchanged());
        exchange.setProperty("heraldId", outcome.post().id());
        exchange.setProperty("heraldHash", outcome.post().contentHash());
        exchange.getMessage().setBody(outcome.post());
    }

    private static void toRecord(Exchange exchange) {
        var message = exchange.getMessage();
        String json = Json.write(message.getBody());
        // HTTP headers (Authorization among them) must not travel into Kafka record headers.
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, exchange.getProperty("heraldId", String.class));
        message.setBody(json);
    }

    private static void respond(Exchange exchange, String status) {
        respond(exchange, Map.of("id", exchange.getProperty("heraldId", String.class), "status", status));
    }

    private static void respond(Exchange exchange, Map<String, String> body) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.write(body));
    }
}
