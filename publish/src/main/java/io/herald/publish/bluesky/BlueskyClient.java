package io.herald.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;
import io.herald.support.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The XRPC calls Herald makes to the account's PDS, under one session: made once with
 * {@code com.atproto.server.createSession}, renewed with {@code refreshSession} when its access token
 * expires, and made again only when the refresh token is refused too, never more often than once a
 * minute (Bluesky allows 30 logins per 5 minutes; a login per post would soon be refused).
 */
public final class BlueskyClient {

    /** The collection posts are records of. */
    public static final String POSTS = "app.bsky.feed.post";
    /** The longest wait between logins (after one failed). */
    static final Duration LOGIN_GAP = Duration.ofMinutes(1);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** A record as the PDS names it: its at:// URI and the CID of its content. */
    public record Ref(String uri, String cid) {
    }

    /** An XRPC error answer: its status, its {@code error} name and its message. */
    public static final class XrpcError extends IOException {
        final int status;
        final String error;

        XrpcError(String method, int status, String error, String message) {
            super(method + " answered HTTP " + status + (error.isEmpty() ? "" : " " + error) + (message.isEmpty() ? "" : ": " + message));
            this.status = status;
            this.error = error;
        }

        boolean tokenRefused() {
            return status == 401 || "ExpiredToken".equals(error) || "InvalidToken".equals(error);
        }
    }

    private record Session(String did, String accessJwt, String refreshJwt) {
    }

    private final OutboundHttp http;
    private final String pds;
    private final String identifier;
    private final String password;
    private final Clock clock;
    private final AtomicInteger logins = new AtomicInteger();
    private Session session;
    private Instant lastLogin;

    public BlueskyClient(OutboundHttp http, String pds, String identifier, String password, Clock clock) {
        this.http = http;
        this.pds = pds.endsWith("/") ? pds.substring(0, pds.length() - 1) : pds;
        this.identifier = identifier;
        this.password = password;
        this.clock = clock;
    }

    public String pds() {
        return pds;
    }

    public String handle() {
        return identifier;
    }

    /** Logins made so far (createSession calls). */
    public int logins() {
        return logins.get();
    }

    /** The account's DID (logging in first if need be). */
    public String did() throws IOException, InterruptedException {
        return session().did();
    }

    /** {@code com.atproto.repo.createRecord} of a post under a key Herald chose. */
    public Ref create(String rkey, ObjectNode record) throws IOException, InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("repo", did()).put("collection", POSTS).put("rkey", rkey).set("record", record);
        JsonNode r = authed("com.atproto.repo.createRecord", body);
        return new Ref(r.path("uri").asText(), r.path("cid").asText());
    }

    /** The post under a key, if the repository has one ({@code com.atproto.repo.getRecord}), and its text. */
    public Optional<Map.Entry<Ref, String>> get(String rkey) throws IOException, InterruptedException {
        String query = "?repo=" + enc(did()) + "&collection=" + POSTS + "&rkey=" + enc(rkey);
        var r = http.send(URI.create(pds + "/xrpc/com.atproto.repo.getRecord" + query), "GET", Map.of("Accept", "application/json"), null,
                DEADLINE, 1024 * 1024);
        JsonNode json = read(r.body());
        if (r.status() == 400 && "RecordNotFound".equals(json.path("error").asText())) {
            return Optional.empty();
        }
        if (r.status() / 100 != 2) {
            throw error("com.atproto.repo.getRecord", r.status(), json);
        }
        return Optional.of(Map.entry(new Ref(json.path("uri").asText(), json.path("cid").asText()), json.path("value").path("text").asText()));
    }

    /** {@code com.atproto.repo.deleteRecord}: a key with no record is fine (it is gone either way). */
    public void delete(String rkey) throws IOException, InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("repo", did()).put("collection", POSTS).put("rkey", rkey);
        authed("com.atproto.repo.deleteRecord", body);
    }

    /** {@code com.atproto.repo.uploadBlob}: the blob object a record refers to it by. */
    public JsonNode uploadBlob(byte[] data, String mimeType) throws IOException, InterruptedException {
        return call("com.atproto.repo.uploadBlob", data, mimeType).path("blob");
    }

    private JsonNode authed(String method, ObjectNode body) throws IOException, InterruptedException {
        return call(method, Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private JsonNode call(String method, byte[] body, String type) throws IOException, InterruptedException {
        Session s = session();
        try {
            return post(method, body, type, s.accessJwt());
        } catch (XrpcError e) {
            if (!e.tokenRefused()) {
                throw e;
            }
            return post(method, body, type, renewed(s).accessJwt());
        }
    }

    private JsonNode post(String method, byte[] body, String type, String token) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        var r = http.send(URI.create(pds + "/xrpc/" + method), "POST", headers, body, DEADLINE, 256 * 1024);
        JsonNode json = read(r.body());
        if (r.status() / 100 != 2) {
            throw error(method, r.status(), json);
        }
        return json;
    }

    private synchronized Session session() throws IOException, InterruptedException {
        if (session == null) {
            session = login();
        }
        return session;
    }

    /** After the access token was refused: the session refreshed, or (its refresh token refused too) a new one. */
    private synchronized Session renewed(Session refused) throws IOException, InterruptedException {
        if (session != refused && session != null) {
            return session; // another thread renewed it meanwhile
        }
        try {
            JsonNode r = post("com.atproto.server.refreshSession", new byte[0], "application/json", refused.refreshJwt());
            session = new Session(r.path("did").asText(refused.did()), r.path("accessJwt").asText(), r.path("refreshJwt").asText());
        } catch (XrpcError e) {
            if (!e.tokenRefused()) {
                throw e;
            }
            session = null;
            session = login();
        }
        return session;
    }

    private Session login() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (lastLogin != null && lastLogin.plus(LOGIN_GAP).isAfter(now)) {
            throw new IOException("not logging in to " + pds + " again before " + lastLogin.plus(LOGIN_GAP)
                    + " (Bluesky allows 30 logins per 5 minutes)");
        }
        lastLogin = now;
        logins.incrementAndGet();
        ObjectNode body = Json.mapper().createObjectNode().put("identifier", identifier).put("password", password);
        JsonNode r = post("com.atproto.server.createSession", Json.write(body).getBytes(StandardCharsets.UTF_8), "application/json", null);
        if (r.path("did").asText().isEmpty() || r.path("accessJwt").asText().isEmpty()) {
            throw new IOException("com.atproto.server.createSession answered without a session");
        }
        return new Session(r.path("did").asText(), r.path("accessJwt").asText(), r.path("refreshJwt").asText());
    }

    private static JsonNode read(byte[] body) {
        try {
            return body == null || body.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static XrpcError error(String method, int status, JsonNode json) {
        String message = json.path("message").asText();
        return new XrpcError(method, status, json.path("error").asText(), message.length() > 300 ? message.substring(0, 300) : message);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
