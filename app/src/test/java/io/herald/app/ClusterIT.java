package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald as it runs in production, on this machine and without Docker: a three-broker KRaft cluster
 * (three broker JVMs from Kafka's own jars, replication factor 3, min ISR 2) and every stage a
 * separate {@code herald} process: one ingest, two transform, two publish. 5,000 posts are sent
 * while one broker is killed (SIGKILL) and restarted and one transform instance is killed. Then
 * every accepted post is served exactly once by both publish instances (their feeds byte for byte
 * the same), and no newsletter or social key is on its topic twice. The figures (posts per second,
 * recovery after each kill) are printed for the README.
 */
class ClusterIT {

    static final int POSTS = 5_000;
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    static final String JAR = System.getProperty("herald.jar", "target/herald.jar");
    /** Eight JVMs share two cores: small heaps, the serial collector, and no second JIT tier. */
    static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();
    final Map<Integer, Process> brokers = new HashMap<>();
    final int[] clientPorts = {ItSupport.freePort(), ItSupport.freePort(), ItSupport.freePort()};
    final int[] controllerPorts = {ItSupport.freePort(), ItSupport.freePort(), ItSupport.freePort()};
    final String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    String bootstrap() {
        return "127.0.0.1:" + clientPorts[0] + ",127.0.0.1:" + clientPorts[1] + ",127.0.0.1:" + clientPorts[2];
    }

    Process broker(int node) throws Exception {
        String voters = "1@127.0.0.1:" + controllerPorts[0] + ",2@127.0.0.1:" + controllerPorts[1] + ",3@127.0.0.1:" + controllerPorts[2];
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(JVM);
        command.addAll(List.of("-cp", JAR, "io.herald.broker.EmbeddedKafka", "node", dir.resolve("kafka-" + node).toString(),
                String.valueOf(node), String.valueOf(clientPorts[node - 1]), String.valueOf(controllerPorts[node - 1]), voters, clusterId, "3"));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("broker-" + node + ".log").toFile()).start();
        processes.add(p);
        brokers.put(node, p);
        return p;
    }

    static void awaitReady(Process broker) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // the node says READY once the controller quorum answers
        }
        assertTrue(line != null, "a broker process did not start");
    }

    Process herald(String stage, String name, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(JVM);
        command.addAll(List.of("-jar", JAR, stage, "--port", String.valueOf(port), "--kafka-bootstrap", bootstrap(),
                "--data-dir", dir.resolve(name).resolve("data").toString(), "--inbox", dir.resolve(name).resolve("inbox").toString(),
                "--out", dir.resolve(name).resolve("out").toString(), "--topic-partitions", "6", "--social-platforms", "x,bluesky",
                "--base-url", "https://herald.example", "--host", "127.0.0.1"));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    static void awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void five_thousand_posts_through_a_three_broker_cluster_survive_a_broker_and_a_transform_being_killed() throws Exception {
        for (int node = 1; node <= 3; node++) {
            broker(node);
        }
        for (Process b : List.copyOf(brokers.values())) {
            awaitReady(b);
        }
        int ingestPort = ItSupport.freePort();
        int[] transformPorts = {ItSupport.freePort(), ItSupport.freePort()};
        int[] publishPorts = {ItSupport.freePort(), ItSupport.freePort()};
        herald("ingest", "ingest", ingestPort);
        awaitHealthy(ingestPort); // creates the topics, replicated three times
        Process transform1 = herald("transform", "transform-1", transformPorts[0]);
        Process transform2 = herald("transform", "transform-2", transformPorts[1]);
        herald("publish", "publish-1", publishPorts[0]);
        herald("publish", "publish-2", publishPorts[1]);
        for (int port : List.of(transformPorts[0], transformPorts[1], publishPorts[0], publishPorts[1])) {
            awaitHealthy(port);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            TopicDescription raw = admin.describeTopics(List.of(Topics.POSTS_RAW.name())).allTopicNames().get().get(Topics.POSTS_RAW.name());
            assertEquals(6, raw.partitions().size());
            assertTrue(raw.partitions().stream().allMatch(p -> p.replicas().size() == 3), "replication factor 3");
        }

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicLong lastUnavailable = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < POSTS; i++) {
            int n = i;
            senders.submit(() -> {
                try {
                    HttpResponse<String> r = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/posts"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString("Cluster post " + n + "\n\nQ: Does post " + n + " arrive?\nA: Once."))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.add(ItSupport.read(r.body()).get("id").asText());
                    } else {
                        unavailable.incrementAndGet();
                        lastUnavailable.set(System.nanoTime());
                    }
                } catch (Exception e) {
                    unavailable.incrementAndGet();
                } finally {
                    answered.incrementAndGet();
                }
            });
        }

        await().atMost(Duration.ofMinutes(5)).until(() -> answered.get() >= POSTS / 4);
        long brokerKilled = System.nanoTime();
        brokers.get(3).destroyForcibly(); // SIGKILL
        assertTrue(brokers.get(3).waitFor(30, TimeUnit.SECONDS));
        Process restarted = broker(3);
        awaitReady(restarted);
        long brokerBack = System.nanoTime();
        // Back in sync: every partition of the post topics has all three replicas in its ISR again.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> admin
                    .describeTopics(List.of(Topics.POSTS_RAW.name(), Topics.POSTS_ENRICHED.name())).allTopicNames().get().values().stream()
                    .allMatch(t -> t.partitions().stream().allMatch(p -> p.isr().size() == 3)));
        }
        long brokerInSync = System.nanoTime();

        await().atMost(Duration.ofMinutes(5)).until(() -> answered.get() >= POSTS * 3 / 5);
        long transformKilled = System.nanoTime();
        Set<String> acceptedBeforeKill = new HashSet<>(accepted);
        transform2.destroyForcibly();
        assertTrue(transform2.waitFor(30, TimeUnit.SECONDS));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> ItSupport.served(publishPorts[0]).containsAll(acceptedBeforeKill));
        long transformRecovered = System.nanoTime();

        senders.shutdown();
        assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES));
        long sent = System.nanoTime();
        assertTrue(accepted.size() > POSTS * 9 / 10, "most posts were accepted: " + accepted.size() + " (" + unavailable.get() + " refused)");

        for (int port : publishPorts) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> ItSupport.served(port).containsAll(accepted));
        }
        long allServed = System.nanoTime();
        assertTrue(transform1.isAlive(), "the surviving transform instance took over");

        // Both publish instances serve the same bytes, and every accepted post exactly once across the feed and its archives.
        Map<String, Integer> first = ItSupport.feedTitles(publishPorts[0]);
        Map<String, Integer> second = ItSupport.feedTitles(publishPorts[1]);
        assertEquals(first, second);
        assertEquals(ItSupport.get(publishPorts[0], "/feeds/all.atom").body(), ItSupport.get(publishPorts[1], "/feeds/all.atom").body());
        for (String id : accepted) {
            assertEquals(1, first.getOrDefault("Cluster post " + id.substring("cluster-post-".length()), 0), id);
        }
        assertTrue(first.values().stream().allMatch(n -> n == 1), "no entry twice");

        await().atMost(Duration.ofMinutes(3)).until(() -> count(Topics.NEWSLETTER) >= accepted.size());
        List<String> keys = new ArrayList<>();
        TopicReplay.replay(bootstrap(), Topics.NEWSLETTER, Duration.ofSeconds(60),
                (k, v) -> keys.add(Json.read(v, NewsletterPayload.class).idempotencyKey()));
        TopicReplay.replay(bootstrap(), Topics.SOCIAL, Duration.ofSeconds(60),
                (k, v) -> keys.add(Json.read(v, SocialSnippet.class).idempotencyKey()));
        assertEquals(keys.size(), new HashSet<>(keys).size(), "no idempotency key twice");

        System.out.printf(
                "[herald] cluster: %d of %d posts accepted in %.1f s (%.0f posts/s through ingest; %d refused with 503 while a broker "
                        + "was down); all served by both publish instances %.1f s after the last was sent. Broker SIGKILL: restarted and "
                        + "ready after %.1f s, all replicas back in sync %.1f s after the kill. Transform SIGKILL: every post accepted "
                        + "before it was served %.1f s after the kill.%n",
                accepted.size(), POSTS, (sent - start) / 1e9, accepted.size() / ((sent - start) / 1e9), unavailable.get(),
                (allServed - sent) / 1e9, (brokerBack - brokerKilled) / 1e9, (brokerInSync - brokerKilled) / 1e9,
                (transformRecovered - transformKilled) / 1e9);
    }

    long count(io.herald.events.Topic<?> topic) {
        AtomicInteger n = new AtomicInteger();
        TopicReplay.replay(bootstrap(), topic, Duration.ofSeconds(60), (k, v) -> n.incrementAndGet());
        return n.get();
    }

}
