package io.herald.publish.newsletter;

import io.herald.events.Topics;
import io.herald.publish.OutboundErrorPolicy;
import io.herald.support.ConsumerGroups;
import io.herald.support.Props;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code publish-newsletter-delivery}: with {@code newsletter-webhook} set, every payload on
 * {@code herald.newsletter} POSTed there, retried with backoff; one that still fails goes to the DLQ.
 */
public final class DeliveryRoute extends RouteBuilder {

    private final WebhookClient client;
    private final int retries;

    public DeliveryRoute(WebhookClient client, int retries) {
        this.client = client;
        this.retries = retries;
    }

    @Override
    public void configure() {
        from("kafka:" + Topics.NEWSLETTER.name() + "?groupId=" + ConsumerGroups.NEWSLETTER_DELIVERY)
                .routeId("publish-newsletter-delivery")
                .onException(Exception.class).handled(true)
                    .maximumRedeliveries(retries).redeliveryDelay(500).backOffMultiplier(2).retryAttemptedLogLevel(LoggingLevel.WARN)
                    .log(LoggingLevel.ERROR, "Newsletter delivery to the webhook failed for good: ${exception.message}")
                    .process(e -> OutboundErrorPolicy.toRejection(e, "newsletter delivery to " + client.url() + " failed: "
                            + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                    .to("kafka:" + Topics.DLQ.name())
                .end()
                .process(e -> Props.ORIGINAL.set(e, e.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8)))
                .process(e -> client.deliver(e.getMessage().getBody(String.class)));
    }
}
