package io.herald.publish.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import io.herald.support.HeaderSafe;
import io.herald.support.OutboundHttp;
import io.herald.support.OutboundPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs payloads to a webhook (a newsletter system's, or a social tool's), each with its idempotency
 * key as a header and, with a secret, signed.
 */
public final class WebhookClient {

    /** The header a receiver verifies: {@code sha256=} and the hex HMAC-SHA256 of the request body with the shared secret. */
    public static final String SIGNATURE = "X-Herald-Signature";

    private final OutboundHttp http;
    private final URI url;
    private final Optional<String> secret;

    /** A client for a public webhook (no internal address allowed). */
    public WebhookClient(String url, Optional<String> secret) {
        this(url, secret, OutboundPolicy.publicOnly());
    }

    /** @param policy where the webhook (and any redirect it answers with) may be */
    public WebhookClient(String url, Optional<String> secret, OutboundPolicy policy) {
        this.url = URI.create(url);
        this.secret = secret;
        this.http = new OutboundHttp(policy);
    }

    /** The signature of a body with a secret, as {@link #SIGNATURE} carries it. */
    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    public URI url() {
        return url;
    }

    /** Delivers one payload (its JSON as it is on the topic); anything but a 2xx answer is an IOException. */
    public void deliver(String idempotencyKey, String json) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", HeaderSafe.of(idempotencyKey));
        secret.ifPresent(s -> headers.put(SIGNATURE, sign(json, s)));
        // The whole delivery within 15 s, its answer read up to 64 KiB: a slow or huge answer is a failed try.
        var r = http.send(url, "POST", headers, json.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(15), 64 * 1024);
        if (r.status() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + r.status());
        }
    }
}
