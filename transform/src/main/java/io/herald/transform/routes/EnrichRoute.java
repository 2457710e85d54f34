package io.herald.transform.routes;

import io.herald.events.EnrichedPost;
import io.herald.events.RawPost;
import io.herald.events.Topics;
import io.herald.events.UnusableRecord;
import io.herald.support.ConsumerGroups;
import io.herald.support.KafkaEndpoints;
import io.herald.support.DeadLetters;
import io.herald.support.Props;
import io.herald.support.Tuning;
import io.herald.transform.Pipeline;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import io.herald.support.RecordBudget;
import org.apache.camel.LoggingLevel;

/**
 * {@code transform-enrich}: every raw post becomes its next enriched version. A record that cannot
 * be read or enriched goes to the DLQ with where it came from, and the stage moves on.
 */
public final class EnrichRoute extends RouteBuilder {


    private final Pipeline pipeline;

    public EnrichRoute(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void configure() {
        // A record that cannot be read or enriched goes to the DLQ and the consumer moves on. A failure
        // to write the output (the enriched topic refuses the write, the broker is away) is not the
        // record's fault: it is retried here with backoff, then the consumer seeks back to the record
        // (breakOnFirstError) and tries again, so a record is never committed past.
        errorHandler(defaultErrorHandler().maximumRedeliveries(Tuning.OUTPUT_RETRIES)
                .redeliveryDelay(Tuning.OUTPUT_RETRY_DELAY.toMillis()).backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN).allowRedeliveryWhileStopping(false));
        onException(UnusableRecord.class).handled(true).maximumRedeliveries(0)
                .log(LoggingLevel.WARN, "Rejected a record from ${header.kafka.TOPIC}: ${exception.message}")
                .process(e -> DeadLetters.forConsumedRecord(e, "transform",
                        String.valueOf(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage())))
                .to(KafkaEndpoints.to(Topics.DLQ));
        from(KafkaEndpoints.from(Topics.POSTS_RAW, ConsumerGroups.TRANSFORM).uri())
                .routeId("transform-enrich")
                .process(KafkaEndpoints.typed(Topics.POSTS_RAW))
                .process(e -> UnusableRecord.whileProcessing(() -> enrich(e)))
                .filter(e -> e.getMessage().getBody() != null || Props.DELETED.get(e) != null)
                    .to(KafkaEndpoints.to(Topics.POSTS_ENRICHED))
                    // Only a version the broker has is the latest: if the write failed, the retry
                    // enriches the same raw post into the same next version. A deletion likewise.
                    .process(this::remember)
                .end();
    }

    private void enrich(Exchange exchange) {
        var message = exchange.getMessage();
        RawPost raw = message.getBody(RawPost.class);
        if (raw == null) {
            // A tombstone: the post was deleted. It goes on to the enriched topic, deleting it everywhere.
            String id = message.getHeader(KafkaConstants.KEY, String.class);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a raw post record has neither a value nor a key");
            }
            message.removeHeaders("*", "kafka.TOPIC", "kafka.PARTITION", "kafka.OFFSET");
            Props.DELETED.set(exchange, id);
            message.setHeader(KafkaConstants.KEY, id);
            message.setBody(null);
            return;
        }
        if (raw.id() == null || raw.id().isBlank()) {
            throw new IllegalArgumentException("a raw post has no id");
        }
        Optional<EnrichedPost> enriched = pipeline.enrich(raw, message.getHeader(KafkaConstants.OFFSET, Long.class));
        message.removeHeaders("*", "kafka.TOPIC", "kafka.PARTITION", "kafka.OFFSET");
        if (enriched.isEmpty()) {
            message.setBody(null);
            return;
        }
        Props.ENRICHED.set(exchange, enriched.get());
        message.setHeader(KafkaConstants.KEY, raw.id());
        message.setBody(Topics.POSTS_ENRICHED.write(enriched.get()));
        // A version larger than the topics take could never be written, and retrying it would stall
        // its partition: it is unusable (to the DLQ with the reason) and the records behind it go on.
        RecordBudget.check(exchange, Topics.POSTS_ENRICHED.name());
    }

    private void remember(Exchange exchange) {
        String deleted = Props.DELETED.get(exchange);
        if (deleted != null) {
            pipeline.forget(deleted);
        } else {
            pipeline.remember(Props.ENRICHED.get(exchange));
        }
    }

}
