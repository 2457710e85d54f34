package io.herald.app;

import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.broker.EmbeddedKafka;
import io.herald.testkit.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that lets clients in only with SASL: Herald reaches it through the Kafka client properties
 * it passes through (no SASL code of its own), in every client it makes (topic setup, state rebuild,
 * producers, consumers, health, metrics); a wrong password stops it at start-up with Kafka's reason.
 */
class SecuredClusterIT {

    static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"herald\" password=\"%s\";";

    @TempDir
    Path dir;

    EmbeddedKafka kafka;
    Herald herald;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void with_sasl_properties_passed_through_herald_runs_on_a_secured_cluster_and_a_wrong_password_stops_it() {
        kafka = EmbeddedKafka.startWithSasl(dir.resolve("kafka"), Map.of("herald", "s3cret"));
        herald = Herald.start(ItSupport.settings(dir.resolve("herald"), port, "kafka-bootstrap", kafka.saslBootstrapServers(),
                "kafka.security.protocol", "SASL_PLAINTEXT", "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", JAAS.formatted("s3cret")), Stage.all());
        assertEquals(202, post(port, "text/plain", Samples.bytes(Samples.WEBINAR)).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/feeds/all.atom").body().contains(Samples.WEBINAR_ID));
        assertTrue(get(port, "/health").body().contains("\"kafka\":\"UP"));
        // Lag is read with the same properties once the consumers have committed an offset.
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/metrics").body().contains("herald_consumer_lag_records{"));
        herald.close();
        herald = null;

        StartupException refused = assertThrows(StartupException.class, () -> herald = Herald.start(ItSupport.settings(dir.resolve("other"),
                ItSupport.freePort(), "kafka-bootstrap", kafka.saslBootstrapServers(), "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN", "kafka.sasl.jaas.config", JAAS.formatted("wrong")), Stage.all()));
        assertTrue(refused.getMessage().contains("Authentication failed"), refused.getMessage());
    }
}
