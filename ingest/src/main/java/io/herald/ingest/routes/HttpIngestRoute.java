package io.herald.ingest.routes;

import io.herald.ingest.Intake;
import io.herald.ingest.PostLedger;
import io.herald.support.Props;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP sources: {@code POST /api/posts} (a post in the body, any supported format) and
 * {@code POST /api/webhooks/cms} (a CMS's published-post notification). Both answer 202 only
 * once the record is on {@code herald.posts.raw}.
 */
public final class HttpIngestRoute extends RouteBuilder {

    private static final String STORE = "direct:ingest-http-store";

    /** A post whose sender has been let in: what {@code POST /api/posts} does after the token check. */
    public static final String POST_IN = "direct:ingest-post";

    /** A CMS notification whose sender has been let in: what {@code POST /api/webhooks/cms} does after its check. */
    public static final String NOTIFICATION_IN = "direct:ingest-notification";

    private final Intake intake;
    private final RawPosts raw;
    private final Optional<String> apiToken;
    private final CmsNotifications notifications;

    private final PostLedger ledger;

    public HttpIngestRoute(Intake intake, PostLedger ledger, Optional<String> apiToken) {
        this(intake, ledger, apiToken, Optional.empty());
    }

    /** @param ghostSecret the secret of Herald's webhooks in Ghost: a request whose Ghost signature verifies needs no token */
    public HttpIngestRoute(Intake intake, PostLedger ledger, Optional<String> apiToken, Optional<String> ghostSecret) {
        this.intake = intake;
        this.ledger = ledger;
        this.raw = new RawPosts(ledger);
        this.apiToken = apiToken;
        this.notifications = new CmsNotifications(intake, ledger, apiToken, ghostSecret);
    }

    @Override
    public void configure() {
        from(IngestHttp.PUBLISH.uri())
                .routeId(IngestHttp.PUBLISH.routeId())
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("http"))
                .process(this::checkToken)
                .to(POST_IN);
        from(POST_IN)
                .routeId("ingest-post")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("http"))
                .process(this::acceptPost)
                .to(STORE);

        // A CMS taking a post Herald has out of public view deletes it, as DELETE /api/posts/{id} does.
        raw.delete(from("direct:ingest-webhook-delete").routeId("ingest-webhook-delete")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .process(e -> RawPosts.tombstone(e, Props.DELETED.get(e), e.getProperty(CmsNotifications.WITHDRAWING_CMS, String.class))));

        from(IngestHttp.CMS.uri())
                .routeId(IngestHttp.CMS.routeId())
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("webhook"))
                .process(notifications::checkSender)
                .to(NOTIFICATION_IN);
        from(NOTIFICATION_IN)
                .routeId("ingest-notification")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("webhook"))
                .process(notifications::accept)
                .choice()
                    .when(e -> Props.DELETED.get(e) != null)
                        .to("direct:ingest-webhook-delete")
                    .when(e -> IngestProps.STALE.get(e) != null)
                        .process(e -> respond(e, Map.of("status", "ignored", "detail", IngestProps.STALE.get(e))))
                    .when(IngestProps.IGNORED.is(true))
                        .process(e -> respond(e, Map.of("status", "ignored",
                                "detail", "The post is not public (a draft, scheduled, private, members-only, paid, password-protected "
                                        + "or deleted post), and Herald does not have it, so there is nothing to withdraw.")))
                    .otherwise()
                        .to(STORE)
                .end();

        // The 202 goes out only after the broker has the record (acks=all): accepted means kept.
        var store = from(STORE)
                .routeId("ingest-http-store")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .filter(Props.UNCHANGED.is(false));
        raw.write(store).end()
                .process(e -> respond(e, Props.UNCHANGED.get(e) ? "unchanged" : "accepted"));
    }

    private void checkToken(Exchange exchange) {
        ApiToken.check(apiToken, exchange);
    }

    private void acceptPost(Exchange exchange) {
        byte[] body = CmsNotifications.body(intake, exchange);
        Optional<java.time.Instant> publishAt = PublishAt.of(exchange.getMessage().getHeader("publishAt", String.class));
        Intake.Outcome outcome = intake.accept(body, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class), "http",
                Optional.ofNullable(exchange.getMessage().getHeader("id", String.class)));
        if (publishAt.isPresent() && ledger.publishedBy(outcome.post().id(), java.time.Instant.now())) {
            throw new io.herald.ingest.RejectedPost(409, "Already published", "\"" + outcome.post().id() + "\" is public already, so "
                    + "it cannot be scheduled again; send the change without publishAt. (A post waiting for approval is "
                    + "scheduled from the dashboard.)");
        }
        if (publishAt.isPresent() && !outcome.unchanged()) {
            outcome = new Intake.Outcome(outcome.post().toBuilder().publishAt(publishAt.get()).build(), false);
        }
        // HTTP headers (Authorization among them) must not travel into Kafka record headers.
        exchange.getMessage().removeHeaders("*");
        RawPosts.remember(exchange, outcome);
    }

    private static void respond(Exchange exchange, String status) {
        respond(exchange, Map.of("id", IngestProps.POST_ID.get(exchange), "status", status));
    }

    private static void respond(Exchange exchange, Map<String, String> body) {
        RawPosts.accepted(exchange, body);
    }
}
