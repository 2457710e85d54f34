package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every outbound request: the address policy at every redirect, one deadline for the whole exchange, a size cap. */
class OutboundHttpTest {

    HttpServer allowed;
    HttpServer internal;
    ServerSocket trickle;

    @AfterEach
    void stop() throws Exception {
        for (HttpServer s : new HttpServer[]{allowed, internal}) {
            if (s != null) {
                s.stop(0);
            }
        }
        if (trickle != null) {
            trickle.close();
        }
    }

    static HttpServer server(String path, int status, Map<String, String> headers, byte[] body) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext(path, x -> {
            headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                x.getResponseBody().write(body);
            }
            x.close();
        });
        s.start();
        return s;
    }

    @Test
    void a_redirect_to_another_local_port_is_refused_though_the_first_port_is_allowed() throws Exception {
        internal = server("/", 200, Map.of(), "internal secrets".getBytes(StandardCharsets.UTF_8));
        allowed = server("/feed", 302, Map.of("Location", "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin"), new byte[0]);
        OutboundHttp http = new OutboundHttp(OutboundPolicy.parse(List.of("127.0.0.1:" + allowed.getAddress().getPort())));
        var e = assertThrows(OutboundPolicy.Refused.class, () -> http.send(URI.create("http://127.0.0.1:" + allowed.getAddress().getPort()
                + "/feed"), "GET", Map.of(), null, Duration.ofSeconds(5), 1024));
        assertTrue(e.getMessage().contains(String.valueOf(internal.getAddress().getPort())), e.getMessage());
    }

    @Test
    void a_redirect_within_what_is_allowed_is_followed() throws Exception {
        internal = server("/final", 200, Map.of(), "ok".getBytes(StandardCharsets.UTF_8));
        allowed = server("/feed", 301, Map.of("Location", "http://127.0.0.1:" + internal.getAddress().getPort() + "/final"), new byte[0]);
        OutboundHttp http = new OutboundHttp(OutboundPolicy.parse(List.of("127.0.0.1")));
        var r = http.send(URI.create("http://127.0.0.1:" + allowed.getAddress().getPort() + "/feed"), "GET", Map.of(), null,
                Duration.ofSeconds(5), 1024);
        assertEquals(200, r.status());
        assertEquals("ok", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void an_upstream_sending_a_byte_every_two_seconds_is_cut_off_at_the_deadline() throws Exception {
        trickle = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                Socket s = trickle.accept();
                OutputStream out = s.getOutputStream();
                s.getInputStream().read(new byte[4096]);
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                // A byte every two seconds until the client goes away (what this test wants).
                io.herald.testkit.Trickle.bytes(out, io.herald.testkit.Trickle.repeat('x', 1000), Duration.ofSeconds(2), () -> false, s);
            } catch (Exception ignored) {
                // the client went away before the head
            }
        });
        t.setDaemon(true);
        t.start();
        OutboundHttp http = new OutboundHttp(OutboundPolicy.parse(List.of("127.0.0.1")));
        long t0 = System.nanoTime();
        assertThrows(java.net.http.HttpTimeoutException.class, () -> http.send(URI.create("http://127.0.0.1:" + trickle.getLocalPort() + "/"),
                "GET", Map.of(), null, Duration.ofSeconds(2), 1 << 20));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took < 10_000, "gave up after " + took + " ms, not when the body ended (2,000 s)");
    }

    @Test
    void an_answer_over_the_cap_is_refused_without_being_buffered() throws Exception {
        allowed = server("/big", 200, Map.of(), new byte[200_000]);
        OutboundHttp http = new OutboundHttp(OutboundPolicy.parse(List.of("127.0.0.1")));
        assertThrows(OutboundHttp.TooLarge.class, () -> http.send(URI.create("http://127.0.0.1:" + allowed.getAddress().getPort() + "/big"),
                "GET", Map.of(), null, Duration.ofSeconds(5), 10_000));
    }

    @Test
    void a_post_with_a_body_over_plain_http_offers_no_http2_upgrade_which_a_node_server_answers_with_nothing() throws Exception {
        // A Bluesky PDS (Node's http server) closes the connection on an h2c upgrade offered with a request body.
        java.util.concurrent.atomic.AtomicReference<String> upgrade = new java.util.concurrent.atomic.AtomicReference<>("not asked");
        allowed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        allowed.createContext("/xrpc", x -> {
            upgrade.set(String.valueOf(x.getRequestHeaders().getFirst("Upgrade")) + " " + x.getProtocol());
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        allowed.start();
        OutboundHttp http = new OutboundHttp(OutboundPolicy.parse(List.of("127.0.0.1")));
        var r = http.send(URI.create("http://127.0.0.1:" + allowed.getAddress().getPort() + "/xrpc/com.atproto.server.createSession"), "POST",
                Map.of("Content-Type", "application/json"), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Duration.ofSeconds(5),
                1024);
        assertEquals(200, r.status());
        assertEquals("null HTTP/1.1", upgrade.get());
    }
}
