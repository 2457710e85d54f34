package io.herald.ingest.routes;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.support.Props;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code ingest-delete}: {@code DELETE /api/posts/{id}} (the API token applies) writes the post's
 * tombstone to {@code herald.posts.raw}; transform passes it on and the post leaves every feed. The
 * same content sent again afterwards is a new post, not "unchanged".
 */
public final class DeleteRoute extends RouteBuilder {

    private final PostLedger ledger;
    private final Optional<String> apiToken;

    public DeleteRoute(PostLedger ledger, Optional<String> apiToken) {
        this.ledger = ledger;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from("platform-http:/api/posts/{id}?httpMethodRestrict=DELETE")
                .routeId("ingest-delete")
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("http delete"))
                .process(e -> ApiToken.check(apiToken, e))
                .process(this::tombstone)
                .to("kafka:" + Topics.POSTS_RAW.name())
                .process(e -> ledger.forget(Props.POST_ID.get(e)))
                .process(DeleteRoute::respond);
    }

    private void tombstone(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (id == null || !ledger.knows(id)) {
            throw new RejectedPost(404, "Not found", "There is no post with id \"" + id + "\" to delete.");
        }
        Props.POST_ID.set(exchange, id);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(KafkaConstants.KEY, id);
        exchange.getMessage().setBody(null);
    }

    private static void respond(Exchange exchange) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.write(Map.of("id", Props.POST_ID.get(exchange), "status", "deleted")));
    }
}
