package io.herald.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Every request Herald sends out (upstream feeds, newsletter webhooks, WebSub pings) goes through here,
 * so each has the same three bounds: the {@link OutboundPolicy} on its target and on every redirect it
 * follows (a public feed answering with a redirect to an internal address is refused), one deadline for
 * the whole exchange, body included (a server sending a byte every few seconds cannot hold a poller),
 * and a cap on the bytes read (the rest is never buffered).
 */
public final class OutboundHttp {

    /** Redirects followed at most, as browsers and feed readers do. */
    static final int MAX_REDIRECTS = 5;

    /** An answer: status, headers, the body read (at most the cap) and the URL that gave it. */
    public record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    }

    /** The body was larger than the cap. */
    public static final class TooLarge extends IOException {
        public TooLarge(String message) {
            super(message);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final OutboundPolicy policy;

    public OutboundHttp(OutboundPolicy policy) {
        this.policy = policy;
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * Sends a request, following redirects (GET and HEAD keep their method; others only with 307/308),
     * and reads at most {@code maxBytes} of the final body, all within {@code deadline}.
     *
     * @param method  GET, POST, ...
     * @param headers request headers
     * @param body    the request body, or null
     */
    public Response send(URI uri, String method, Map<String, String> headers, byte[] body, Duration deadline, int maxBytes)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        URI target = uri;
        for (int hop = 0; ; hop++) {
            policy.check(target);
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(remaining(end, uri));
            headers.forEach(request::header);
            if ("http".equalsIgnoreCase(target.getScheme())) {
                // Plain HTTP as HTTP/1.1: an HTTP/2 upgrade offered with a request body is answered with nothing by some
                // servers (Node's, under a Bluesky PDS). Over https, HTTP/2 is agreed in the handshake as before.
                request.version(java.net.http.HttpClient.Version.HTTP_1_1);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            URI hopTarget = target;
            CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request.build(), info -> capped(maxBytes, hopTarget));
            HttpResponse<byte[]> response;
            try {
                response = sent.get(remaining(end, uri).toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                sent.cancel(true);
                throw new HttpTimeoutException("no complete answer from " + Masking.url(uri.toString()) + " within "
                        + deadline.toSeconds() + " s");
            } catch (InterruptedException e) {
                sent.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(Failures.describe(cause), cause);
            }
            int status = response.statusCode();
            if (status / 100 == 3 && status != 304 && response.headers().firstValue("Location").isPresent()) {
                if (hop >= MAX_REDIRECTS) {
                    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + Masking.url(uri.toString()));
                }
                URI next = target.resolve(response.headers().firstValue("Location").get().strip());
                boolean keep = status == 307 || status == 308 || method.equals("GET") || method.equals("HEAD");
                if (!keep) {
                    throw new IOException(Masking.url(target.toString()) + " answered HTTP " + status
                            + " (a redirect Herald does not follow for a " + method + ")");
                }
                target = next;
                continue;
            }
            return new Response(status, response.headers(), response.body(), target);
        }
    }

    private static Duration remaining(long end, URI uri) throws HttpTimeoutException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("no complete answer from " + Masking.url(uri.toString()) + " in time");
        }
        return Duration.ofNanos(left);
    }

    /** A body subscriber that keeps at most {@code max} bytes and fails (cancelling the rest) beyond that. */
    private static HttpResponse.BodySubscriber<byte[]> capped(int max, URI uri) {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                if (result.isDone()) {
                    return;
                }
                for (ByteBuffer b : items) {
                    if (bytes.size() + b.remaining() > max) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge("the answer of " + Masking.url(uri.toString())
                                + " is larger than " + max + " bytes"));
                        return;
                    }
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        };
    }
}
