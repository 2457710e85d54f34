package io.herald.app;

import com.fasterxml.jackson.databind.JsonNode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald killed with SIGKILL in the middle of ingesting 2,000 posts, then restarted on the same data
 * folder: every post that was answered 202 has exactly one version on the enriched topic (any repeated
 * record of it identical) and exactly one entry across the Atom feed and its archive pages, and no
 * newsletter or social key was sent twice.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    final List<Process> processes = new ArrayList<>();
    final int port = ItSupport.freePort();
    final int kafkaPort = ItSupport.freePort();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    Process herald() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("herald.jar", "target/herald.jar"), "run", "--port", String.valueOf(port),
                "--embedded-kafka-port", String.valueOf(kafkaPort), "--social-platforms", "x,bluesky")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + processes.size() + ".log").toFile())
                .redirectError(dir.resolve("err-" + processes.size() + ".log").toFile())
                .start();
        processes.add(p);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        return p;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void every_accepted_post_survives_a_sigkill_once_and_no_key_is_sent_twice() throws Exception {
        Process first = herald();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 2000; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    HttpResponse<String> r = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString("Crash post " + n + "\n\nQ: Kept " + n + "?\nA: If accepted."))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.add(ItSupport.read(r.body()).get("id").asText());
                    }
                } catch (Exception e) {
                    // refused or cut off by the kill: not accepted, so the sender would retry
                } finally {
                    answered.incrementAndGet();
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= 700);
        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        assertTrue(accepted.size() < 2000, "the kill came mid-way: " + accepted.size());

        long restarted = System.nanoTime();
        herald();
        double healthyAfter = (System.nanoTime() - restarted) / 1e9;
        // The figure the README reports: from the restart command until every accepted post is served.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> ItSupport.served(port).containsAll(accepted));
        double servedAfter = (System.nanoTime() - restarted) / 1e9;
        System.out.printf("[herald] restart after SIGKILL: healthy after %.1f s, all %d accepted posts served after %.1f s%n",
                healthyAfter, accepted.size(), servedAfter);
        String bootstrap = "127.0.0.1:" + kafkaPort;
        // Read the compacted topic itself (not a map keyed by id, where a duplicate could not show):
        // every accepted post has exactly one version, and any repeated record of it is identical.
        Map<String, List<EnrichedPost>> enriched = new HashMap<>();
        await().atMost(Duration.ofSeconds(180)).until(() -> {
            enriched.clear();
            TopicReplay.replay(bootstrap, Topics.POSTS_ENRICHED, Duration.ofSeconds(30), (k, v) -> {
                if (v != null) {
                    enriched.computeIfAbsent(k, x -> new ArrayList<>()).add(Json.read(v, EnrichedPost.class));
                }
            });
            return enriched.keySet().containsAll(accepted);
        });
        for (String id : accepted) {
            for (EnrichedPost p : enriched.get(id)) {
                assertEquals(1, p.version(), id + " has a second version");
                assertEquals(enriched.get(id).get(0), p, id + ": a repeated record differs");
            }
        }
        // Every accepted post is in the Atom feed or one of its archive pages, exactly once.
        await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.read(ItSupport.get(port, "/api/posts?limit=1").body())
                .get("total").asInt() >= enriched.size());
        Map<String, Integer> inFeeds = ItSupport.feedTitles(port);
        assertTrue(inFeeds.size() > 50, "2,000 posts span archive pages");
        for (String id : accepted) {
            String title = "Crash post " + id.substring("crash-post-".length());
            assertEquals(1, inFeeds.getOrDefault(title, 0), title + " in the feed and its archives");
        }
        assertTrue(inFeeds.values().stream().allMatch(n -> n == 1), "no entry twice in the feed and its archives");

        await().atMost(Duration.ofSeconds(120)).until(() -> count(bootstrap, true) >= accepted.size());
        List<String> keys = new ArrayList<>();
        TopicReplay.replay(bootstrap, Topics.NEWSLETTER, Duration.ofSeconds(30),
                (k, v) -> keys.add(Json.read(v, NewsletterPayload.class).idempotencyKey()));
        TopicReplay.replay(bootstrap, Topics.SOCIAL, Duration.ofSeconds(30),
                (k, v) -> keys.add(Json.read(v, SocialSnippet.class).idempotencyKey()));
        assertEquals(keys.size(), new HashSet<>(keys).size(), "no idempotency key twice");
    }

    static long count(String bootstrap, boolean newsletter) {
        AtomicInteger n = new AtomicInteger();
        TopicReplay.replay(bootstrap, newsletter ? Topics.NEWSLETTER : Topics.SOCIAL, Duration.ofSeconds(30), (k, v) -> n.incrementAndGet());
        return n.get();
    }
}
