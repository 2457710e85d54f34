package io.herald.publish.feeds;

import io.herald.support.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code publish-feeds}: serves every feed the way feed readers and caches expect: the right content
 * type, {@code ETag} and {@code Last-Modified}, {@code 304 Not Modified} for a matching conditional
 * request, gzip when asked, and {@code Cache-Control}. {@code /feeds/} is an HTML index with
 * autodiscovery links.
 */
public final class FeedRoute extends RouteBuilder {

    /** Readers may reuse a feed for a minute without asking; after that a conditional GET is cheap. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final RenderedFeeds feeds;
    private final FeedLinks links;

    public FeedRoute(RenderedFeeds feeds, FeedLinks links) {
        this.feeds = feeds;
        this.links = links;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(CacheFriendlyHeaders.NAME, new CacheFriendlyHeaders());
        from("platform-http:/feeds?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD&headerFilterStrategy=#"
                + CacheFriendlyHeaders.NAME)
                .routeId("publish-feeds")
                .process(this::serve);
    }

    private void serve(Exchange exchange) {
        var in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String full = uri != null && uri.startsWith("/feeds") ? uri.replaceFirst("\\?.*$", "") : "/feeds" + (path == null ? "" : path);
        String ifNoneMatch = in.getHeader("If-None-Match", String.class);
        String ifModifiedSince = in.getHeader("If-Modified-Since", String.class);
        String acceptEncoding = in.getHeader("Accept-Encoding", String.class);
        boolean head = "HEAD".equals(in.getHeader(Exchange.HTTP_METHOD, String.class));
        in.removeHeaders("*");

        if (full.equals("/feeds") || full.equals("/feeds/") || full.equals("/feeds/index.html")) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
            in.setHeader("Cache-Control", CACHE_CONTROL);
            in.setBody(head ? "" : FeedIndexPage.render(feeds.feeds(), links));
            return;
        }
        var moved = feeds.movedTo(full);
        if (moved.isPresent()) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 301);
            in.setHeader("Location", links.baseUrl() + moved.get());
            in.setHeader("Cache-Control", "public, max-age=86400");
            in.setBody("");
            return;
        }
        var doc = feeds.get(full);
        if (doc.isEmpty()) {
            Problems.respond(exchange, 404, "Not found", "There is no feed at " + full + "; /feeds/ lists every feed.");
            return;
        }
        RenderedFeeds.Document d = doc.get();
        in.setHeader("ETag", d.etag());
        in.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(d.lastModified().atZone(ZoneOffset.UTC)));
        in.setHeader("Cache-Control", CACHE_CONTROL);
        in.setHeader("Vary", "Accept-Encoding");
        if (notModified(d, ifNoneMatch, ifModifiedSince)) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            in.setBody("");
            return;
        }
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, d.contentType());
        boolean gzip = acceptsGzip(acceptEncoding);
        if (gzip) {
            in.setHeader("Content-Encoding", "gzip");
        }
        // The document's own buffer: Camel's Vert.x binding writes a Buffer body as it is, while a byte[]
        // would be streamed through an InputStream in small chunks.
        in.setBody(head ? Buffer.buffer() : gzip ? d.gzipBuffer() : d.bodyBuffer());
    }

    /** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(RenderedFeeds.Document d, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(t -> t.strip().replaceFirst("^W/", ""))
                    .anyMatch(t -> t.equals(d.etag()));
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !d.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
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
