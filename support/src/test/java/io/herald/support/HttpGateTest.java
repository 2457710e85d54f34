package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The door in front of every endpoint: Host, Origin and token, decided before a route or a body is read. */
class HttpGateTest {

    final HttpGate open = new HttpGate(Optional.empty(), false, "http://localhost:8080", "127.0.0.1", List.of());
    final HttpGate locked = new HttpGate(Optional.of("t0ken"), true, "https://news.example.org", "0.0.0.0", List.of("herald.internal"));

    int status(HttpGate gate, String method, String path, String host, String origin, String auth) {
        return gate.refusal(method, path, host, "http", origin, null, auth, false).map(HttpGate.Refusal::status).orElse(200);
    }

    @Test
    void a_dns_rebinding_host_name_cannot_reach_the_api() {
        assertEquals(421, status(open, "GET", "/api/dlq", "evil.example:8080", null, null));
        assertEquals(421, status(open, "POST", "/api/posts", "attacker.rebind.example", null, null));
        assertEquals(421, status(open, "GET", "/health", null, null, null), "no Host at all");
        assertEquals(200, status(open, "GET", "/api/dlq", "localhost:8080", null, null));
        assertEquals(200, status(open, "GET", "/api/dlq", "127.0.0.1:8080", null, null));
        assertEquals(200, status(open, "GET", "/api/dlq", "[::1]:8080", null, null));
        assertEquals(200, status(locked, "GET", "/feeds/all.atom", "news.example.org", null, null), "base-url's host");
        assertEquals(200, status(locked, "GET", "/feeds/all.atom", "HERALD.internal:8080", null, null), "allowed-hosts, any case");
    }

    @Test
    void a_page_on_another_site_cannot_post_even_as_text_plain() {
        assertEquals(403, status(open, "POST", "/api/posts", "localhost:8080", "https://evil.example", null));
        assertEquals(403, status(open, "DELETE", "/api/posts/x", "localhost:8080", "null", null), "a sandboxed page's origin");
        assertEquals(403, open.refusal("POST", "/api/posts", "localhost:8080", "http", null, "cross-site", null, false).orElseThrow().status(),
                "Sec-Fetch-Site without an Origin");
        assertEquals(200, status(open, "POST", "/api/posts", "localhost:8080", "http://localhost:8080", null), "its own dashboard");
        assertEquals(200, status(locked, "POST", "/api/posts", "herald.internal", "https://news.example.org", "Bearer t0ken"),
                "the base URL's origin");
        assertEquals(200, status(open, "GET", "/feeds/all.atom", "localhost:8080", "https://evil.example", null), "reads are not writes");
    }

    @Test
    void with_a_token_every_write_and_every_private_read_needs_it() {
        for (String[] call : List.of(new String[]{"POST", "/api/posts"}, new String[]{"DELETE", "/api/posts/a"},
                new String[]{"POST", "/api/posts/preview"}, new String[]{"GET", "/api/dlq"}, new String[]{"GET", "/api/dlq/3/original"},
                new String[]{"POST", "/api/dlq/3/retry"}, new String[]{"GET", "/api/posts/a/newsletter"},
                new String[]{"HEAD", "/api/posts/a/newsletter"}, new String[]{"POST", "/api/posts/a/newsletter/resend"},
                new String[]{"POST", "/api/webhooks/cms"}, new String[]{"PUT", "/feeds/all.atom"})) {
            assertEquals(401, status(locked, call[0], call[1], "news.example.org", null, null), call[0] + " " + call[1]);
            assertEquals(401, status(locked, call[0], call[1], "news.example.org", null, "Bearer wrong"), call[0] + " " + call[1]);
            assertEquals(200, status(locked, call[0], call[1], "news.example.org", null, "bearer t0ken"), call[0] + " " + call[1]);
        }
        for (String path : List.of("/feeds/all.atom", "/posts/a", "/api/posts", "/api/posts/a", "/api/posts/a/social", "/health",
                "/metrics", "/openapi.json", "/", "/dashboard/dashboard.js")) {
            assertEquals(200, status(locked, "GET", path, "news.example.org", null, null), path + " is public");
        }
    }

    @Test
    void a_ghost_signed_webhook_goes_on_to_its_signature_check_without_the_token() {
        assertTrue(locked.refusal("POST", "/api/webhooks/cms", "news.example.org", "https", null, null, null, true).isEmpty());
        assertEquals(401, locked.refusal("POST", "/api/posts", "news.example.org", "https", null, null, null, true).orElseThrow().status(),
                "a Ghost header opens only the webhook");
    }
}
