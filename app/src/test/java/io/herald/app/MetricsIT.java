package io.herald.app;

import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.support.ConsumerGroups;
import io.herald.testkit.Samples;
import io.herald.testkit.Tools;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped as Prometheus would and read by Prometheus' own Python client's text-format
 * parser (not by Herald's code, nor a regular expression of ours), after a user's posts, a refusal and
 * a feed reader's conditional GET; and {@code /health} naming each stage.
 */
class MetricsIT {

    @TempDir
    Path dir;

    Herald herald;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    /** One parsed sample: metric name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static List<Sample> parse(String exposition) throws Exception {
        Tools.requirePrometheusParser();
        String script = "import sys, json\n"
                + "from prometheus_client.parser import text_string_to_metric_families\n"
                + "out = []\n"
                + "for family in text_string_to_metric_families(sys.stdin.read()):\n"
                + "    for s in family.samples:\n"
                + "        out.append([s.name, s.labels, s.value])\n"
                + "print(json.dumps(out))\n";
        Process p = new ProcessBuilder(Tools.PYTHON, "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "Prometheus' parser refused the exposition");
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : Json.mapper().readTree(json)) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = Json.mapper().convertValue(s.get(1), Map.class);
            samples.add(new Sample(s.get(0).asText(), labels, s.get(2).asDouble()));
        }
        return samples;
    }

    static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    @Test
    void metrics_count_what_a_user_did_and_prometheus_reads_them() throws Exception {
        herald = Herald.start(ItSupport.settings(dir, port), Stage.all());
        assertEquals(202, post(port, "text/plain", Samples.bytes(Samples.WEBINAR)).statusCode());
        assertEquals(400, post(port, "text/plain", new byte[] {' '}).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/posts/" + Samples.WEBINAR_ID).statusCode() == 200);
        HttpResponse<String> feed = get(port, "/feeds/all.atom");
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = ItSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feeds/all.atom"))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        ItSupport.awaitCaughtUp(herald.bootstrapServers(), io.herald.events.Topics.POSTS_RAW.name(), io.herald.support.ConsumerGroups.TRANSFORM);

        HttpResponse<String> scraped = get(port, "/metrics");
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), scraped.headers().map().toString());
        List<Sample> m = parse(scraped.body());

        assertEquals(1, value(m, "herald_posts_accepted_total", Map.of("source", "http")));
        assertEquals(1, value(m, "herald_posts_refused_total", Map.of("source", "http", "reason", "400 Unreadable post")));
        assertEquals(1, value(m, "herald_dlq_records_total", Map.of("stage", "ingest")));
        assertTrue(value(m, "herald_records_total", Map.of("stage", "transform")) >= 1);
        assertEquals(1, value(m, "herald_feed_requests_total", Map.of("status", "304")));
        assertTrue(value(m, "herald_feed_requests_total", Map.of("status", "200")) >= 1);
        assertEquals(1, value(m, "herald_end_to_end_seconds_count", Map.of()), "one new version served");
        assertTrue(value(m, "herald_end_to_end_seconds_bucket", Map.of("le", "+Inf")) == 1, "a histogram with buckets");
        assertTrue(m.stream().anyMatch(s -> s.name().equals("herald_consumer_lag_records")
                && ConsumerGroups.TRANSFORM.equals(s.labels().get("group")) && s.labels().containsKey("partition") && s.value() == 0),
                "lag per group and partition, none once caught up");
        assertTrue(value(m, "jvm_memory_used_bytes", Map.of("area", "heap")) > 0);
        assertTrue(value(m, "herald_route_exchanges_seconds_count", Map.of("route", "publish-store", "outcome", "completed")) >= 1);

        JsonNode health = ItSupport.read(get(port, "/health").body()).get("checks");
        for (String stage : List.of("ingest", "transform", "publish")) {
            assertTrue(health.get("stage " + stage).asText().startsWith("UP"), health.toString());
        }
    }

    @Test
    void a_process_running_one_stage_reports_only_that_stage() throws Exception {
        try (var kafka = io.herald.broker.EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            herald = Herald.start(ItSupport.settings(dir.resolve("t"), port, "kafka-bootstrap", kafka.bootstrapServers()),
                    java.util.EnumSet.of(Stage.TRANSFORM));
            JsonNode health = ItSupport.read(get(port, "/health").body()).get("checks");
            assertTrue(health.get("stage transform").asText().startsWith("UP"), health.toString());
            assertTrue(health.get("stage ingest") == null && health.get("stage publish") == null, health.toString());
            assertTrue(health.get("kafka").asText().startsWith("UP"), health.toString());
            herald.close();
            herald = null;
        }
    }
}
