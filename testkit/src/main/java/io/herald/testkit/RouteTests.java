package io.herald.testkit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaComponent;

/**
 * Runs one route on its own, without a broker: its Kafka consumer becomes {@code direct:<route id>},
 * and every Kafka endpoint it writes to a mock ({@code mock:kafka:<topic>}) that sends nothing on.
 * For tests extending Camel's {@code CamelTestSupport} with advice enabled.
 */
public final class RouteTests {

    private RouteTests() {
    }

    /** Advises the route; the test sends records to {@code direct:<routeId>}. */
    public static void alone(CamelContext camel, String routeId) throws Exception {
        AdviceWith.adviceWith(camel, routeId, a -> {
            a.replaceFromWith("direct:" + routeId);
            a.mockEndpointsAndSkip("kafka:*");
        });
    }

    /** Kafka producers start only when used, which a skipped mock never does: no broker is asked for. */
    public static void noBroker(CamelContext camel) {
        KafkaComponent kafka = camel.getComponent("kafka", KafkaComponent.class);
        kafka.setLazyStartProducer(true);
        kafka.getConfiguration().setBrokers("127.0.0.1:9");
    }
}
