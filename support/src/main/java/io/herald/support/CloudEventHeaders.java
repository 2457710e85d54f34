package io.herald.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.events.Schema;
import io.herald.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes on every record Herald writes, in the Kafka protocol binding's binary
 * mode: {@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
 * {@code ce_dataschema} and {@code content-type} headers, the value staying the plain JSON event. A
 * consumer can read Herald's topics with a CloudEvents SDK, or ignore the headers.
 *
 * <p>One place for every producer: Kafka calls it for each record sent ({@code interceptor.classes}).
 * Camel gives the same setting to consumers, so it is a (pass-through) consumer interceptor too.
 *
 * <ul>
 *   <li>{@code ce_id}: the event's idempotency key where it has one (newsletter, snippet, delivery);
 *       else {@code <post id>:v<version>} (enriched), {@code <post id>:<content hash>} (raw), a new
 *       UUID (a rejection). With (source, id) a consumer drops repeats.</li>
 *   <li>{@code ce_type}: {@code io.herald.post.raw}, {@code io.herald.post.enriched},
 *       {@code io.herald.post.deleted} (a tombstone), {@code io.herald.newsletter.<kind>},
 *       {@code io.herald.social.snippet}, {@code io.herald.newsletter.delivery}, {@code io.herald.rejection}.</li>
 *   <li>{@code ce_source}: {@code /herald/<stage>}, the stage that wrote it.</li>
 * </ul>
 */
public final class CloudEventHeaders implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    public static final String SPEC_VERSION = "1.0";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        try {
            stamp(record.topic(), record.key() == null ? null : String.valueOf(record.key()), record.value(), record.headers());
        } catch (RuntimeException e) {
            // Attributes are an addition: a record they cannot be made for is still sent, as it is.
        }
        return record;
    }

    /** Adds the CloudEvents headers for a record of {@code topic} (unless it has them already). */
    public static void stamp(String topic, String key, Object value, Headers headers) {
        if (headers.lastHeader("ce_id") != null) {
            return;
        }
        Map<String, String> a = attributes(topic, key, value);
        if (a.isEmpty()) {
            return;
        }
        a.forEach((name, v) -> headers.add(name, v.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attributes of a record, by header name; empty for a topic that is not Herald's. */
    static Map<String, String> attributes(String topic, String key, Object value) {
        String time = Instant.now().toString();
        if (value == null) {
            if (!topic.equals(Topics.POSTS_RAW.name()) && !topic.equals(Topics.POSTS_ENRICHED.name())) {
                return Map.of();
            }
            String stage = topic.equals(Topics.POSTS_RAW.name()) ? "ingest" : "transform";
            return Map.of("ce_specversion", SPEC_VERSION, "ce_id", key + ":deleted", "ce_source", "/herald/" + stage,
                    "ce_type", "io.herald.post.deleted", "ce_time", time);
        }
        JsonNode event = Json.read(value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8), JsonNode.class);
        String id;
        String type;
        String source;
        String schema;
        if (topic.equals(Topics.POSTS_RAW.name())) {
            id = event.path("id").asText() + ":" + event.path("contentHash").asText();
            type = "io.herald.post.raw";
            source = "/herald/ingest";
            schema = "RawPost";
        } else if (topic.equals(Topics.POSTS_ENRICHED.name())) {
            id = event.path("id").asText() + ":v" + event.path("version").asInt();
            type = "io.herald.post.enriched";
            source = "/herald/transform";
            schema = "EnrichedPost";
        } else if (topic.equals(Topics.POSTS_CONTROLS.name())) {
            // Each decision is its own occurrence: the post and when it was made.
            id = event.path("postId").asText() + ":" + event.path("updated").asText();
            type = "io.herald.post.controls";
            source = "/herald/dashboard";
            schema = "PostControls";
        } else if (topic.equals(Topics.NEWSLETTER.name())) {
            id = event.path("idempotencyKey").asText();
            type = "io.herald.newsletter." + event.path("kind").asText("announcement");
            source = "/herald/publish";
            schema = "NewsletterPayload";
        } else if (topic.equals(Topics.SOCIAL.name())) {
            id = event.path("idempotencyKey").asText();
            type = "io.herald.social.snippet";
            source = "/herald/publish";
            schema = "SocialSnippet";
        } else if (topic.equals(Topics.DELIVERIES.name())) {
            // Each state of a delivery is its own occurrence: the key and the state.
            id = event.path("idempotencyKey").asText() + ":" + event.path("state").asText() + ":" + event.path("attempts").asInt();
            type = "io.herald.newsletter.delivery";
            source = "/herald/publish";
            schema = "Delivery";
        } else if (topic.equals(Topics.FOLLOWERS.name())) {
            id = event.path("actor").asText() + ":" + event.path("followedAt").asText();
            type = "io.herald.activitypub.follower";
            source = "/herald/publish";
            schema = "Follower";
        } else if (topic.equals(Topics.LEDGER.name())) {
            // Each state of what went out is its own occurrence: the key, the version, the activity, the state and the tries.
            id = event.path("postId").asText() + ":" + event.path("channel").asText() + ":" + event.path("destination").asText()
                    + ":v" + event.path("version").asInt() + ":" + event.path("activity").asText() + ":" + event.path("state").asText()
                    + ":" + event.path("attempts").asInt();
            type = "io.herald.ledger." + event.path("channel").asText();
            source = "/herald/publish";
            schema = "LedgerEntry";
        } else if (topic.equals(Topics.DLQ.name())) {
            id = UUID.randomUUID().toString();
            type = "io.herald.rejection";
            source = "/herald/" + event.path("stage").asText("unknown");
            schema = "Rejection";
        } else {
            return Map.of();
        }
        int version = event.path("schema").asInt(Schema.VERSION);
        return Map.of("ce_specversion", SPEC_VERSION, "ce_id", id, "ce_source", source, "ce_type", type, "ce_time", time,
                "ce_dataschema", "urn:herald:schema:" + schema + ":" + version, "content-type", "application/json");
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
