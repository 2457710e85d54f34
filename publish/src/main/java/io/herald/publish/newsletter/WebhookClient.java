package io.herald.publish.newsletter;

import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs newsletter payloads to a newsletter system's webhook, with the payload's idempotency key as a header. */
public final class WebhookClient {

    /** The header a receiver verifies: {@code sha256=} and the hex HMAC-SHA256 of the request body with the shared secret. */
    public static final String SIGNATURE = "X-Herald-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final java.util.Optional<String> secret;

    public WebhookClient(String url, java.util.Optional<String> secret) {
        this.url = URI.create(url);
        this.secret = secret;
    }

    /** The signature of a body with a secret, as {@link #SIGNATURE} carries it. */
    public static String sign(String body, String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    public URI url() {
        return url;
    }

    /** Delivers one payload (its JSON as it is on the topic); anything but a 2xx answer is an IOException. */
    public void deliver(String json) throws IOException, InterruptedException {
        NewsletterPayload p = Json.read(json, NewsletterPayload.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", p.idempotencyKey());
        secret.ifPresent(s -> request.header(SIGNATURE, sign(json, s)));
        HttpResponse<Void> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + r.statusCode());
        }
    }
}
