package io.herald.publish.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Topics;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document names every topic, its message schema and its Kafka bindings. */
class ContractsTest {

    @Test
    void every_topic_is_a_channel_with_its_schema_partitions_and_cleanup_policy() {
        var doc = ContractsRoute.asyncApi("https://herald.example", 6);
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        assertEquals(Topics.all().size(), doc.get("channels").size());
        var enriched = doc.get("channels").get("herald-posts-enriched");
        assertEquals("herald.posts.enriched", enriched.get("address").asText());
        assertEquals("compact", enriched.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asText());
        assertEquals(6, enriched.at("/bindings/kafka/partitions").asInt());
        assertEquals(1, doc.at("/channels/herald-dlq/bindings/kafka/partitions").asInt());
        assertEquals("https://herald.example/schemas/EnrichedPost.json", doc.at("/components/messages/EnrichedPost/payload/$ref").asText());
        assertTrue(doc.at("/operations/receive-herald-newsletter/bindings/kafka/groupId/enum").toString().contains("herald-newsletter-delivery"));
    }
}
