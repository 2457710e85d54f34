package io.herald.publish.feeds;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.herald.support.Masking;
import io.herald.support.OutboundHttp;
import io.herald.support.OutboundPolicy;
import java.io.IOException;
import java.util.Map;

/**
 * Tells a WebSub hub that a feed changed ({@code hub.mode=publish}), so subscribers hear of a new
 * post at once instead of at their next poll. Fire and forget: pings run off the pipeline's
 * threads, are retried with backoff, and a hub that stays down only costs a log line.
 */
public final class WebSubPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WebSubPublisher.class);
    static final int ATTEMPTS = 4;

    private final String hub;
    private final OutboundHttp http;
    private final Duration firstBackoff;
    private final AtomicLong delivered = new AtomicLong();

    public WebSubPublisher(String hub, Duration firstBackoff) {
        this(hub, firstBackoff, OutboundPolicy.publicOnly());
    }

    /** @param policy where the hub (and any redirect it answers with) may be */
    public WebSubPublisher(String hub, Duration firstBackoff, OutboundPolicy policy) {
        this.hub = hub;
        this.firstBackoff = firstBackoff;
        this.http = new OutboundHttp(policy);
    }

    public long delivered() {
        return delivered.get();
    }

    public CompletableFuture<Boolean> ping(String feedUrl) {
        return attempt(feedUrl, 1);
    }

    private CompletableFuture<Boolean> attempt(String feedUrl, int n) {
        byte[] form = ("hub.mode=publish&hub.url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.send(URI.create(hub), "POST", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                                form, Duration.ofSeconds(10), 64 * 1024).status() / 100 == 2;
                    } catch (IOException e) {
                        LOG.debug("WebSub ping to {} failed: {}", Masking.url(hub), e.getMessage());
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })
                .thenCompose(ok -> {
                    if (ok) {
                        delivered.incrementAndGet();
                        return CompletableFuture.completedFuture(true);
                    }
                    if (n >= ATTEMPTS) {
                        LOG.warn("WebSub hub {} did not take the ping for {} after {} attempts", Masking.url(hub), feedUrl, n);
                        return CompletableFuture.completedFuture(false);
                    }
                    long delay = firstBackoff.toMillis() * (1L << (2 * (n - 1)));
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(x -> attempt(feedUrl, n + 1));
                });
    }
}
