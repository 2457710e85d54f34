package io.herald.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end scenarios against a Kafka broker in a container (Testcontainers), with Herald
 * in external-cluster mode. Skipped, saying so, where no Docker engine runs; the embedded-broker
 * runs of the same scenarios cover those machines.
 */
class DockerKafkaEndToEndIT extends EndToEndScenarios {

    static Boolean docker;

    KafkaContainer kafka;

    // A container per test keeps the scenarios' topics apart; it outlives Herald's restart within a test.
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
                + "EmbeddedBrokerEndToEndIT and ExternalBrokerEndToEndIT run the same scenarios on embedded brokers.");
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
    }

    @AfterEach
    void stopKafka() {
        if (herald != null) {
            herald.close();
            herald = null;
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    Optional<String> kafkaBootstrap() {
        return Optional.of(kafka.getBootstrapServers());
    }
}
