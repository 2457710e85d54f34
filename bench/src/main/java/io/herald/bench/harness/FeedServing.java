package io.herald.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Feed serving under load: wrk against Herald's {@code /feeds/all.atom} and against nginx serving the
 * same bytes (and the same bytes gzipped, as a precompressed file) from a copy of Herald's export.
 */
final class FeedServing {

    record Result(String kind, double herald, double nginx) {
        double ratio() {
            return herald / nginx;
        }
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern BAD = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int seconds;
    private final int connections;

    FeedServing(int seconds, int connections) {
        this.seconds = seconds;
        this.connections = connections;
    }

    /** Starts nginx on {@code port} with {@code root} as its document root; the returned process is nginx's master. */
    static Process nginx(Path work, Path root, int port) throws IOException {
        Files.createDirectories(work.resolve("logs"));
        String conf = """
                worker_processes 2;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  types { application/atom+xml atom; application/rss+xml rss; application/feed+json json; }
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  keepalive_requests 1000000;
                  gzip_static on;
                  gzip_vary on;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %3$s;
                    location / { add_header Cache-Control "public, max-age=60"; }
                  }
                }
                """.formatted(work, port, root);
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, conf);
        return new ProcessBuilder("nginx", "-c", file.toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("logs/nginx.out").toFile()).start();
    }

    /** Copies the served document to {@code path} under a folder nginx can read (plain and precompressed), world-readable. */
    static Path nginxRoot(Path work, String path, byte[] body) throws IOException {
        Path root = work.resolve("root");
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.write(file, body);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(body);
        }
        Path gzFile = file.resolveSibling(file.getFileName() + ".gz");
        Files.write(gzFile, gz.toByteArray());
        for (Path p = file; p != null && p.startsWith(work.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.setPosixFilePermissions(gzFile, PosixFilePermissions.fromString("rw-r--r--"));
        return root;
    }

    String etag(String url) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(url + " sends no ETag"));
    }

    /** Checks that both servers answer each kind as claimed before load is put on them. */
    void check(String url, String etag) throws Exception {
        var gz = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.discarding());
        if (!"gzip".equals(gz.headers().firstValue("Content-Encoding").orElse(""))) {
            throw new IllegalStateException(url + " did not answer gzip");
        }
        var nm = http.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.discarding());
        if (nm.statusCode() != 304) {
            throw new IllegalStateException(url + " answered " + nm.statusCode() + " to If-None-Match");
        }
    }

    /** Requests per second wrk reached; fails on any non-2xx/3xx response or socket error. */
    double wrk(String url, Map<String, String> headers) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s"));
        headers.forEach((k, v) -> {
            cmd.add("-H");
            cmd.add(k + ": " + v);
        });
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher bad = BAD.matcher(out);
        if (bad.find()) {
            throw new IllegalStateException("wrk saw " + bad.group(1) + " error responses from " + url + ":\n" + out);
        }
        if (out.contains("Socket errors") && !out.matches("(?s).*Socket errors: connect 0, read 0, write 0, timeout 0.*")) {
            System.out.println("  (wrk reported socket errors on " + url + ": " + out.lines().filter(l -> l.contains("Socket")).findFirst().orElse("") + ")");
        }
        Matcher m = RPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
