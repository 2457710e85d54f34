package io.herald.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a user runs it, in a JVM of its own: healthy quickly, clear when it cannot start, clean on stop. */
class HeraldJarIT {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process herald(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", System.getProperty("herald.jar", "target/herald.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + started.size() + ".log").toFile())
                .redirectError(dir.resolve("err-" + started.size() + ".log").toFile())
                .start();
        started.add(p);
        return p;
    }

    private String stderr(int n) throws IOException {
        return Files.readString(dir.resolve("err-" + n + ".log"), StandardCharsets.UTF_8);
    }

    @Test
    void herald_run_on_defaults_is_healthy_within_30_seconds_and_stops_cleanly_on_sigterm() throws Exception {
        int port = ItSupport.freePort();
        Process p = herald("run", "--port", String.valueOf(port));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        // the defaults put data, inbox and out under the working directory
        assertTrue(Files.isDirectory(dir.resolve("data/kafka")));
        assertTrue(Files.isDirectory(dir.resolve("inbox")));

        p.destroy(); // SIGTERM, as Ctrl-C or a service manager would
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Herald did not stop within 30 s of SIGTERM");
        String log = stderr(0);
        assertTrue(log.contains("Embedded Kafka broker stopped"), log);
        int httpStopped = log.indexOf("HttpServer stopped");
        int brokerStopped = log.indexOf("Embedded Kafka broker stopped");
        assertTrue(httpStopped >= 0, "the HTTP server said it stopped:\n" + log);
        assertTrue(brokerStopped > httpStopped, "routes stop before the broker:\n" + log);
    }

    @Test
    void with_log_format_json_every_log_line_is_one_json_object_for_log_shippers() throws Exception {
        int port = ItSupport.freePort();
        Process p = herald("run", "--port", String.valueOf(port), "--log-format", "json");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> ItSupport.get(port, "/health").statusCode() == 200);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> lines = stderr(0).lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() > 3, "some events were logged");
        boolean up = false;
        for (String line : lines) {
            var event = io.herald.events.Json.mapper().readTree(line);
            assertTrue(event.isObject() && event.has("level") && event.has("loggerName") && event.has("timestamp"), line);
            up |= event.path("formattedMessage").asText().startsWith("Herald is up on http://localhost:" + port);
        }
        assertTrue(up, "the messages are formatted, as a person reads them");
    }

    @Test
    void an_existing_topic_whose_cleanup_policy_would_lose_posts_stops_herald_with_the_reason() throws Exception {
        try (var kafka = io.herald.broker.EmbeddedKafka.start(dir.resolve("cluster"), 0)) {
            kafka.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(io.herald.events.Topics.POSTS_ENRICHED.name(), 1,
                    (short) 1).configs(java.util.Map.of("cleanup.policy", "delete"))));
            Process p = herald("publish", "--port", String.valueOf(ItSupport.freePort()), "--kafka-bootstrap", kafka.bootstrapServers());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            String err = stderr(0).strip();
            String last = err.lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("herald: Herald cannot use this cluster's topic herald.posts.enriched")
                    && last.contains("cleanup.policy=compact"), err);
        }
    }

    @Test
    void a_taken_port_is_one_clear_line_and_exit_code_2() throws Exception {
        int port = ItSupport.freePort();
        try (var blocker = new java.net.ServerSocket(port)) {
            Process p = herald("run", "--port", String.valueOf(port));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            assertEquals("herald: Port " + port + " is already in use: stop what uses it, or choose another with --port.",
                    stderr(0).strip());
        }
    }

    @Test
    void a_port_taken_after_the_check_stops_start_up_instead_of_saying_herald_is_up() throws Exception {
        // The port is free when Herald checks it; the embedded broker, told to use it, binds it first.
        // Vert.x then fails to listen: before the fix, Herald logged "Herald is up" and the broker answered its callers.
        int port = ItSupport.freePort();
        Process p = herald("run", "--port", String.valueOf(port), "--embedded-kafka-port", String.valueOf(port));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = stderr(0).strip();
        assertEquals("herald: Port " + port + " is already in use: stop what uses it, or choose another with --port.",
                err.lines().reduce((a, b) -> b).orElse(""), err);
        assertFalse((Files.readString(dir.resolve("out-0.log")) + err).contains("Herald is up"), "start-up stopped before saying it was up");
    }

    @Test
    void an_unwritable_data_dir_is_one_clear_line_and_exit_code_2() throws Exception {
        Path notADir = Files.writeString(dir.resolve("a-file"), "x");
        Process p = herald("run", "--port", String.valueOf(ItSupport.freePort()), "--data-dir",
                notADir.resolve("data").toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = stderr(0).strip();
        assertTrue(err.startsWith("herald: The data dir ") && err.contains("is not writable"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void a_single_stage_without_a_cluster_says_what_is_missing() throws Exception {
        Process p = herald("transform");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(stderr(0).contains("--kafka-bootstrap"), stderr(0));
    }
}
