package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input at every HTTP endpoint Herald has, listed from its own routes (each platform-http
 * route's path and methods, and the feed server's), so an endpoint added later is tried too: a wrong
 * Host, no token, a cross-origin write, a huge body, a body that trickles in, deeply nested and
 * malformed JSON, binary bytes. Every answer is a clear 4xx with problem+json, nothing an
 * unauthenticated caller sent is stored, and Herald goes on answering.
 */
class HostileInputIT {

    static final String TOKEN = "hostile-token";

    @TempDir
    Path dir;

    Herald herald;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    /** An endpoint: a path (with its parameters filled in) and a method. */
    record Call(String method, String path) {
        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    /** Every endpoint, from the running routes: nothing here names a path. */
    List<Call> endpoints() {
        Set<Call> calls = new LinkedHashSet<>();
        for (var route : herald.camel().getRoutes()) {
            if (route.getEndpoint() instanceof PlatformHttpEndpoint e) {
                String path = e.getPath().replace("{id}", "hostile-post").replace("{offset}", "0").replace("{file}", "x.json");
                String methods = e.getHttpMethodRestrict() == null ? "GET,POST,PUT,DELETE" : e.getHttpMethodRestrict();
                for (String m : methods.split(",")) {
                    calls.add(new Call(m.strip(), path));
                }
            }
        }
        // The feeds are answered on the router, outside the routes.
        calls.add(new Call("GET", "/feeds/all.atom"));
        return new ArrayList<>(calls);
    }

