package io.herald.app.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The README's example of a newsletter system consuming Herald's events with a plain Kafka client
 * ("Consuming Herald's events"), kept here so it compiles and runs in the tests (ContractsIT).
 */
public final class NewsletterConsumer {

    private final ObjectMapper json = new ObjectMapper();
    // A real system keeps this with what it sent (its database), so it survives its own restarts.
    private final Set<String> sent = new HashSet<>();

    public void run(String bootstrap, Consumer<JsonNode> send, BooleanSupplier running) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "my-newsletter-system");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("herald.newsletter"));
            while (running.getAsBoolean()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode payload = json.readTree(r.value());
                    if (payload.path("schema").asInt() > 1) {
                        throw new IllegalStateException("schema " + payload.path("schema") + " is newer than this consumer reads");
                    }
                    // Herald delivers at least once: a payload can come twice (after a restart or a
                    // rebalance). Its idempotency key (also the ce_id header) says it is the same one.
                    if (sent.add(payload.path("idempotencyKey").asText())) {
                        send.accept(payload);
                    }
                }
                consumer.commitSync();
            }
        }
    }
}
