package io.herald.support;

import io.herald.events.Json;
import io.herald.events.Rejection;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/** Turns an exchange that carried a consumed Kafka record into its DLQ record, written once for every stage. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The reason of a record refused for its size: what was too large, and the limit that applies. */
    public static String tooLarge(Exchange exchange, String topic) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Object body = exchange.getMessage().getBody();
        String size = body instanceof byte[] b ? b.length + " bytes" : body instanceof String s ? s.length() + " characters" : "too large";
        return "what this record became (" + size + ") is larger than " + topic + " takes, so it can never be written; "
                + "raise max-post-bytes or shorten the post (" + (e == null ? "record too large" : Failures.describe(e)) + ")";
    }

    /**
     * Makes the exchange's message the DLQ record of the record it consumed: the stage, the reason, the
     * record's origin topic/partition/offset and its bytes ({@link Props#ORIGINAL}), keyed by the stage.
     */
    public static void forConsumedRecord(Exchange exchange, String stage, String reason) {
        var message = exchange.getMessage();
        Rejection r = Rejection.of(stage, reason, "kafka", "application/json",
                message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                Props.ORIGINAL.get(exchange));
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, stage);
        message.setBody(Json.write(r));
    }
}