    /** A raw HTTP/1.1 exchange, so the Host, the framing and the pace of the body are the test's to choose. */
    String exchange(String method, String path, Map<String, String> headers, byte[] body, int declaredLength, Duration pace)
            throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(90_000);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> {
                if (v != null && !v.equals("null")) {
                    head.append(k).append(": ").append(v).append("\r\n");
                }
            });
            if (body != null) {
                head.append("Content-Length: ").append(declaredLength >= 0 ? declaredLength : body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            if (body != null) {
                try {
                    if (pace == null) {
                        out.write(body);
                    } else {
                        // A byte at a time, until the body is sent or the server has answered; the answer is
                        // read below meanwhile.
                        io.herald.testkit.Trickle.bytes(out, body, pace, () -> {
                            try {
                                return in.available() > 0;
                            } catch (IOException e) {
                                return true;
                            }
                        }, null);
                    }
                    out.flush();
                } catch (IOException closedOnUs) {
                    // refused before the body was read: the answer is already there
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (java.net.SocketException reset) {
                // closed after the answer (the body was left unread): what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    long dlqRecords() {
        return TopicReplay.replay(herald.bootstrapServers(), Topics.DLQ, Duration.ofSeconds(10), (k, v) -> { });
    }

    long rawRecords() {
        return TopicReplay.replay(herald.bootstrapServers(), Topics.POSTS_RAW, Duration.ofSeconds(10), (k, v) -> { });
    }

    Map<String, String> headers(String host, String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", host);
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    @Test
    void every_endpoint_answers_hostile_input_with_a_clear_4xx_and_stores_nothing_for_an_unauthenticated_caller() throws Exception {
        // With the fediverse inbox on: it takes no token, but refuses anything unsigned, and keeps nothing of it.
        herald = Herald.start(ItSupport.settings(dir, port, "api-token", TOKEN, "max-post-bytes", 65_536, "request-timeout-seconds", 5,
                "activitypub", true), Stage.all());
        String own = "localhost:" + port;
        List<Call> calls = endpoints();
        assertTrue(calls.size() >= 20, "the routes list every endpoint: " + calls);
        long dlqBefore = dlqRecords();
        long rawBefore = rawRecords();
        List<String> problems = new ArrayList<>();
        byte[] small = "Title\n\nQ: A question?\nA: An answer.".getBytes(StandardCharsets.UTF_8);

        for (Call c : calls) {
            byte[] body = c.writes() ? small : null;
            String type = c.writes() ? "text/plain" : null;
            // A DNS-rebinding host name, with the right token even: refused.
            check(problems, c, "wrong Host", exchange(c.method(), c.path(), headers("rebind.attacker.example", "Authorization", "Bearer " + TOKEN,
                    "Content-Type", String.valueOf(type)), body, -1, null), 421);
            if (c.writes()) {
                check(problems, c, "no token", exchange(c.method(), c.path(), headers(own, "Content-Type", "text/plain"), body, -1, null), 401);
                check(problems, c, "cross-origin, token and all", exchange(c.method(), c.path(), headers(own, "Origin", "https://evil.example",
                        "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain"), body, -1, null), 403);
                // Huge, without the token: refused before a byte of it is read, so nothing of it is kept.
                check(problems, c, "huge, no token", exchange(c.method(), c.path(), headers(own, "Content-Type", "text/plain"),
                        new byte[16], 50_000_000, null), c.path().equals(io.herald.support.HttpGate.SIGNED_INBOX) ? 413 : 401);
            }
        }
        assertEquals(dlqBefore, dlqRecords(), "nothing an unauthenticated or misdirected caller sent is in the DLQ");
        assertEquals(rawBefore, rawRecords(), "and no post was written");

        // With the token: what each body-taking endpoint does with bodies that are not posts.
        byte[] nested = ("{\"title\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[4096];
        new java.util.Random(22).nextBytes(binary);
        for (Call c : calls) {
            if (!c.method().equals("POST")) {
                continue;
            }
            Map<String, String> auth = headers(own, "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
            checkClient(problems, c, "huge", exchange(c.method(), c.path(), auth, new byte[16], 50_000_000, null));
            checkClient(problems, c, "deeply nested JSON", exchange(c.method(), c.path(), auth, nested, -1, null));
            checkClient(problems, c, "malformed JSON", exchange(c.method(), c.path(), auth, "{\"title\": \"x\", ".getBytes(StandardCharsets.UTF_8), -1, null));
            Map<String, String> bin = headers(own, "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain");
            checkClient(problems, c, "binary bytes", exchange(c.method(), c.path(), bin, binary, -1, null));
        }

        // A body trickling in, a byte a second: Herald answers others meanwhile, and gives up on it (408).
        long t0 = System.nanoTime();
        var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return exchange("POST", "/api/posts", headers(own, "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain"),
                        small, -1, Duration.ofSeconds(1));
            } catch (Exception e) {
                return "failed: " + e;
            }
        });
        assertEquals(200, ItSupport.get(port, "/health").statusCode(), "a slow client stalls nobody");
        String slowAnswer = slow.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(408, status(slowAnswer), slowAnswer);
        assertTrue((System.nanoTime() - t0) / 1_000_000_000 < 30, "cut off at request-timeout-seconds");

        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals("UP", ItSupport.read(ItSupport.get(port, "/health").body()).get("status").asText(), "and Herald is still well");
    }

    static void check(List<String> problems, Call c, String what, String answer, int expected) {
        if (status(answer) != expected || !answer.contains("application/problem+json")) {
            problems.add(c.method() + " " + c.path() + " (" + what + "): expected " + expected + " problem+json, got "
                    + answer.lines().findFirst().orElse("nothing"));
        }
    }

    static void checkClient(List<String> problems, Call c, String what, String answer) {
        int s = status(answer);
        boolean clear = s >= 400 && s < 500 && answer.contains("problem+json") && !answer.contains("Exception") && !answer.contains("\tat ");
        // A preview of a bad body, a retry of a missing DLQ record, a resend of an unknown post: all 4xx.
        if (!clear) {
            problems.add(c.method() + " " + c.path() + " (" + what + "): expected a clear 4xx, got " + answer.lines().findFirst().orElse("nothing"));
        }
    }
}
