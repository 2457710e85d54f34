package io.herald.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bench.BenchPost;
import io.herald.broker.EmbeddedKafka;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.events.Topics;
import io.herald.ingest.PlainTextParser;
import io.herald.support.ConsumerGroups;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import io.herald.support.Hashes;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

/**
 * Herald's performance harness ({@code bench/run}): starts Herald from its jar on its embedded broker,
 * runs each measurement next to its baseline in the same run, prints a table and writes JSON.
 *
 * <pre>
 * bench/run [--only startup,latency,feeds,throughput,startup-large] [--latency-posts 1000]
 *           [--throughput-posts 20000] [--large-posts 100000] [--xmx 512m] [--wrk-seconds 10]
 *           [--json bench/results/latest.json] [--jfr herald.jfr]
 * </pre>
 */
public final class Harness {

    static final String TOKEN = "bench-token";

    private final Map<String, String> options;
    private final Path root;
    private final Path jar;
    private final Path work;
    private final Path log;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String webinar;
    private final int webinarRawBytes;
    private final int webinarEnrichedBytes;

    /** One line of the table: a figure, its baseline from the same run, and the target it is held to. */
    record Row(String measurement, String herald, String baseline, String ratio, String target) {
    }

    private Harness(Map<String, String> options) throws IOException {
        this.options = options;
        this.root = findRoot();
        this.jar = options.containsKey("jar") ? Path.of(options.get("jar")).toAbsolutePath() : root.resolve("app/target/herald.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build Herald first (mvn -B -q package -DskipTests): no " + jar);
        }
        this.work = Files.createTempDirectory("herald-bench-");
        this.log = work.resolve("herald.log");
        this.webinar = BenchPost.webinarText();
        RawPost raw = BenchPost.webinarRaw();
        this.webinarRawBytes = Json.writeBytes(raw).length;
        this.webinarEnrichedBytes = Json.writeBytes(new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow()).length;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: bench/run [--only startup,latency,feeds,throughput,startup-large] [--latency-posts N] "
                        + "[--throughput-posts N] [--large-posts N] [--xmx SIZE] [--wrk-seconds S] [--json FILE] [--jfr FILE] [--jar HERALD_JAR]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        if (options.containsKey("jfr")) {
            System.setProperty("herald.bench.jfr", Path.of(options.get("jfr")).toAbsolutePath().toString());
        }
        Harness h = new Harness(options);
        try {
            h.run();
        } finally {
            h.print();
        }
    }

    private int intOption(String name, int dflt) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(dflt)));
    }

    private boolean selected(String part) {
        String only = options.get("only");
        return only == null || List.of(only.split(",")).contains(part);
    }

    private void run() throws Exception {
        String xmx = options.getOrDefault("xmx", "512m");
        json.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        json.put("machine", machine());
        json.put("xmx", xmx);
        json.put("webinarRawEventBytes", webinarRawBytes);
        json.put("webinarEnrichedEventBytes", webinarEnrichedBytes);
        System.out.printf("Herald bench: %s, work folder %s, Herald's log %s%n", machine(), work, log);
        boolean needsRunning = selected("startup") || selected("latency") || selected("feeds") || selected("throughput");
        if (needsRunning) {
            // As a user's second start: the first start after a build records the class-data archive.
            Path jsa = Path.of(jar.toString().replaceFirst("\\.jar$", ".jsa"));
            if (!Files.exists(jsa) || Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                System.out.println("first start after a build: recording the class-data archive");
                double first;
                try (Herald once = Herald.start(root, jar, work.resolve("data-first"), xmx, freePort(), freePort(), log)) {
                    first = once.awaitHealthy(Duration.ofSeconds(120));
                }
                row("first start after a build (records the class-data archive)", fmt(first, 2) + " s", "", "", "");
            }
            try (Herald herald = Herald.start(root, jar, work.resolve("data"), xmx, freePort(), freePort(), log)) {
                double startup = herald.awaitHealthy(Duration.ofSeconds(120));
                if (selected("startup")) {
                    row("start-up to healthy, empty data folder", fmt(startup, 2) + " s", "—", "—", "≤ 4 s");
                    json.put("startupEmptySeconds", startup);
                }
                if (selected("latency") || selected("feeds")) {
                    latency(herald, intOption("latency-posts", 1000));
                }
                if (selected("feeds")) {
                    feeds(herald);
                }
                if (selected("throughput")) {
                    throughput(herald, intOption("throughput-posts", 20_000), xmx);
                }
            }
        }
        if (selected("startup-large")) {
            startupLarge(intOption("large-posts", 100_000), xmx);
        }
    }

    // ---------------------------------------------------------------- 1. latency

    private String post(int n, String prefix) {
        return "Q&A: " + prefix + " " + n + " " + webinar.lines().findFirst().orElse("").replaceFirst("^Q&A:\\s*", "") + "\n"
                + webinar.substring(webinar.indexOf('\n'));
    }

    private HttpResponse<String> send(Herald herald, String id, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(herald.url("/api/posts?id=" + id)))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private void latency(Herald herald, int n) throws Exception {
        System.out.printf("latency: %d posts one at a time, 202 to visible in /feeds/all.atom, newsletter and social events%n", n);
        Map<String, Long> newsletterAt = new ConcurrentHashMap<>();
        Map<String, Long> socialAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        RawKafka raw = new RawKafka(herald.bootstrap());
        // Record timestamps are the producer's (Herald's) clock, the same clock as ours: when each event was written.
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> c = raw.consumer("bench-watch-" + System.nanoTime())) {
                c.subscribe(List.of(Topics.NEWSLETTER.name(), Topics.SOCIAL.name()));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        String postId = Json.read(r.value(), JsonNode.class).path("postId").asText();
                        (r.topic().equals(Topics.NEWSLETTER.name()) ? newsletterAt : socialAt).merge(postId, r.timestamp(), Math::max);
                    }
                }
            }
        }, "watch");
        watcher.start();
        List<Long> feed = new ArrayList<>();
        List<Long> newsletter = new ArrayList<>();
        List<Long> social = new ArrayList<>();
        String etag = null;
        int warm = 100;
        for (int i = 0; i < n + warm; i++) {
            String id = "bench-lat-" + i;
            HttpResponse<String> r = send(herald, id, post(i, "Latency"));
            long acceptedNanos = System.nanoTime();
            long acceptedMillis = System.currentTimeMillis();
            if (r.statusCode() != 202) {
                throw new IllegalStateException("post " + id + " answered " + r.statusCode() + ": " + r.body());
            }
            String link = "/posts/" + id + "\"";
            long deadline = acceptedNanos + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(herald.url("/feeds/all.atom")));
                if (etag != null) {
                    b.header("If-None-Match", etag);
                }
                HttpResponse<String> f = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (f.statusCode() == 200) {
                    etag = f.headers().firstValue("ETag").orElse(null);
                    if (f.body().contains(link)) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(id + " was not in the feed 30 s after its 202");
                }
                LockSupport.parkNanos(200_000);
            }
            long visible = System.nanoTime() - acceptedNanos;
            if (i >= warm) {
                feed.add(visible);
                long waitUntil = System.currentTimeMillis() + 10_000;
                while ((!newsletterAt.containsKey(id) || socialAt.getOrDefault(id, 0L) == 0) && System.currentTimeMillis() < waitUntil) {
                    Thread.sleep(1);
                }
                newsletter.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, newsletterAt.getOrDefault(id, waitUntil) - acceptedMillis)));
                social.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, socialAt.getOrDefault(id, waitUntil) - acceptedMillis)));
            }
        }
        stop.set(true);
        watcher.join();
        Stats f = Stats.ofNanos(feed);
        Stats nl = Stats.ofNanos(newsletter);
        Stats so = Stats.ofNanos(social);
        System.out.println("  baseline: raw Kafka produce → consume → produce → consume through two topics");
        Stats base = Stats.ofNanos(raw.twoTopicRoundTrips(n, webinarRawBytes, webinarEnrichedBytes));
        row("end-to-end p50, 202 → in /feeds/all.atom", ms(f.p50()), ms(base.p50()) + " raw 2-topic round trip", ratio(f.p50() / base.p50()), "");
        row("end-to-end p95", ms(f.p95()), ms(base.p95()), ratio(f.p95() / base.p95()), "");
        row("end-to-end p99", ms(f.p99()), ms(base.p99()), ratio(f.p99() / base.p99()), "≤ 25 ms and ≤ 5×");
        row("202 → newsletter event written, p50 / p99", ms(nl.p50()) + " / " + ms(nl.p99()), "", "", "");
        row("202 → last social snippet written, p50 / p99", ms(so.p50()) + " / " + ms(so.p99()), "", "", "");
        json.put("latency", Map.of("posts", n, "feed", f, "newsletter", nl, "social", so, "rawTwoTopicRoundTrip", base,
                "recordBytes", List.of(webinarRawBytes, webinarEnrichedBytes)));
    }

    // ---------------------------------------------------------------- 3. feed serving

    /** A short post of the team's own for the small feed: a few lines, as a summary is. */
    private static String smallPost(int n) {
        return """
                ---
                title: "Opening hours, week %1$d"
                tags: [bench small]
                ---

                Q: When is the shop open in week %1$d?

                A: Monday to Friday from nine to five, Saturdays until one.
                """.formatted(n);
    }

    private void feeds(Herald herald) throws Exception {
        String url = herald.url("/feeds/all.atom");
        HttpResponse<byte[]> doc = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = doc.body();
        // The export folder holds the same bytes once the export caught up (twice a second).
        Path exported = herald.dataDir.resolve("out/feeds/all.atom");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(exported) && Arrays.equals(Files.readAllBytes(exported), body)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!Arrays.equals(Files.readAllBytes(exported), body)) {
            throw new IllegalStateException("the --out export does not hold the bytes Herald serves");
        }
        Map<String, Object> large = serve(herald, "/feeds/all.atom", Files.readAllBytes(exported), "");
        // The small feed: 20 short entries, where the cost per request, not per byte, shows.
        for (int i = 0; i < 20; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(herald.url("/api/posts?id=bench-small-" + i)))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/markdown; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(smallPost(i))).build();
            if (http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode() != 202) {
                throw new IllegalStateException("a small post was not accepted");
            }
        }
        String small = "/feeds/tags/bench-small.atom";
        byte[] smallBody = new byte[0];
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(herald.url(small))).build(), HttpResponse.BodyHandlers.ofByteArray());
            smallBody = r.body();
            if (r.statusCode() == 200 && new String(smallBody, StandardCharsets.UTF_8).split("<entry>", -1).length - 1 == 20) {
                break;
            }
            Thread.sleep(50);
        }
        Map<String, Object> smallResult = serve(herald, small, smallBody, ", small");
        double health = new FeedServing(intOption("wrk-seconds", 10), 32).wrk(herald.url("/health"), Map.of());
        row("/health, req/s", fmt(health, 0), "", "", "");
        json.put("feeds", large);
        json.put("smallFeed", smallResult);
        json.put("healthPerSecond", health);
    }

    /** wrk against Herald's {@code path} and against nginx serving {@code body} (as Herald serves it): full, gzip, 304. */
    private Map<String, Object> serve(Herald herald, String path, byte[] body, String label) throws Exception {
        String url = herald.url(path);
        int entries = new String(body, StandardCharsets.UTF_8).split("<entry>", -1).length - 1;
        System.out.printf("feeds: wrk against %s (%d entries, %d KB) and nginx serving the same bytes%n", path, entries, body.length / 1024);
        Path nginxWork = work.resolve("nginx" + path.hashCode());
        Files.createDirectories(nginxWork);
        Path nginxRoot = FeedServing.nginxRoot(nginxWork, path, body);
        int nginxPort = freePort();
        Process nginx = FeedServing.nginx(nginxWork, nginxRoot, nginxPort);
        FeedServing serving = new FeedServing(intOption("wrk-seconds", 10), 32);
        String nginxUrl = "http://127.0.0.1:" + nginxPort + path;
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    serving.etag(nginxUrl);
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > until || !nginx.isAlive()) {
                        throw new IllegalStateException("nginx did not start; see " + nginxWork.resolve("logs"), e);
                    }
                    Thread.sleep(50);
                }
            }
            String heraldEtag = serving.etag(url);
            String nginxEtag = serving.etag(nginxUrl);
            serving.check(url, heraldEtag);
            serving.check(nginxUrl, nginxEtag);
            List<FeedServing.Result> results = new ArrayList<>();
            results.add(new FeedServing.Result("full", serving.wrk(url, Map.of()), serving.wrk(nginxUrl, Map.of())));
            results.add(new FeedServing.Result("gzip", serving.wrk(url, Map.of("Accept-Encoding", "gzip")),
                    serving.wrk(nginxUrl, Map.of("Accept-Encoding", "gzip"))));
            results.add(new FeedServing.Result("304", serving.wrk(url, Map.of("If-None-Match", heraldEtag)),
                    serving.wrk(nginxUrl, Map.of("If-None-Match", nginxEtag))));
            for (FeedServing.Result r : results) {
                row("feed " + r.kind() + " responses (" + entries + " entries, " + body.length / 1024 + " KB" + label + "), req/s",
                        fmt(r.herald(), 0), fmt(r.nginx(), 0) + " nginx", ratio(r.ratio()), "≥ 0.9×");
            }
            return Map.of("path", path, "entries", entries, "bytes", body.length, "results", results);
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- 2. throughput and 5. memory

    private void throughput(Herald herald, int n, String xmx) throws Exception {
        int clients = 16;
        System.out.printf("throughput: %d webinar-size posts from %d concurrent clients%n", n, clients);
        int before = total(herald);
        double cpuBefore = herald.cpuSeconds();
        AtomicInteger enriched = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        RawKafka raw = new RawKafka(herald.bootstrap());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> c = raw.consumer("bench-tp-" + System.nanoTime())) {
                c.subscribe(List.of(Topics.POSTS_ENRICHED.name()));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        if (r.key() != null && r.key().startsWith("bench-tp-") && seen.add(r.key())) {
                            enriched.incrementAndGet();
                        }
                    }
                }
            }
        }, "watch-enriched");
        watcher.start();
        // The watcher has its partitions before the clock starts.
        Thread.sleep(1000);
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    try {
                        HttpResponse<String> r = send(herald, "bench-tp-" + i, post(i, "Throughput"));
                        if (r.statusCode() != 202) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        double acceptSeconds = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " posts were not accepted, first: " + failures.get(0));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        double enrichedSeconds = Double.NaN;
        double feedSeconds = Double.NaN;
        while (System.nanoTime() < deadline && herald.alive()) {
            if (Double.isNaN(enrichedSeconds) && enriched.get() >= n) {
                enrichedSeconds = (System.nanoTime() - t0) / 1e9;
            }
            if (Double.isNaN(feedSeconds) && total(herald) >= before + n) {
                feedSeconds = (System.nanoTime() - t0) / 1e9;
            }
            if (!Double.isNaN(enrichedSeconds) && !Double.isNaN(feedSeconds)) {
                break;
            }
            // Not too often: each look at the total is a request Herald answers while it works.
            Thread.sleep(200);
        }
        stop.set(true);
        watcher.join();
        double cpuPerPost = herald.alive() ? (herald.cpuSeconds() - cpuBefore) * 1000 / n : Double.NaN;
        boolean passed = herald.alive() && !Double.isNaN(feedSeconds);
        double rss = herald.alive() ? herald.peakRssMiB() : Double.NaN;
        System.out.println("  baseline: raw Kafka producers (" + clients + ", one record in flight each) → relay writing 6 records per post → consumer");
        double base = raw.throughput(n, clients, webinarRawBytes, webinarEnrichedBytes, 6);
        row("posts accepted (202) per second", fmt(n / acceptSeconds, 0), "", "", "");
        row("posts per second to herald.posts.enriched", fmt(n / enrichedSeconds, 0), fmt(base, 0) + " raw Kafka, 7 writes/post", ratio(n / enrichedSeconds / base), "");
        row("posts per second to the feeds", fmt(n / feedSeconds, 0), fmt(base, 0), ratio(n / feedSeconds / base), "≥ 400/s");
        row("Herald's CPU per post (all stages and the broker)", fmt(cpuPerPost, 1) + " ms", "", "", "");
        row("peak RSS during the run (broker included), -Xmx" + xmx, fmt(rss, 0) + " MiB", "", "", passed ? "passed" : "FAILED");
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("posts", n);
        t.put("clients", clients);
        t.put("acceptedPerSecond", n / acceptSeconds);
        t.put("enrichedPerSecond", n / enrichedSeconds);
        t.put("feedsPerSecond", n / feedSeconds);
        t.put("rawKafkaPerSecond", base);
        t.put("peakRssMiB", rss);
        t.put("cpuMillisPerPost", cpuPerPost);
        t.put("xmx", xmx);
        t.put("passed", passed);
        json.put("throughput", t);
    }

    private int total(Herald herald) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(herald.url("/api/posts?limit=1"))).build(), HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class).path("total").asInt();
    }

    // ---------------------------------------------------------------- 4. start-up with many posts

    /** A short post of the team's own (three pairs, about 200 words), many times over. */
    private static final String SHORT_POST = """
            Q&A: Allotment Plots

            The allotment committee answers what new plot holders ask most.

            Q: How long is the waiting list?
            A: About eight months at the moment. Half plots come free sooner than full ones, so say if a half plot would do.

            Q: Can I keep chickens on my plot?
            A: Up to four hens, no cockerels, in a coop the committee has seen. Bees need a course certificate and a neighbour's agreement.

            Q: What does a plot cost?
            A: Forty pounds a year for a full plot and twenty-two for a half, water included. Members over seventy pay half.
            """;

    private void startupLarge(int n, String xmx) throws Exception {
        Path data = work.resolve("data-large");
        System.out.printf("start-up with %d posts: topics made by Herald, then the posts written straight to its topics%n", n);
        double empty;
        try (Herald first = Herald.start(root, jar, data, xmx, freePort(), freePort(), log)) {
            empty = first.awaitHealthy(Duration.ofSeconds(120));
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        try {
            RawPost rawTemplate = new PlainTextParser().parse(SHORT_POST).toRaw().id("t").source("http").contentType("text/plain")
                    .body(SHORT_POST).receivedAt(Instant.parse("2026-01-01T00:00:00Z")).contentHash("h").build();
            EnrichedPost template = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(rawTemplate).orElseThrow();
            RawKafka rawKafka = new RawKafka(kafka.bootstrapServers());
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            try (var p = rawKafka.producer()) {
                for (int i = 0; i < n; i++) {
                    String id = "bench-large-" + i;
                    Instant at = t.plusSeconds(60L * i);
                    RawPost r = rawTemplate.toBuilder().id(id).title("Allotment Plots " + i).receivedAt(at)
                            .contentHash(Hashes.sha256(id)).build();
                    EnrichedPost e = template.toBuilder().id(id).title("Allotment Plots " + i).published(at).updated(at).build();
                    p.send(new ProducerRecord<>(Topics.POSTS_RAW.name(), id, Json.writeBytes(r)));
                    p.send(new ProducerRecord<>(Topics.POSTS_ENRICHED.name(), id, Json.writeBytes(e)));
                }
                p.flush();
            }
            // As after Herald worked through them: transform, newsletters and social are at the end of their topics.
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                commitToEnd(admin, ConsumerGroups.TRANSFORM, Topics.POSTS_RAW.name());
                commitToEnd(admin, ConsumerGroups.NEWSLETTER, Topics.POSTS_ENRICHED.name());
                commitToEnd(admin, ConsumerGroups.SOCIAL, Topics.POSTS_ENRICHED.name());
            }
        } finally {
            kafka.close();
        }
        // The first start on these posts reads them all from the topic (its store has no checkpoint for
        // them); the restart after it reads its store's checkpoint and nothing from the topic.
        double[] rebuilt = startServing(data, xmx, n);
        double[] restarted = startServing(data, xmx, n);
        row("start-up to healthy, empty data folder", fmt(empty, 2) + " s", "", "", "");
        row("start-up to healthy, " + n + " posts, store rebuilt from the topic", fmt(rebuilt[0], 2) + " s",
                fmt(empty, 2) + " s", fmt(rebuilt[0] / empty, 2) + "×", "");
        row("start-up to every post served, " + n + " posts, rebuilt", fmt(rebuilt[1], 2) + " s", "", "", "");
        row("peak RSS after that start-up", fmt(rebuilt[2], 0) + " MiB", "", "", "");
        row("start-up to healthy, " + n + " posts, from the store's checkpoint", fmt(restarted[0], 2) + " s",
                fmt(empty, 2) + " s", fmt(restarted[0] / empty, 2) + "×", "≤ 1.5× empty");
        row("start-up to every post served, " + n + " posts, from the checkpoint", fmt(restarted[1], 2) + " s", "", "", "");
        row("peak RSS after the restart from the checkpoint", fmt(restarted[2], 0) + " MiB", "", "", "");
        json.put("startupLarge", Map.of("posts", n, "xmx", xmx, "emptyHealthySeconds", empty,
                "healthySeconds", rebuilt[0], "servedSeconds", rebuilt[1], "peakRssMiB", rebuilt[2],
                "checkpointHealthySeconds", restarted[0], "checkpointServedSeconds", restarted[1], "checkpointPeakRssMiB", restarted[2]));
    }

    /** Starts Herald on {@code data} holding {@code n} posts: seconds to healthy, to every post served, and the peak RSS in MiB. */
    private double[] startServing(Path data, String xmx, int n) throws Exception {
        try (Herald herald = Herald.start(root, jar, data, xmx, freePort(), freePort(), log)) {
            double healthy = herald.awaitHealthy(Duration.ofSeconds(600));
            String newest = "/posts/bench-large-" + (n - 1) + "\"";
            while (true) {
                HttpResponse<String> f = http.send(HttpRequest.newBuilder(URI.create(herald.url("/feeds/all.atom"))).build(), HttpResponse.BodyHandlers.ofString());
                if (f.statusCode() == 200 && f.body().contains(newest) && total(herald) == n) {
                    break;
                }
                Thread.sleep(20);
            }
            double serving = (System.nanoTime() - herald.startedNanos) / 1e9;
            return new double[] {healthy, serving, herald.peakRssMiB()};
        }
    }

    private static void commitToEnd(Admin admin, String group, String topic) throws Exception {
        // Herald's members are static (they keep their partitions across a restart): remove them so
        // the group is empty and its offsets can be set.
        var members = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
        if (!members.isEmpty()) {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
                    .all().get(30, TimeUnit.SECONDS);
        }
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- output

    private void row(String measurement, String herald, String baseline, String ratio, String target) {
        Row r = new Row(measurement, herald, baseline, ratio, target);
        rows.add(r);
        System.out.printf("  %s: %s %s %s%n", measurement, herald, baseline.isEmpty() || baseline.equals("—") ? "" : "(baseline " + baseline + ", " + ratio + ")", target);
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder("\n| measurement | Herald | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            table.append("| ").append(String.join(" | ", r.measurement(), r.herald(), r.baseline(), r.ratio(), r.target())).append(" |\n");
        }
        System.out.println(table);
        json.put("rows", rows);
        Path out = root.resolve(options.getOrDefault("json", "bench/results/latest.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        System.out.println("Written: " + out + " (Herald's log: " + log + ")");
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String ms(double v) {
        return fmt(v, v < 10 ? 2 : 1) + " ms";
    }

    private static String ratio(double r) {
        return fmt(r, r < 10 ? 2 : 1) + "×";
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceFirst("^[^:]*:\\s*", "")).orElse(cpu);
        } catch (IOException e) {
            // keep unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java " + Runtime.version().feature();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository (bench/run does)");
    }
}
