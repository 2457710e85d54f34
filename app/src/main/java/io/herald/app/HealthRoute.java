package io.herald.app;

import io.herald.events.Json;
import java.util.Map;
import io.herald.support.HttpAnswers;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.publish.feeds.CacheFriendlyHeaders;

/** {@code GET /health}: 200 when the broker is reachable and every route runs, else 503. */
final class HealthRoute extends RouteBuilder {

    /** The registry name of the header filter that lets Cache-Control through on /health. */
    static final String HEADER_FILTER = "heraldHealthHeaders";

    private final HealthCheck health;

    HealthRoute(HealthCheck health) {
        this.health = health;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(HEADER_FILTER, new CacheFriendlyHeaders());
        from(AppHttp.HEALTH.uri())
                .routeId(AppHttp.HEALTH.routeId())
                .process(this::respond);
    }

    private void respond(Exchange exchange) {
        HealthCheck.Result result = health.check();
        HttpAnswers.json(exchange, result.up() ? 200 : 503, Map.of("status", result.up() ? "UP" : "DOWN", "checks", result.checks()));
        exchange.getMessage().setHeader("Cache-Control", "no-store");
    }
}
