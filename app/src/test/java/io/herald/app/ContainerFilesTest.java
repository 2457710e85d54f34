package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.support.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.Json;
import io.herald.testkit.Tools;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files, checked by reading them (no Docker engine can pull images here): the compose
 * file is parsed as YAML, anchors and merge keys resolved, and checked for what a cluster deployment
 * needs; every setting it gives Herald is one Herald has.
 */
class ContainerFilesTest {

    static final Path DOCKER = Path.of("..", "docker");

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String key) {
        Object v = ((Map<String, Object>) o).get(key);
        assertNotNull(v, key);
        return (Map<String, Object>) v;
    }

    @Test
    void three_kraft_brokers_replicate_every_record_three_times_and_acknowledge_on_two() throws Exception {
        Map<String, Object> services = services();
        Set<String> nodeIds = new HashSet<>();
        for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> broker = map(services, name);
            assertTrue(String.valueOf(broker.get("image")).startsWith("apache/kafka:"), name + " runs the official Apache Kafka image");
            Map<String, Object> env = map(broker, "environment");
            nodeIds.add(String.valueOf(env.get("KAFKA_NODE_ID")));
            assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertEquals("3", String.valueOf(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")));
            assertEquals("2", String.valueOf(env.get("KAFKA_MIN_INSYNC_REPLICAS")));
            assertEquals("3", String.valueOf(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")));
            assertTrue(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS")).startsWith("PLAINTEXT://" + name + ":9092,"), name);
            assertNotNull(env.get("CLUSTER_ID"), "one cluster id for all three");
            assertTrue(String.valueOf(map(broker, "healthcheck").get("test")).contains("kafka-broker-api-versions"), name);
        }
        assertEquals(Set.of("1", "2", "3"), nodeIds);
    }

    @Test
    void each_stage_is_its_own_service_on_the_cluster_with_two_transforms_and_only_settings_herald_has() throws Exception {
        Map<String, Object> services = services();
        Set<String> known = new HashSet<>();
        Settings.ALL.forEach(d -> known.add(Settings.environmentName(d)));
        for (String stage : List.of("ingest", "transform", "publish")) {
            Map<String, Object> service = map(services, stage);
            assertEquals(List.of(stage), service.get("command"), stage + " runs its stage only");
            Map<String, Object> dependsOn = map(service, "depends_on");
            for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
                assertEquals("service_healthy", map(dependsOn, broker).get("condition"), stage + " waits for " + broker);
            }
            Map<String, Object> env = map(service, "environment");
            assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", env.get("HERALD_KAFKA_BOOTSTRAP"));
            assertEquals("3", String.valueOf(env.get("HERALD_TOPIC_REPLICATION")));
            for (String name : env.keySet()) {
                assertTrue(known.contains(name) || name.startsWith("HERALD_KAFKA_"), stage + ": " + name + " is not a Herald setting");
            }
            assertEquals("docker/Dockerfile", map(service, "build").get("dockerfile"));
        }
        assertEquals(2, map(map(services, "transform"), "deploy").get("replicas"));
        assertTrue(String.valueOf(map(services, "ingest").get("volumes")).contains(":/var/lib/herald/inbox"), "the inbox is a volume");
        assertTrue(String.valueOf(map(services, "publish").get("volumes")).contains(":/var/lib/herald/out"), "the feed export is a volume");
    }

    @Test
    void the_image_is_built_in_two_stages_and_runs_as_a_user_with_a_health_check() throws Exception {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "a Maven build stage, then the runtime");
        assertTrue(from.get(0).contains("maven") && from.get(0).endsWith("AS build"), from.get(0));
        assertTrue(from.get(1).contains("17-jre"), from.get(1));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertTrue(!user.equals("USER root") && !user.equals("USER 0"), user);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("herald.jar")));
        assertEquals("CMD [\"run\"]", lines.get(lines.size() - 1), "the stage is chosen by the command");
    }

    /** The HEALTHCHECK's command, as Docker runs it (the exec form's JSON array). */
    static List<String> healthCommand() throws Exception {
        String text = Files.readString(DOCKER.resolve("Dockerfile")).replace("\\\n", " ");
        String line = text.lines().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
        String json = line.substring(line.indexOf("CMD [") + 4);
        List<String> command = new ArrayList<>();
        Json.mapper().readTree(json).forEach(n -> command.add(n.asText()));
        return command;
    }

    @Test
    void the_health_check_asks_health_without_starting_a_jvm_and_is_healthy_only_on_200() throws Exception {
        List<String> command = healthCommand();
        assertFalse(String.join(" ", command).contains("java"), "no JVM started every 15 s: " + command);
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int code = exchange.getRequestURI().getPath().equals("/health") ? status.get() : 404;
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertEquals(0, run(command, port), "UP is healthy");
            status.set(503);
            assertTrue(run(command, port) != 0, "DOWN is unhealthy");
        } finally {
            server.stop(0);
        }
        assertTrue(run(command, ItSupport.freePort()) != 0, "nothing listening is unhealthy");
    }

    /** Runs the health check as Docker would in the container, with HERALD_PORT set as the image sets it. */
    static int run(List<String> command, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HERALD_PORT", String.valueOf(port));
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the health check ends within its timeout");
        return p.exitValue();
    }

    @Test
    void the_build_context_leaves_out_build_output_local_state_and_history() throws Exception {
        List<String> ignored = Files.readAllLines(DOCKER.resolve("..").resolve(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String must : List.of(".git", "**/target", "data", "out", "inbox")) {
            assertTrue(ignored.contains(must), must + " is not sent to the build: " + ignored);
        }
    }

    @Test
    void each_broker_has_a_listener_this_machine_reaches_on_a_port_of_its_own() throws Exception {
        Map<String, Object> services = services();
        Set<String> ports = new HashSet<>();
        for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> broker = map(services, name);
            Map<String, Object> env = map(broker, "environment");
            String advertised = String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"));
            String host = List.of(advertised.split(",")).stream().filter(l -> l.startsWith("HOST://localhost:")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " advertises no listener for this machine: " + advertised));
            String port = host.substring("HOST://localhost:".length());
            assertTrue(ports.add(port), "each broker its own port: " + port);
            assertTrue(String.valueOf(broker.get("ports")).contains("127.0.0.1:" + port + ":19092"), name + " publishes " + port
                    + " on this machine only: " + broker.get("ports"));
            assertTrue(String.valueOf(env.get("KAFKA_LISTENERS")).contains("HOST://:19092"), name);
            assertTrue(String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("HOST:PLAINTEXT"), name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_every_replica_of_every_stage_and_loads_the_alert_rules() throws Exception {
        Map<String, Object> prometheus = map(services(), "prometheus");
        String volumes = String.valueOf(prometheus.get("volumes"));
        assertTrue(volumes.contains("./prometheus.yml:") && volumes.contains("./alerts.yml:"), volumes);
        Map<String, Object> config = new Yaml().load(Files.readString(DOCKER.resolve("prometheus.yml")));
        assertEquals(List.of("/etc/prometheus/alerts.yml"), config.get("rule_files"));
        Set<String> names = new HashSet<>();
        for (Object job : (List<Object>) config.get("scrape_configs")) {
            Map<String, Object> j = (Map<String, Object>) job;
            assertTrue(!j.containsKey("static_configs"), j.get("job_name") + ": a static name reaches one replica, not each");
            for (Object sd : (List<Object>) j.get("dns_sd_configs")) {
                Map<String, Object> d = (Map<String, Object>) sd;
                assertEquals("A", d.get("type"));
                assertEquals(8080, d.get("port"));
                names.addAll((List<String>) d.get("names"));
            }
        }
        assertEquals(Set.of("ingest", "transform", "publish"), names);
        Map<String, Object> publish = map(map(services(), "publish"), "environment");
        assertEquals("http://ingest:8080", publish.get("HERALD_INGEST_URL"), "the dashboard served by publish reaches ingest");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_alert_rules_are_valid_for_prometheus_and_watch_families_herald_exports() throws Exception {
        Tools.requirePromtool();
        Process check = new ProcessBuilder("promtool", "check", "rules", DOCKER.resolve("alerts.yml").toString())
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), out);
        Map<String, Object> rules = new Yaml().load(Files.readString(DOCKER.resolve("alerts.yml")));
        Set<String> alerts = new HashSet<>();
        Set<String> families = new HashSet<>();
        Matcher m;
        for (Object group : (List<Object>) rules.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> r = (Map<String, Object>) rule;
                alerts.add(String.valueOf(r.get("alert")));
                m = Pattern.compile("\\bherald_[a-z_]+").matcher(String.valueOf(r.get("expr")));
                while (m.find()) {
                    families.add(m.group());
                }
            }
        }
        assertTrue(alerts.containsAll(Set.of("HeraldStageDown", "HeraldLagGrowing", "HeraldDeadLettersGrowing",
                "HeraldNewsletterDeliveriesFailing", "HeraldSnippetFailedForGood")), alerts.toString());
        Set<String> exported = new HashSet<>(Set.of("herald_consumer_lag_records"));
        for (String counter : List.of(MetricNames.DLQ, MetricNames.DELIVERY_TRIES, MetricNames.DELIVERY_STATES, MetricNames.ACCEPTED,
                MetricNames.REFUSED, MetricNames.RECORDS, MetricNames.NEWSLETTERS, MetricNames.SNIPPETS, MetricNames.SOCIAL_DELIVERY_TRIES,
                MetricNames.SOCIAL_DELIVERY_STATES)) {
            exported.add(counter.replace('.', '_') + "_total");
        }
        families.removeAll(exported);
        assertEquals(Set.of(), families, "the rules name families Herald does not export");
    }
}
