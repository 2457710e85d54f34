package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertEquals("PLAINTEXT://" + name + ":9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
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
        String health = String.join(" ", lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("HEALTHCHECK")).findFirst()
                .orElseThrow()), lines.size()));
        assertTrue(health.contains("\"health\""), "the health check asks Herald's own /health: " + health);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("herald.jar")));
        assertEquals("CMD [\"run\"]", lines.get(lines.size() - 1), "the stage is chosen by the command");
        // The health check's command exists and answers "not healthy" (exit 1) when nothing listens.
        assertEquals(1, HeraldCommand.commandLine(new String[] {"health", "--port", String.valueOf(ItSupport.freePort())})
                .execute("health", "--port", String.valueOf(ItSupport.freePort())));
    }
}
