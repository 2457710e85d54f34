package io.herald.publish.feeds;

import io.herald.support.HttpDates;
import io.herald.support.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves every feed the way feed readers and caches expect: the right content type, {@code ETag} and
 * {@code Last-Modified}, {@code 304 Not Modified} for a matching conditional request, gzip when
 * asked, and {@code Cache-Control}. {@code /feeds/} is an HTML index with autodiscovery links.
 *
 * <p>Feeds are what readers poll, often and all at once, so they are answered by a handler on the
 * Vert.x router under Camel's platform-http rather than through a Camel exchange: a current document
 * is answered on the event loop with its precomputed headers and its buffer (the bytes reach the
 * socket as they are); a document that must be rendered first is rendered on a worker thread.
 * Measured with {@code bench/run}: the exchange and its header mapping cost more than the answer.
 */
public final class FeedServer {

    /** Readers may reuse a feed for a minute without asking; after that a conditional GET is cheap. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final RenderedFeeds feeds;
    private final FeedLinks links;
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    public FeedServer(RenderedFeeds feeds, FeedLinks links) {
        this.feeds = feeds;
        this.links = links;
        for (int status : new int[] {200, 301, 304, 404}) {
            byStatus.put(status, new LongAdder());
        }
    }

    /** Requests answered so far, by HTTP status (for {@code /metrics}). */
    public Map<Integer, LongAdder> requestsByStatus() {
        return byStatus;
    }

    /** Adds the feed handler to the HTTP server's router (call once Camel, and so the server, has started). */
    public void install(Router router) {
        router.routeWithRegex("/feeds(/.*)?").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        // The path is read once; everything after works on the request it makes.
        Optional<FeedRequest> feed = FeedRequest.parse(path);
        var cached = feed.flatMap(feeds::current);
        if (cached.isPresent()) {
            answer(ctx, cached.get());
            return;
        }
        // Rendering takes milliseconds: not on the event loop.
        ctx.vertx().<Runnable>executeBlocking(() -> {
            // A tag feed asked for by the tag's name moved to its slug (never held under the old name).
            Optional<String> moved = feed.flatMap(feeds::movedTo);
            Optional<RenderedFeeds.Document> doc = moved.isPresent() ? Optional.empty() : feed.flatMap(feeds::get);
            return () -> {
                if (doc.isPresent()) {
                    answer(ctx, doc.get());
                } else {
                    other(ctx, path, moved);
                }
            };
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                done.result().run();
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    private void answer(RoutingContext ctx, RenderedFeeds.Document d) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.ETAG, d.etag())
                .add(HttpHeaders.LAST_MODIFIED, d.lastModifiedHeader())
                .add(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (notModified(d, request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE))) {
            count(304);
            response.setStatusCode(304).end();
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        headers.add(HttpHeaders.CONTENT_TYPE, d.contentType());
        if (gzip) {
            headers.add(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        Buffer body = gzip ? d.gzipBuffer() : d.bodyBuffer();
        count(200);
        if (request.method() == HttpMethod.HEAD) {
            headers.add(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            response.end();
        } else {
            response.end(body);
        }
    }

    /** The feed index, a moved tag feed, or a problem: not documents, answered as they come. */
    private void other(RoutingContext ctx, String full, Optional<String> moved) {
        HttpServerResponse response = ctx.response();
        boolean head = ctx.request().method() == HttpMethod.HEAD;
        if (full.equals("/feeds") || full.equals("/feeds/") || full.equals("/feeds/index.html")) {
            count(200);
            String page = FeedIndexPage.render(feeds.feeds(), links);
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            end(response, head, page);
            return;
        }
        if (moved.isPresent()) {
            count(301);
            response.setStatusCode(301).putHeader(HttpHeaders.LOCATION, links.baseUrl() + moved.get())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400").end();
            return;
        }
        count(404);
        response.setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE);
        end(response, head, Problems.json(404, "Not found", "There is no feed at " + full + "; /feeds/ lists every feed."));
    }

    private static void end(HttpServerResponse response, boolean head, String body) {
        Buffer bytes = Buffer.buffer(body, "UTF-8");
        if (head) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length())).end();
        } else {
            response.end(bytes);
        }
    }

    private void count(int status) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(RenderedFeeds.Document d, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(t -> t.strip().replaceFirst("^W/", ""))
                    .anyMatch(t -> t.equals(d.etag()));
        }
        if (ifModifiedSince != null) {
            return HttpDates.parse(ifModifiedSince)
                    .map(since -> !d.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                    .orElse(false);
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase().split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equals("gzip")) {
                return !(p.length > 1 && p[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

}
