package io.herald.app;

import io.herald.events.Json;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

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
        getContext().getRegistry().bind(HEADER_FILTER, new io.herald.publish.feeds.CacheFriendlyHeaders());
        from("platform-http:/health?httpMethodRestrict=GET,HEAD&headerFilterStrategy=#" + HEADER_FILTER)
                .routeId("health")
                .process(this::respond);
    }

    private void respond(Exchange exchange) {
        HealthCheck.Result result = health.check();
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, result.up() ? 200 : 503);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-store");
        message.setBody(Json.write(Map.of("status", result.up() ? "UP" : "DOWN", "checks", result.checks())));
    }
}
