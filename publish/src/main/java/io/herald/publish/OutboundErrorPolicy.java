package io.herald.publish;

import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.support.DeadLetters;
import io.herald.support.Tuning;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import io.herald.support.KafkaEndpoints;

/**
 * What the publish stage's outbound consumers do with failures, written once. A record that cannot
 * be used goes to the DLQ with its origin and the consumer moves on. A failure to write a payload (the
 * topic refuses it, the broker is away) or the DLQ record is not the record's fault: it is retried
 * with backoff, then the consumer seeks back to the record ({@code breakOnFirstError}) and tries again,
 * never skipping it.
 */
public final class OutboundErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "publish-outbound-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(Tuning.OUTPUT_RETRIES)
                        .redeliveryDelay(Tuning.OUTPUT_RETRY_DELAY.toMillis()).backOffMultiplier(2)
                        .retryAttemptedLogLevel(LoggingLevel.WARN).allowRedeliveryWhileStopping(false))
                .onException(UnusableRecord.class).handled(true).maximumRedeliveries(0)
                    .log(LoggingLevel.WARN, "Rejected a record in ${routeId}: ${exception.message}")
                    .process(e -> toRejection(e, "publish could not use a record of " + Topics.POSTS_ENRICHED.name() + ": "
                            + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                    .to(KafkaEndpoints.to(Topics.DLQ))
                .end();

    }

    /** Makes the exchange's message a DLQ record for what it carried, with the origin of the consumed record. */
    public static void toRejection(Exchange e, String reason) {
        DeadLetters.forConsumedRecord(e, "publish", reason);
    }
}
