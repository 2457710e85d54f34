package io.herald.app.dashboard;

import io.herald.app.AppHttp;
import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.ingest.IngestStage;
import io.herald.ingest.RejectedPost;
import io.herald.support.ApiTokens;
import io.herald.support.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code GET /api/dlq}, {@code GET /api/dlq/{offset}/original}, {@code POST /api/dlq/{offset}/retry},
 * {@code POST /api/posts/preview}. Writes need the API token when one is set. Every answer carries a
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
    private final Optional<IngestStage> ingest;
    private final Optional<String> apiToken;

    public DashboardRoute(DashboardData data, Supplier<Map<String, String>> health, Optional<IngestStage> ingest,
                          Optional<String> apiToken) {
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
        DeadLetterAnswers deadLetters = new DeadLetterAnswers(data, ingest, apiToken, getContext().createProducerTemplate());
        from(AppHttp.DLQ.uri()).routeId(AppHttp.DLQ.routeId()).process(deadLetters::list);
        from(AppHttp.DLQ_ORIGINAL.uri()).routeId(AppHttp.DLQ_ORIGINAL.routeId()).process(deadLetters::original);
        from(AppHttp.DLQ_RETRY.uri()).routeId(AppHttp.DLQ_RETRY.routeId()).process(deadLetters::retry);
        from(AppHttp.PREVIEW.uri()).routeId(AppHttp.PREVIEW.routeId()).process(this::preview);
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

    private void status(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checks", health.get());
        body.put("topics", data.topics());
        body.put("postsPerMinute", data.postsPerMinute(Instant.now()));
        body.put("writesNeedToken", apiToken.isPresent());
        body.put("canPreview", ingest.isPresent());
        json(exchange, 200, body);
    }

    private void preview(Exchange exchange) {
        if (ingest.isEmpty()) {
            Problems.respond(exchange, 503, "Preview unavailable", "Checking a post needs the ingest stage in this process.");
            return;
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        try {
            RawPost post = ingest.get().preview(body == null ? new byte[0] : body, type);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", post.id());
            out.put("title", post.title());
            out.put("intro", post.intro());
            List<Map<String, String>> pairs = new ArrayList<>();
            post.qa().forEach(p -> pairs.add(Map.of("question", p.question(), "answer", p.answer() == null ? "" : p.answer())));
            out.put("qa", pairs);
            out.put("tags", post.tags());
            json(exchange, 200, out);
        } catch (RejectedPost e) {
            Problems.respond(exchange, e.status(), e.title(), e.detail());
        }
    }
}
