package io.herald.app.dashboard;

import io.herald.app.AppHttp;
import io.herald.support.ApiTokens;
import io.herald.support.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.support.HttpAnswers;
import org.apache.camel.Message;

/**
 * The dashboard for marketing: {@code GET /} (plain HTML, CSS and JavaScript from inside the jar, no
 * CDN) and the few read and write calls it makes besides the read API: {@code GET /api/status},
 * {@code GET /api/dlq}, {@code GET /api/dlq/{offset}/original}, {@code POST /api/dlq/{offset}/retry}, and,
 * where publish runs without ingest, {@code POST /api/posts} forwarded to ingest ({@link IngestDoor}).
 * Writes need the API token when one is set. Every answer carries a
 * Content-Security-Policy under which only the dashboard's own script runs.
 */
public final class DashboardRoute extends RouteBuilder {

    /** The dashboard's own script and styles only; frames (previews) from Herald itself, sandboxed by the page. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8");

    private final DashboardData data;
    private final Supplier<Map<String, String>> health;
    private final IngestDoor ingest;
    private final Optional<String> apiToken;

    public DashboardRoute(DashboardData data, Supplier<Map<String, String>> health, IngestDoor ingest, Optional<String> apiToken) {
        this.data = data;
        this.health = health;
        this.ingest = ingest;
        this.apiToken = apiToken;
    }

    @Override
    public void configure() {
        from(AppHttp.DASHBOARD.uri()).routeId(AppHttp.DASHBOARD.routeId()).process(e -> asset(e, "index.html"));
        from(AppHttp.ASSETS.uri()).routeId(AppHttp.ASSETS.routeId())
                .process(e -> asset(e, e.getMessage().getHeader("file", String.class)));
        from(AppHttp.STATUS.uri()).routeId(AppHttp.STATUS.routeId()).process(this::status);
        from(AppHttp.SOURCE.uri()).routeId(AppHttp.SOURCE.routeId()).process(this::source);
        DeadLetterAnswers deadLetters = new DeadLetterAnswers(data, ingest, apiToken, getContext().createProducerTemplate());
        from(AppHttp.DLQ.uri()).routeId(AppHttp.DLQ.routeId()).process(deadLetters::list);
        from(AppHttp.DLQ_ORIGINAL.uri()).routeId(AppHttp.DLQ_ORIGINAL.routeId()).process(deadLetters::original);
        from(AppHttp.DLQ_RETRY.uri()).routeId(AppHttp.DLQ_RETRY.routeId()).process(deadLetters::retry);
        if (ingest.forwards()) {
            from(AppHttp.FORWARD_PUBLISH.uri()).routeId(AppHttp.FORWARD_PUBLISH.routeId()).process(ingest::forwardPublish);
            from(AppHttp.FORWARD_DELETE.uri()).routeId(AppHttp.FORWARD_DELETE.routeId()).process(ingest::forwardDelete);
        }
    }

    private void asset(Exchange exchange, String name) throws IOException {
        var message = exchange.getMessage();
        String type = ASSETS.get(name);
        if (type == null) {
            Problems.respond(exchange, 404, "Not found", "There is no dashboard file " + name + ".");
            return;
        }
        byte[] bytes;
        try (InputStream in = DashboardRoute.class.getResourceAsStream("/dashboard/" + name)) {
            bytes = in.readAllBytes();
        }
        secure(HttpAnswers.start(exchange, 200, type));
        message.setBody(bytes);
    }

    static void secure(Message message) {
        message.setHeader("Content-Security-Policy", CSP);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
    }

    static void json(Exchange exchange, int status, Object body) {
        HttpAnswers.json(exchange, status, body);
        secure(exchange.getMessage());
    }

    private void source(Exchange exchange) {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        var source = data.source(id);
        if (source.isEmpty()) {
            Problems.respond(exchange, 404, "Not found", "There is no post with id \"" + id + "\" whose source Herald still holds.");
            return;
        }
        json(exchange, 200, source.get());
    }

    private void status(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checks", health.get());
        body.put("topics", data.topics());
        body.put("postsPerMinute", data.postsPerMinute(Instant.now()));
        body.put("writesNeedToken", apiToken.isPresent());
        IngestDoor.Reach reach = ingest.reach();
        body.put("ingest", Map.of("reachable", reach.reachable(), "detail", reach.detail()));
        json(exchange, 200, body);
    }
}
