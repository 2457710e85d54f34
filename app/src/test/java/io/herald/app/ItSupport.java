package io.herald.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers the integration tests share: ports, HTTP, the corpus and an independent feed parser. */
final class ItSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Debian's python with python3-feedparser (.ci/run installs it), not a pyenv one. */
    static final String PYTHON = "/usr/bin/python3";

    private ItSupport() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    static HttpResponse<String> post(int port, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path corpus(String name) {
        Path root = Path.of(System.getProperty("herald.repo.root", "..")).toAbsolutePath();
        Path file = root.resolve("../shared/corpus").resolve(name).normalize();
        if (!Files.exists(file)) {
            throw new IllegalStateException("the shared corpus is not beside the repository: " + file);
        }
        return file;
    }

    /**
     * Parses a feed with python3-feedparser, a parser that shares nothing with ROME, and returns
     * its verdict as lines: {@code bozo=<bool>}, {@code entries=<n>}, then {@code <id>\t<title>} per entry.
     */
    static List<String> feedparser(String feedXml) {
        try {
            Path file = Files.createTempFile("herald-feed", ".xml");
            Files.writeString(file, feedXml);
            Process p = new ProcessBuilder(PYTHON, "-c", """
                    import sys, feedparser
                    d = feedparser.parse(sys.argv[1])
                    print("bozo=%s" % bool(d.bozo))
                    print("entries=%d" % len(d.entries))
                    for e in d.entries:
                        print("%s\\t%s" % (e.get("id"), e.get("title")))
                    """, file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("feedparser failed (is python3-feedparser installed?): " + out);
            }
            Files.deleteIfExists(file);
            return out.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
