package io.herald.support;

import io.herald.events.Topics;
import io.herald.events.Rejection;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/** Turns an exchange that carried a consumed Kafka record into its DLQ record, written once for every stage. */
public final class DeadLetters {

    private DeadLetters() {
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
        message.setBody(Topics.DLQ.write(r));
    }
}
