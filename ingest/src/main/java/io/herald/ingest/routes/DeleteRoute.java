package io.herald.ingest.routes;

import io.herald.ingest.PostLedger;
import io.herald.ingest.RejectedPost;
import io.herald.support.Props;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.support.PostIds;

/**
 * {@code ingest-delete}: {@code DELETE /api/posts/{id}} (the API token applies) writes the post's
 * tombstone to {@code herald.posts.raw}; transform passes it on and the post leaves every feed. The
 * same content sent again afterwards is a new post, not "unchanged".
 */
public final class DeleteRoute extends RouteBuilder {

    private final PostLedger ledger;
    private final RawPosts raw;
    private final Optional<String> apiToken;

    public DeleteRoute(PostLedger ledger, Optional<String> apiToken) {
        this.ledger = ledger;
        this.raw = new RawPosts(ledger);
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        raw.delete(from(IngestHttp.DELETE.uri())
                .routeId(IngestHttp.DELETE.routeId())
                .routeConfigurationId(IngestErrorPolicy.HTTP)
                .setProperty(Props.SOURCE.name(), constant("http delete"))
                .process(e -> ApiToken.check(apiToken, e))
                .process(this::tombstone));
    }

    private void tombstone(Exchange exchange) {
        String id = PostIds.normalize(exchange.getMessage().getHeader("id", String.class));
        if (id == null || !ledger.knows(id)) {
            throw new RejectedPost(404, "Not found", "There is no post with id \"" + id + "\" to delete.");
        }
        RawPosts.tombstone(exchange, id);
    }
}
