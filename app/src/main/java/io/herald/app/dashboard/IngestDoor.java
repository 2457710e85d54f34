package io.herald.app.dashboard;

import io.herald.ingest.IngestStage;
import io.herald.ingest.routes.IngestHttp;
import io.herald.support.HttpAnswers;
import io.herald.support.Masking;
import io.herald.support.Problems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * How the dashboard reaches ingest, which owns publishing, checking a draft and sending a refused
 * input again: in this process, at {@code ingest-url} (a publish process of its own forwards each
 * such call there, with the caller's token), or not at all (then the dashboard says so, and each such
 * call answers 503 saying what to set). Forwarded calls answer what ingest answers; an ingest that does
 * not answer gives a 502 problem naming it.
 */
public final class IngestDoor {

    /** Whether ingest can be reached now, and if not, why, in words for the dashboard. */
    public record Reach(boolean reachable, String detail) {
    }

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    private static final long HEALTH_CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    private final IngestStage local;
    private final URI remote;
    private final Duration timeout;
    private final HttpClient client;
    private volatile Reach lastReach;
    private volatile long lastAsked;

    private IngestDoor(IngestStage local, URI remote, Duration timeout) {
        this.local = local;
        this.remote = remote;
        this.timeout = timeout;
        this.client = remote == null ? null : HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Ingest in this process, or else at the URL if one is set, or else nowhere. */
    public static IngestDoor of(Optional<IngestStage> local, Optional<String> ingestUrl, Duration timeout) {
        if (local.isPresent()) {
            return new IngestDoor(local.get(), null, timeout);
        }
        return new IngestDoor(null, ingestUrl.map(u -> URI.create(u.replaceAll("/+$", ""))).orElse(null), timeout);
    }

    public Optional<IngestStage> local() {
        return Optional.ofNullable(local);
    }

    /** Whether calls go to another process (so this one serves a forwarding {@code POST /api/posts}). */
    public boolean forwards() {
        return local == null;
    }

    public Reach reach() {
        if (local != null) {
            return new Reach(true, "ingest runs in this process");
        }
        if (remote == null) {
            return new Reach(false, "this process runs publish without ingest, and no ingest-url is set: set ingest-url "
                    + "(HERALD_INGEST_URL) to the ingest stage's address, such as http://ingest:8080.");
        }
        long now = System.nanoTime();
        Reach r = lastReach;
        if (r != null && now - lastAsked < HEALTH_CACHE_NANOS) {
            return r;
        }
        r = askHealth();
        lastReach = r;
        lastAsked = now;
        return r;
    }

    private Reach askHealth() {
        String where = Masking.url(remote.toString());
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(remote.resolve("/health")).timeout(HEALTH_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? new Reach(true, "ingest at " + where + " is up")
                    : new Reach(false, "ingest at " + where + " answers /health with " + answer.statusCode() + " (it is not up).");
        } catch (IOException e) {
            return new Reach(false, "ingest at " + where + " cannot be reached (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reach(false, "interrupted");
        }
    }

    /** Publishing, forwarded: the request's body, type, query and token go to ingest's {@code POST /api/posts}. */
    void forwardPublish(Exchange exchange) {
        forward(exchange, IngestHttp.PUBLISH.path(), exchange.getMessage().getBody(byte[].class),
                exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    /** Deleting, forwarded: ingest's {@code DELETE /api/posts/{id}} with the caller's token. */
    void forwardDelete(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        forward(exchange, "DELETE", "/api/posts/" + java.net.URLEncoder.encode(id == null ? "" : id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"), null, null);
    }

    /**
     * Sends a body to one of ingest's paths as this request's caller (their token) and answers with
     * what ingest answered: its status, type and body.
     */
    void forward(Exchange exchange, String path, byte[] body, String contentType) {
        forward(exchange, "POST", path, body, contentType);
    }

    private void forward(Exchange exchange, String method, String path, byte[] body, String contentType) {
        if (remote == null) {
            Problems.respond(exchange, 503, "Ingest not configured", reach().detail());
            return;
        }
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        URI target = remote.resolve(path + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType == null ? "text/plain" : contentType);
        }
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String where = Masking.url(remote.toString());
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var message = HttpAnswers.start(exchange, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse("application/problem+json"));
            DashboardRoute.secure(message);
            message.setBody(answer.body());
        } catch (HttpTimeoutException e) {
            Problems.respond(exchange, 504, "Ingest did not answer in time", "Ingest at " + where + " did not answer within "
                    + timeout.toSeconds() + " s. The post may or may not be in; look for it in the list, or send it again "
                    + "(the same content is not published twice).");
        } catch (IOException e) {
            lastReach = null;
            Problems.respond(exchange, 502, "Ingest unreachable", "Ingest at " + where + " cannot be reached ("
                    + e.getClass().getSimpleName() + "); nothing was sent. Try again once it is up.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Problems.respond(exchange, 503, "Interrupted", "Herald is stopping.");
        }
    }
}
