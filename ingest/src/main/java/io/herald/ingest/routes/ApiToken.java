package io.herald.ingest.routes;

import io.herald.ingest.RejectedPost;
import io.herald.support.ApiTokens;
import java.util.Optional;
import org.apache.camel.Exchange;

/** The API token on ingest's write endpoints: a refusal is a 401 problem (and a DLQ record, as every refusal). */
final class ApiToken {

    private ApiToken() {
    }

    static void check(Optional<String> token, Exchange exchange) {
        ApiTokens.refusal(token, exchange.getMessage().getHeader("Authorization", String.class)).ifPresent(detail -> {
            throw new RejectedPost(401, "Unauthorized", detail);
        });
    }
}
