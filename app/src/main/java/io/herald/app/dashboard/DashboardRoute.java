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
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DashboardRoute(DashboardData data, Supplier<Map<String, String>> health, Optional<IngestStage> ingest,
                          Optional<String> apiToken, int port) {
        this.data = data;
        this.health = health;
        this.ingest = ingest;
        this.apiToken = apiToken;
        this.port = port;
    }

    @Override
    public void configure() {
        from(AppHttp.DASHBOARD.uri()).routeId(AppHttp.DASHBOARD.routeId()).process(e -> asset(e, "index.html"));
        from(AppHttp.ASSETS.uri()).routeId(AppHttp.ASSETS.routeId())
                .process(e -> asset(e, e.getMessage().getHeader("file", String.class)));
        from(AppHttp.STATUS.uri()).routeId(AppHttp.STATUS.routeId()).process(this::status);
        from(AppHttp.DLQ.uri()).routeId(AppHttp.DLQ.routeId()).process(this::deadLetters);
        from(AppHttp.DLQ_ORIGINAL.uri()).routeId(AppHttp.DLQ_ORIGINAL.routeId()).process(this::original);
        from(AppHttp.DLQ_RETRY.uri()).routeId(AppHttp.DLQ_RETRY.routeId()).process(this::retry);
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
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, type);
        secure(message);
        message.setBody(bytes);
    }

    static void secure(org.apache.camel.Message message) {
        message.setHeader("Content-Security-Policy", CSP);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
    }

    private void json(Exchange exchange, int status, Object body) {
        io.herald.support.HttpAnswers.json(exchange, status, body);
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

    private void deadLetters(Exchange exchange) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DashboardData.DeadLetter d : data.deadLetters(200)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("offset", d.offset());
            row.put("stage", d.rejection().stage());
            row.put("reason", io.herald.support.Masking.text(d.rejection().reason()));
            row.put("source", io.herald.support.Masking.text(d.rejection().source()));
            row.put("contentType", d.rejection().contentType());
            row.put("rejectedAt", d.rejection().rejectedAt());
            row.put("count", d.count());
            row.put("firstRejectedAt", d.firstRejectedAt());
            row.put("bytes", d.bytes());
            row.put("retryable", retryable(d));
            rows.add(row);
        }
        json(exchange, 200, rows);
    }

    private boolean retryable(DashboardData.DeadLetter d) {
        return ingest.isPresent() && "ingest".equals(d.rejection().stage()) && d.hasOriginal();
    }

    private Optional<DashboardData.DeadLetter> find(Exchange exchange) {
        try {
            return data.deadLetter(Long.parseLong(exchange.getMessage().getHeader("offset", String.class)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void original(Exchange exchange) {
        var d = find(exchange);
        if (d.isEmpty() || d.get().rejection().originalBase64() == null) {
            Problems.respond(exchange, 404, "Not found", "There is no DLQ record with its original at that offset.");
            return;
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        // Downloaded, never shown: it may be hostile HTML.
        message.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
        message.setHeader("Content-Disposition", "attachment; filename=\"herald-dlq-" + d.get().offset() + ".bin\"");
        secure(message);
        message.setBody(Base64.getDecoder().decode(d.get().rejection().originalBase64()));
    }

    private void retry(Exchange exchange) throws IOException, InterruptedException {
        var refusal = ApiTokens.refusal(apiToken, exchange.getMessage().getHeader("Authorization", String.class));
        if (refusal.isPresent()) {
            Problems.respond(exchange, 401, "Unauthorized", refusal.get());
            return;
        }
        var d = find(exchange);
        if (d.isEmpty()) {
            Problems.respond(exchange, 404, "Not found", "There is no DLQ record at that offset.");
            return;
        }
        if (!retryable(d.get())) {
            Problems.respond(exchange, 409, "Not retryable here", "Only inputs refused by ingest can be sent again, from a "
                    + "process that runs ingest; this record is from " + d.get().rejection().stage() + ".");
            return;
        }
        // Sent again exactly as it came, through the same door: the answer is ingest's own.
        String source = d.get().rejection().source();
        String path = source != null && source.startsWith("webhook") ? "/api/webhooks/cms" : "/api/posts";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", d.get().rejection().contentType() == null ? "text/plain" : d.get().rejection().contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Base64.getDecoder().decode(d.get().rejection().originalBase64())));
        apiToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.statusCode());
        message.setHeader(Exchange.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElse("application/json"));
        secure(message);
        message.setBody(answer.body());
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
