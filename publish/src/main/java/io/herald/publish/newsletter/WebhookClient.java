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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;

    public WebhookClient(String url) {
        this.url = URI.create(url);
    }

    public URI url() {
        return url;
    }

    /** Delivers one payload (its JSON as it is on the topic); anything but a 2xx answer is an IOException. */
    public void deliver(String json) throws IOException, InterruptedException {
        NewsletterPayload p = Json.read(json, NewsletterPayload.class);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", p.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + r.statusCode());
        }
    }
}
