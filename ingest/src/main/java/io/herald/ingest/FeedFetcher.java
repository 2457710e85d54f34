package io.herald.ingest;

import java.io.IOException;
import io.herald.support.Masking;
import io.herald.support.OutboundHttp;
import io.herald.support.OutboundPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches upstream feeds politely: conditional GETs with the last {@code ETag} and
 * {@code Last-Modified}; and safely, through {@link OutboundHttp}: one deadline for the whole fetch,
 * body included (a feed trickling a byte every few seconds gives up after {@link #DEADLINE}), a size cap
 * so a runaway feed cannot exhaust memory, and the outbound address policy on the feed and every
 * redirect it answers with.
 */
public final class FeedFetcher {

    /** Far above any real feed; a response beyond it is refused rather than buffered. */
    public static final int MAX_FEED_BYTES = 20 * 1024 * 1024;

    /** The whole fetch, from connecting to the last byte. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private record Validators(String etag, String lastModified) {
    }

    private final OutboundHttp http;
    private final Duration deadline;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();

    public FeedFetcher(OutboundPolicy policy) {
        this(policy, DEADLINE);
    }

    public FeedFetcher(OutboundPolicy policy, Duration deadline) {
        this.http = new OutboundHttp(policy);
        this.deadline = deadline;
    }

    /** @return the feed's bytes, or {@code null} when the upstream says it has not changed (304) */
    public byte[] fetch(String url) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1");
        headers.put("User-Agent", "Herald feed ingest");
        Validators known = validators.get(url);
        if (known != null) {
            if (known.etag() != null) {
                headers.put("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                headers.put("If-Modified-Since", known.lastModified());
            }
        }
        OutboundHttp.Response response;
        try {
            response = http.send(URI.create(url), "GET", headers, null, deadline, MAX_FEED_BYTES);
        } catch (OutboundHttp.TooLarge e) {
            throw RejectedPost.badRequest("The feed " + Masking.url(url) + " is larger than " + MAX_FEED_BYTES + " bytes.");
        }
        if (response.status() == 304) {
            return null;
        }
        if (response.status() != 200) {
            throw new IOException("the feed " + Masking.url(url) + " answered HTTP " + response.status());
        }
        validators.put(url, new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
        return response.body();
    }
}
