package io.herald.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches upstream feeds politely: conditional GETs with the last {@code ETag} and
 * {@code Last-Modified}, a timeout, and a size cap so a runaway feed cannot exhaust memory.
 */
public final class FeedFetcher {

    /** Far above any real feed; a response beyond it is refused rather than buffered. */
    public static final int MAX_FEED_BYTES = 20 * 1024 * 1024;

    private record Validators(String etag, String lastModified) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();

    /** @return the feed's bytes, or {@code null} when the upstream says it has not changed (304) */
    public byte[] fetch(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "Herald feed ingest");
        Validators known = validators.get(url);
        if (known != null) {
            if (known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
        }
        HttpResponse<InputStream> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException("the feed " + url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_FEED_BYTES + 1);
            if (bytes.length > MAX_FEED_BYTES) {
                throw RejectedPost.badRequest("The feed " + url + " is larger than " + MAX_FEED_BYTES + " bytes.");
            }
            validators.put(url, new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null)));
            return bytes;
        }
    }
}
