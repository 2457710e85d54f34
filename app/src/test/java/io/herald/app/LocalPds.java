package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Bluesky PDS ({@code tools/bluesky/pds.mjs}: {@code @atproto/pds}, the server Bluesky runs, with a PLC
 * directory) as a process on loopback, with one account and its app password, and its own XRPC read calls:
 * what the tests check is what the PDS itself holds.
 */
final class LocalPds implements AutoCloseable {

    static final String MISSING = "the Bluesky PDS is not installed: tools/bluesky needs npm ci and its SQLite module built "
            + "for Node 22 (bin/test does both; it needs the npm registry, make and g++)";

    private final Process process;
    final String url;
    final int port;
    final String handle;
    final String did;
    final String appPassword;

    private LocalPds(Process process, JsonNode started) {
        this.process = process;
        this.url = started.path("pds").asText();
        this.port = URI.create(url).getPort();
        this.handle = started.path("handle").asText();
        this.did = started.path("did").asText();
        this.appPassword = started.path("appPassword").asText();
    }

    /** tools/bluesky with its packages installed and built, or null. */
    static Path tools() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path t = d.resolve("tools/bluesky");
            if (Files.isExecutable(t.resolve("node_modules/.bin/node"))
                    && Files.isRegularFile(t.resolve("node_modules/better-sqlite3/build/Release/better_sqlite3.node"))) {
                return t;
            }
        }
        return null;
    }

    static LocalPds start(Path tools, Path log) throws Exception {
        Process p = new ProcessBuilder(tools.resolve("node_modules/.bin/node").toString(), "pds.mjs").directory(tools.toFile())
                .redirectError(log.toFile()).start();
        return new LocalPds(p, ItSupport.firstLine(p, Duration.ofSeconds(90), log));
    }

    /** The settings that post to this account (and let Herald reach the PDS, and {@code alsoAllow}, on loopback). */
    Object[] settings(String alsoAllow) {
        return new Object[] {"bluesky-handle", handle, "bluesky-app-password", appPassword, "bluesky-pds", url,
                "outbound-allow", "127.0.0.1:" + port + ",localhost:" + port + (alsoAllow.isEmpty() ? "" : "," + alsoAllow)};
    }

    JsonNode xrpc(String method, String query) {
        var r = ItSupport.send(HttpRequest.newBuilder(URI.create(url + "/xrpc/" + method + "?" + query)).timeout(Duration.ofSeconds(30))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()); // the PDS answers an h2c upgrade with nothing
        assertEquals(200, r.statusCode(), method + ": " + r.body());
        return ItSupport.read(r.body());
    }

    /** Every post in the account's repository, as {@code com.atproto.repo.listRecords} gives them (uri, cid, value). */
    List<JsonNode> posts() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = xrpc("com.atproto.repo.listRecords", "repo=" + enc(did) + "&collection=app.bsky.feed.post&limit=100"
                    + (cursor.isEmpty() ? "" : "&cursor=" + enc(cursor)));
            page.path("records").forEach(all::add);
            cursor = page.path("records").isEmpty() ? "" : page.path("cursor").asText();
        } while (!cursor.isEmpty());
        return all;
    }

    /** A blob's bytes, as the PDS serves it ({@code com.atproto.sync.getBlob}). */
    byte[] blob(String cid) throws Exception {
        return ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create(url + "/xrpc/com.atproto.sync.getBlob?did=" + enc(did) + "&cid="
                + enc(cid))).version(java.net.http.HttpClient.Version.HTTP_1_1).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
