package io.herald.events;

import java.time.Instant;
import java.util.Base64;

/**
 * An input a stage refused, on {@code herald.dlq}: nothing is dropped silently.
 *
 * @param stage           {@code ingest}, {@code transform} or {@code publish}
 * @param reason          a sentence a person understands
 * @param source          where the input came from (an HTTP request, an inbox file, a topic)
 * @param originTopic     for records consumed from Kafka, where they were; else {@code null}
 * @param originalBase64  the original bytes, base64-encoded, so binary input survives
 */
public record Rejection(
        int schema,
        String stage,
        String reason,
        String source,
        String contentType,
        String originTopic,
        Integer originPartition,
        Long originOffset,
        String originalBase64,
        Instant rejectedAt) implements Event {

    /** A rejection made now, in this schema, keeping the original bytes (base64) when there are any. */
    public static Rejection of(String stage, String reason, String source, String contentType, String originTopic,
                               Integer originPartition, Long originOffset, byte[] original) {
        return new Rejection(Schema.VERSION, stage, reason, source, contentType, originTopic, originPartition, originOffset,
                original == null ? null : Base64.getEncoder().encodeToString(original), Instant.now());
    }
}
