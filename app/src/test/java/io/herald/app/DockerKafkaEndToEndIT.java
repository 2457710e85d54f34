package io.herald.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end scenarios against a Kafka broker in a container (Testcontainers), with Herald
 * in external-cluster mode. Skipped, saying so, where no Docker engine runs; the embedded-broker
 * run of the same scenarios covers those machines.
 */
class DockerKafkaEndToEndIT extends EndToEndScenarios {

    static KafkaContainer kafka;
    static Boolean docker;

    @BeforeEach
    void startKafka() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                docker = false;
            }
        }
        assumeTrue(docker, "Skipped: no Docker engine is reachable here, so no Testcontainers Kafka. "
                + "EmbeddedBrokerEndToEndIT runs the same scenarios on an embedded broker.");
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    Optional<String> kafkaBootstrap() {
        return Optional.of(kafka.getBootstrapServers());
    }
}
