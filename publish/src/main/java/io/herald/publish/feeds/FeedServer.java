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
    /**
     * The current answer of each path asked for lately, by its path as it came: a request for a
     * document that has not changed since is answered from here with nothing parsed, looked up under a
     * lock or built. At most {@link #HOT_PATHS} paths (emptied when full) and only documents up to
     * {@link #HOT_BYTES}, so what it pins stays small beside the render cache's budget.
     */
    private final Map<String, Prepared> hot = new ConcurrentHashMap<>();
    static final int HOT_PATHS = 64;
    static final long HOT_BYTES = 4L << 20;

    /** A document with its header values made once, in the form the HTTP codec writes without converting them. */
    private record Prepared(RenderedFeeds.Document doc, CharSequence etag, CharSequence lastModified, CharSequence contentType,
                            CharSequence length, CharSequence gzipLength) {
        static Prepared of(RenderedFeeds.Document d) {
            return new Prepared(d, HttpHeaders.createOptimized(d.etag()), HttpHeaders.createOptimized(d.lastModifiedHeader()),
                    HttpHeaders.createOptimized(d.contentType()), HttpHeaders.createOptimized(String.valueOf(d.bodyBuffer().length())),
                    HttpHeaders.createOptimized(String.valueOf(d.gzipBuffer().length())));
        }
    }

    private static final CharSequence CACHE_CONTROL_VALUE = HttpHeaders.createOptimized(CACHE_CONTROL);
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

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
        // Right after the gate: a feed request is not tried against every other route first.
        router.routeWithRegex("/feeds(/.*)?").order(Integer.MIN_VALUE + 1).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        Prepared known = hot.get(path);
        if (known != null && known.doc().atChange() == feeds.changeCount()) {
            answer(ctx, known);
            return;
        }
        // The path is read once; everything after works on the request it makes.
        Optional<FeedRequest> feed = FeedRequest.parse(path);
        var cached = feed.flatMap(feeds::current);
        if (cached.isPresent()) {
            answer(ctx, remember(path, cached.get()));
            return;
        }
        // Rendering takes milliseconds: not on the event loop.
        ctx.vertx().<Runnable>executeBlocking(() -> {
            // A tag feed asked for by the tag's name moved to its slug (never held under the old name).
            Optional<String> moved = feed.flatMap(feeds::movedTo);
            Optional<RenderedFeeds.Document> doc = moved.isPresent() ? Optional.empty() : feed.flatMap(feeds::get);
            return () -> {
                if (doc.isPresent()) {
                    answer(ctx, remember(path, doc.get()));
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

    private Prepared remember(String path, RenderedFeeds.Document d) {
        Prepared p = Prepared.of(d);
        if (d.weight() <= HOT_BYTES) {
            if (hot.size() >= HOT_PATHS) {
                hot.clear();
            }
            hot.put(path, p);
        }
        return p;
    }

    private void answer(RoutingContext ctx, Prepared p) {
        RenderedFeeds.Document d = p.doc();
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.ETAG, p.etag())
                .add(HttpHeaders.LAST_MODIFIED, p.lastModified())
                .add(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL_VALUE)
                .add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        // Conditional requests first: a reader polling an unchanged feed costs no more than this.
        if (notModified(d, request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE))) {
            count(304);
            response.setStatusCode(304).end();
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        headers.add(HttpHeaders.CONTENT_TYPE, p.contentType());
        if (gzip) {
            headers.add(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        Buffer body = gzip ? d.gzipBuffer() : d.bodyBuffer();
        count(200);
        if (request.method() == HttpMethod.HEAD) {
            headers.add(HttpHeaders.CONTENT_LENGTH, gzip ? p.gzipLength() : p.length());
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
            if (ifNoneMatch.equals(d.etag())) {
                return true; // what a reader sends back, as it was given
            }
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(t -> {
                        String tag = t.strip();
                        return tag.startsWith("W/") ? tag.substring(2) : tag;
                    })
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
        Boolean known = ACCEPTS_GZIP.get(acceptEncoding);
        if (known != null) {
            return known;
        }
        boolean accepts = false;
        for (String part : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equals("gzip")) {
                accepts = !(p.length > 1 && Q_ZERO.matcher(p[1].replace(" ", "")).matches());
                break;
            }
        }
        // Clients send few distinct values (a browser, a reader, curl): each is read once.
        if (ACCEPTS_GZIP.size() < 256 && acceptEncoding.length() <= 256) {
            ACCEPTS_GZIP.put(acceptEncoding, accepts);
        }
        return accepts;
    }

    private static final Map<String, Boolean> ACCEPTS_GZIP = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern Q_ZERO = java.util.regex.Pattern.compile("q=0(\\.0*)?");

}
