package io.herald.app;

import static io.herald.app.ItSupport.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.herald.app.examples.NewsletterConsumer;
import io.herald.events.EventSchemas;
import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.testkit.Samples;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import io.herald.support.HttpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald's contracts against a real run on the embedded broker: every event it writes, on every
 * topic, validates against its published JSON Schema and carries CloudEvents attributes a CloudEvents
 * SDK reads; the OpenAPI document names every HTTP route Herald runs; the documents are served; the
 * README's consumer example delivers each newsletter once, a repeat dropped by its idempotency key.
 */
class ContractsIT {

    @TempDir
    Path dir;

    Herald herald;
    HttpServer webhook;
    final int port = ItSupport.freePort();

    @AfterEach
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    void startWithWebhook() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        herald = Herald.start(ItSupport.settings(dir, port, "newsletter-webhook", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/nl",
                "outbound-allow", "127.0.0.1:" + webhook.getAddress().getPort(),
                "social-platforms", "x,mastodon"), Stage.all());
    }

    @Test
    void every_event_herald_writes_validates_against_its_schema_and_is_a_cloudevent() throws Exception {
        startWithWebhook();
        for (String[] sample : new String[][] {{Samples.WEBINAR, "text/plain"}, {Samples.MARKDOWN, "text/markdown"},
                {Samples.HTML, "text/html"}, {Samples.JSON, "application/json"}}) {
            assertEquals(202, ItSupport.post(port, sample[1], Samples.bytes(sample[0])).statusCode());
        }
        assertEquals(400, ItSupport.post(port, "application/json", "{not json".getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts/" + Samples.WEBINAR_ID))
                .DELETE().build();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/api/posts/" + Samples.WEBINAR_ID).statusCode() == 200);
        assertEquals(202, ItSupport.send(delete).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> types(all()).containsAll(Set.of("io.herald.post.raw", "io.herald.post.enriched",
                "io.herald.post.deleted", "io.herald.newsletter.announcement", "io.herald.social.snippet", "io.herald.newsletter.delivery",
                "io.herald.rejection")));

        List<ConsumerRecord<String, byte[]>> records = all();
        Map<String, com.networknt.schema.Schema> schemas = new HashMap<>();
        for (var t : Topics.all()) {
            String name = t.valueType().getSimpleName();
            schemas.put(t.name(), SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(EventSchemas.schema(name).toString(), InputFormat.JSON));
        }
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            for (String h : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time")) {
                if (r.headers().lastHeader(h) == null) {
                    problems.add(r.topic() + " " + r.key() + ": no " + h);
                }
            }
            if (r.value() == null) {
                continue;
            }
            var errors = schemas.get(r.topic()).validate(new String(r.value(), StandardCharsets.UTF_8), InputFormat.JSON);
            errors.forEach(e -> problems.add(r.topic() + " " + r.key() + ": " + e));
            validated++;
        }
        assertEquals(List.of(), problems);
        assertTrue(validated >= 15, "events validated: " + validated);

        // A CloudEvents SDK reads Herald's records as events, the data being the JSON event.
        Properties p = consumerProperties();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.NEWSLETTER.name()));
            List<CloudEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
                return !events.isEmpty();
            });
            CloudEvent event = events.get(0);
            JsonNode payload = Json.read(event.getData().toBytes(), JsonNode.class);
            assertEquals("1.0", event.getSpecVersion().toString());
            assertEquals(payload.get("idempotencyKey").asText(), event.getId(), "ce_id is the idempotency key");
            assertEquals("io.herald.newsletter.announcement", event.getType());
            assertEquals(URI.create("/herald/publish"), event.getSource());
            assertEquals("application/json", event.getDataContentType());
            assertNotNull(event.getTime());
        }
    }

    @Test
    void the_openapi_document_names_every_http_route_herald_runs_and_the_documents_are_served() throws Exception {
        herald = Herald.start(ItSupport.settings(dir, port), Stage.all());
        JsonNode openapi = ItSupport.read(get(port, "/openapi.json").body());
        assertEquals(OpenApi.document("http://localhost:" + port), openapi);
        Set<String> documented = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + e.getKey())));
        Set<String> running = new TreeSet<>();
        for (var route : herald.camel().getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (!uri.startsWith("platform-http:")) {
                continue;
            }
            String path = java.net.URLDecoder.decode(uri.substring("platform-http:".length()).replaceFirst("\\?.*$", ""), StandardCharsets.UTF_8).replaceFirst("^/+", "/");
            java.util.regex.Matcher methods = java.util.regex.Pattern.compile("httpMethodRestrict=([A-Z,]+)").matcher(uri);
            for (String m : methods.find() ? methods.group(1).split(",") : new String[] {"GET"}) {
                if (!m.equals("HEAD") && !m.equals("OPTIONS")) {
                    running.add(m + " " + path);
                }
            }
        }
        List<String> undocumented = running.stream().filter(r -> !documented.contains(r)).toList();
        assertEquals(List.of(), undocumented, "routes missing from /openapi.json (documented: " + documented + ")");
        assertTrue(documented.contains("GET /feeds/all.{format}") && documented.contains("GET /feeds/tags/{slug}/archive/{n}.{format}"),
                "the feeds, served outside the routes, are documented");
        // Nothing else: every documented operation is a running route, or one the feed server answers on the router.
        Set<String> onRouter = new TreeSet<>();
        AppHttp.surface(Stage.all()).stream().filter(e -> !e.camelRoute()).forEach(e -> onRouter.add(e.key()));
        List<String> unserved = documented.stream().filter(d -> !running.contains(d) && !onRouter.contains(d)).toList();
        assertEquals(List.of(), unserved, "documented but no route answers it");
        for (String feed : onRouter) {
            String path = feed.substring("GET ".length()).replace("{format}", "atom").replace("{slug}", "no-such-tag").replace("{n}", "1");
            int status = get(port, path).statusCode();
            assertTrue(status == 200 || status == 404, feed + " is answered by the feed server (" + status + ")");
        }
        Set<String> declaredIds = new TreeSet<>();
        AppHttp.surface(Stage.all()).stream().filter(HttpEndpoint::camelRoute).forEach(e -> declaredIds.add(e.routeId()));
        Set<String> httpRouteIds = new TreeSet<>();
        herald.camel().getRoutes().stream().filter(r -> r.getEndpoint().getEndpointUri().startsWith("platform-http:"))
                .forEach(r -> httpRouteIds.add(r.getRouteId()));
        assertEquals(declaredIds, httpRouteIds, "each HTTP route is the one its declaration names");
        assertEquals(200, get(port, "/asyncapi.json").statusCode());
        assertEquals(200, get(port, "/schemas/NewsletterPayload.json").statusCode());
    }

    @Test
    void the_readme_consumer_example_sends_each_newsletter_once_though_a_payload_comes_twice() throws Exception {
        startWithWebhook();
        assertEquals(202, ItSupport.post(port, "text/plain", Samples.bytes(Samples.WEBINAR)).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> all().stream().anyMatch(r -> r.topic().equals(Topics.NEWSLETTER.name())));
        // The same payload again, as after a restart of a publish instance mid-send.
        ConsumerRecord<String, byte[]> first = all().stream().filter(r -> r.topic().equals(Topics.NEWSLETTER.name())).findFirst().orElseThrow();
        Properties pp = new Properties();
        pp.put("bootstrap.servers", herald.bootstrapServers());
        try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWSLETTER.name(), first.key(), new String(first.value(), StandardCharsets.UTF_8))).get();
        }
        List<JsonNode> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread example = new Thread(() -> {
            try {
                new NewsletterConsumer().run(herald.bootstrapServers(), sent::add, running::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        example.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> countOnTopic(Topics.NEWSLETTER.name()) == 2 && sent.size() >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 1);
        } finally {
            running.set(false);
            example.join();
        }
        assertEquals(Samples.WEBINAR_ID, sent.get(0).get("postId").asText());
    }

    long countOnTopic(String topic) {
        return all().stream().filter(r -> r.topic().equals(topic)).count();
    }

    Properties consumerProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", herald.bootstrapServers());
        p.put("group.id", "contracts-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        return p;
    }

    /** Every record on every Herald topic, from the start. */
    List<ConsumerRecord<String, byte[]>> all() {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (var t : Topics.all()) {
                consumer.partitionsFor(t.name()).forEach(pi -> partitions.add(new org.apache.kafka.common.TopicPartition(pi.topic(), pi.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    static Set<String> types(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> types = new TreeSet<>();
        for (var r : records) {
            Header h = r.headers().lastHeader("ce_type");
            if (h != null) {
                types.add(new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return types;
    }
}
