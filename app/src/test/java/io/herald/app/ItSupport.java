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

/** Small helpers the integration tests share: ports, HTTP and an independent feed parser. */
final class ItSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Debian's python with python3-feedparser (.ci/run installs it), not a pyenv one. */
    static final String PYTHON = "/usr/bin/python3";

    private ItSupport() {
    }

    /**
     * Settings for a Herald under test, by name: its folders under {@code dir}, its HTTP {@code port},
     * any free port for an embedded broker, then the names and values given ({@code "feed-size", 200, ...}).
     */
    static io.herald.support.Settings settings(Path dir, int port, Object... namesAndValues) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("host", "127.0.0.1");
        values.put("port", port);
        values.put("embedded-kafka-port", 0);
        values.put("data-dir", dir.resolve("data"));
        values.put("inbox", dir.resolve("inbox"));
        values.put("out", dir.resolve("out"));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return io.herald.support.Settings.of(values);
    }

    /** The JSON line a tool started for a test prints once it listens (its log, which says why it did not, in {@code log}). */
    static com.fasterxml.jackson.databind.JsonNode firstLine(Process p, Duration within, Path log) throws Exception {
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        String first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(within.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        if (first == null) {
            throw new IllegalStateException(p.info().command().orElse("the tool") + " did not start: see " + log);
        }
        return read(first);
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

    /**
     * Waits until every consumer group named has finished every record now on {@code topic}: its
     * committed offset on each partition reaches the partition's end. Consumers process records one
     * by one and commit after processing, so this is "caught up", not "fetched".
     */
    static void awaitCaughtUp(String bootstrap, String topic, String... groups) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrap))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lagOf(admin, topic, groups) == 0);
        }
    }

    static long lagOf(org.apache.kafka.clients.admin.Admin admin, String topic, String... groups) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        description.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (String group : groups) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (var end : ends.entrySet()) {
                var at = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
            }
        }
        return lag;
    }

    static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return io.herald.events.Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a JSON Feed 1.1 document with Python's own JSON parser against the spec's rules (version
     * URL, a title, items with unique string ids, content_html or content_text, RFC 3339 dates), and
     * answers in feedparser's shape: {@code bozo=<bool>}, {@code entries=<n>}, then {@code <id>\t<title>}.
     */
    static List<String> jsonFeedCheck(String json) {
        return python(json, ".json", """
                import sys, json, re
                problems = []
                d = json.load(open(sys.argv[1], encoding="utf-8"))
                if d.get("version") != "https://jsonfeed.org/version/1.1": problems.append("version")
                if not isinstance(d.get("title"), str) or not d["title"]: problems.append("title")
                items = d.get("items")
                if not isinstance(items, list): problems.append("items"); items = []
                ids = [i.get("id") for i in items]
                if any(not isinstance(i, str) or not i for i in ids) or len(set(ids)) != len(ids): problems.append("ids")
                rfc3339 = re.compile(r"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$")
                for i in items:
                    if not (i.get("content_html") or i.get("content_text")): problems.append("content " + str(i.get("id")))
                    for k in ("date_published", "date_modified"):
                        if k in i and not rfc3339.match(i[k]): problems.append(k)
                print("bozo=%s" % bool(problems))
                print("entries=%d" % len(items))
                for i in items:
                    print("%s\\t%s" % (i.get("id"), i.get("title")))
                if problems: print("problems=" + ",".join(problems))
                """);
    }

    /**
     * Parses a feed with python3-feedparser, a parser that shares nothing with ROME, and returns
     * its verdict as lines: {@code bozo=<bool>}, {@code entries=<n>}, then {@code <id>\t<title>} per entry.
     */
    static List<String> feedparser(String feed) {
        if (feed.stripLeading().startsWith("{")) {
            return jsonFeedCheck(feed);
        }
        return python(feed, ".xml", """
                import sys, feedparser
                d = feedparser.parse(sys.argv[1])
                print("bozo=%s" % bool(d.bozo))
                print("entries=%d" % len(d.entries))
                for e in d.entries:
                    print("%s\\t%s" % (e.get("id"), e.get("title")))
                """);
    }

    /** What feedparser reads as the feed's title and subtitle (first two lines), then every entry's link. */
    static List<String> feedparserLinks(String feed) {
        return python(feed, ".xml", """
                import sys, feedparser
                d = feedparser.parse(sys.argv[1])
                print(d.feed.get("title", ""))
                print(d.feed.get("subtitle", ""))
                for e in d.entries:
                    print(e.get("link", ""))
                """);
    }

    private static List<String> python(String document, String suffix, String script) {
        io.herald.testkit.Tools.requireFeedparser();
        try {
            Path file = Files.createTempFile("herald-feed", suffix);
            Files.writeString(file, document);
            Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the feed check failed (is python3-feedparser installed?): " + out);
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

    /** The ids a publish instance serves, from its read API. */
    static java.util.Set<String> served(int port) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int offset = 0; ; offset += 200) {
            com.fasterxml.jackson.databind.JsonNode page = read(get(port, "/api/posts?limit=200&offset=" + offset).body()).get("posts");
            page.forEach(post -> ids.add(post.get("id").asText()));
            if (page.size() < 200) {
                return ids;
            }
        }
    }

    /** Entry titles, counted, across /feeds/all.atom and every archive page it links back to. */
    static java.util.Map<String, Integer> feedTitles(int port) throws Exception {
        java.util.Map<String, Integer> titles = new java.util.HashMap<>();
        String path = "/feeds/all.atom";
        int pages = 0;
        while (path != null && pages++ < 1000) {
            HttpResponse<String> page = get(port, path);
            org.junit.jupiter.api.Assertions.assertEquals(200, page.statusCode(), path);
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String atom = "http://www.w3.org/2005/Atom";
            var entries = doc.getElementsByTagNameNS(atom, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                var entry = (org.w3c.dom.Element) entries.item(i);
                titles.merge(entry.getElementsByTagNameNS(atom, "title").item(0).getTextContent(), 1, Integer::sum);
            }
            path = null;
            var links = doc.getDocumentElement().getElementsByTagNameNS(atom, "link");
            for (int i = 0; i < links.getLength(); i++) {
                var link = (org.w3c.dom.Element) links.item(i);
                if (link.getParentNode() == doc.getDocumentElement() && "prev-archive".equals(link.getAttribute("rel"))) {
                    // Links are absolute on the public base URL; this instance serves the same path.
                    path = java.net.URI.create(link.getAttribute("href")).getPath();
                }
            }
        }
        return titles;
    }
}
