package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EventSchemas;
import io.herald.events.Json;
import io.herald.events.Topic;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.Problems;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.events.Schema;

/**
 * {@code publish-contracts}: what consumers build on, made from the code so it cannot drift:
 * {@code GET /schemas/{name}.json} (the JSON Schema of each event) and {@code GET /asyncapi.json}
 * (AsyncAPI 3.0: each topic a channel with its address, key, message schema and Kafka bindings, and
 * which stage sends and which receives).
 */
public final class ContractsRoute extends RouteBuilder {

    /** Which stage writes each topic, and which consumer groups read it. */
    static final Map<String, String[]> FLOWS = Map.of(
            Topics.POSTS_RAW.name(), new String[] {"ingest", ConsumerGroups.TRANSFORM},
            Topics.POSTS_ENRICHED.name(), new String[] {"transform", ConsumerGroups.NEWSLETTER + "," + ConsumerGroups.SOCIAL + ","
                    + ConsumerGroups.STORE_PREFIX + "<instance>"},
            Topics.POSTS_CONTROLS.name(), new String[] {"publish", ConsumerGroups.STORE_PREFIX + "controls-<instance>"},
            Topics.NEWSLETTER.name(), new String[] {"publish", ConsumerGroups.NEWSLETTER_DELIVERY},
            Topics.SOCIAL.name(), new String[] {"publish", ConsumerGroups.SOCIAL_DELIVERY},
            Topics.DELIVERIES.name(), new String[] {"publish", ""},
            Topics.FOLLOWERS.name(), new String[] {"publish", ConsumerGroups.STORE_PREFIX + "followers-<instance>"},
            Topics.LEDGER.name(), new String[] {"publish", ConsumerGroups.STORE_PREFIX + "ledger-<instance>"},
            Topics.DLQ.name(), new String[] {"ingest,transform,publish", ""});

    private final String baseUrl;
    private final int partitions;

    public ContractsRoute(String baseUrl, int partitions) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.partitions = partitions;
    }

    @Override
    public void configure() {
        from(PublishHttp.SCHEMAS.uri()).routeId(PublishHttp.SCHEMAS.routeId()).process(this::schema);
        from(PublishHttp.ASYNCAPI.uri()).routeId(PublishHttp.ASYNCAPI.routeId())
                .process(e -> Responses.json(e, 200, asyncApi(baseUrl, partitions).toPrettyString()));
    }

    private void schema(Exchange exchange) {
        String file = exchange.getMessage().getHeader("file", String.class);
        String name = file == null ? "" : file.replaceFirst("\\.json$", "");
        if (!EventSchemas.EVENTS.containsKey(name)) {
            Problems.respond(exchange, 404, "Not found", "There is no schema " + file + "; there are "
                    + EventSchemas.EVENTS.keySet().stream().sorted().map(n -> n + ".json").toList() + ".");
            return;
        }
        Responses.json(exchange, 200, EventSchemas.schema(name).toPrettyString());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/schema+json");
    }

    /** What each topic's record key is. */
    private static final Map<String, String> KEYS = Map.of(
            Topics.POSTS_RAW.name(), "The post id",
            Topics.POSTS_ENRICHED.name(), "The post id (compaction keeps its latest version; a tombstone deletes it)",
            Topics.POSTS_CONTROLS.name(), "The post id (compaction keeps the latest decision about it)",
            Topics.NEWSLETTER.name(), "The post id (the digest's: digest)",
            Topics.SOCIAL.name(), "The post id",
            Topics.DELIVERIES.name(), "The newsletter payload's idempotency key (compaction keeps its latest state)",
            Topics.FOLLOWERS.name(), "The follower's actor id (compaction keeps the latest; a tombstone removes it)",
            Topics.LEDGER.name(), "The post id, the channel and the destination, space-separated (compaction keeps the latest state)",
            Topics.DLQ.name(), "The stage that refused the input");

    /** The AsyncAPI 3.0 document of Herald's topics. */
    public static ObjectNode asyncApi(String baseUrl, int partitions) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Herald events");
        info.put("version", String.valueOf(Schema.VERSION));
        info.put("description", "Every topic Herald reads or writes. Values are JSON with a schema version; keys are post ids "
                + "(herald.deliveries: the payload's idempotency key; herald.dlq: the stage).");
        ObjectNode servers = doc.putObject("servers");
        servers.putObject("kafka").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "Herald's Kafka cluster (kafka-bootstrap)");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        for (Topic<?> t : Topics.all()) {
            String event = t.valueType().getSimpleName();
            String id = t.name().replace('.', '-');
            ObjectNode message = messages.putObject(event);
            message.put("name", event);
            message.put("contentType", "application/json");
            message.putObject("payload").put("$ref", baseUrl + "/schemas/" + event + ".json");
            ObjectNode messageKafka = message.putObject("bindings").putObject("kafka");
            messageKafka.putObject("key").put("type", "string").put("description", KEYS.get(t.name()));
            messageKafka.put("bindingVersion", "0.5.0");
            ObjectNode headers = message.putObject("headers");
            headers.put("type", "object").put("description", "CloudEvents 1.0 attributes, Kafka binary mode (see the README)");
            ObjectNode hp = headers.putObject("properties");
            for (String h : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_dataschema", "content-type")) {
                hp.putObject(h).put("type", "string");
            }
            ObjectNode channel = channels.putObject(id);
            channel.put("address", t.name());
            channel.putObject("messages").putObject(event).put("$ref", "#/components/messages/" + event);
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", t.name());
            kafka.put("partitions", t == Topics.DLQ ? 1 : partitions);
            kafka.putObject("topicConfiguration").putArray("cleanup.policy").add(t.compacted() ? "compact" : "delete");
            kafka.put("bindingVersion", "0.5.0");
            String[] flow = FLOWS.get(t.name());
            ObjectNode send = operations.putObject("send-" + id);
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + id);
            send.put("description", "Written by " + flow[0] + ".");
            if (!flow[1].isEmpty()) {
                ObjectNode receive = operations.putObject("receive-" + id);
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + id);
                receive.put("description", "Read by the consumer groups " + flow[1] + ".");
                ArrayNode groups = receive.putObject("bindings").putObject("kafka").putObject("groupId").put("type", "string").putArray("enum");
                for (String g : flow[1].split(",")) {
                    groups.add(g);
                }
            }
        }
        return doc;
    }
}
