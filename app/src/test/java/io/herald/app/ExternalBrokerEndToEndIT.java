package io.herald.app;

import io.herald.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenarios with Herald in external-cluster mode ({@code --kafka-bootstrap}): the
 * broker is started by the test and outlives each Herald, as a cluster would. Herald must start
 * no broker of its own.
 */
class ExternalBrokerEndToEndIT extends EndToEndScenarios {

    @TempDir
    Path brokerDir;

    EmbeddedKafka kafka;

    // A broker per test keeps the scenarios' topics apart; it outlives Herald's restart within a test.
    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafka.start(brokerDir, 0);
    }

    @AfterEach
    void stopBroker() {
        if (herald != null) {
            herald.close();
            herald = null;
        }
        kafka.close();
    }

    @Override
    Optional<String> kafkaBootstrap() {
        return Optional.of(kafka.bootstrapServers());
    }

    @Override
    Herald startHerald() {
        Herald h = super.startHerald();
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(dir.resolve("data/kafka")),
                "with --kafka-bootstrap Herald starts no broker of its own");
        return h;
    }
}
