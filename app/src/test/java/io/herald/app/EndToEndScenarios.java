package io.herald.app;

import static io.herald.app.ItSupport.get;
import static io.herald.app.ItSupport.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.support.Settings;
import io.herald.events.Json;
import io.herald.events.Rejection;
import io.herald.events.Topics;
import io.herald.support.TopicReplay;
import io.herald.testkit.Corpus;
import io.herald.testkit.NeedsCorpus;
import io.herald.testkit.Samples;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees end to end, on a real Kafka broker: a post goes in over HTTP or the inbox
 * and comes out in the Atom feed and the API; bad input is explained and kept in the DLQ; a
 * restart loses nothing. Subclasses choose the broker (embedded, or a Testcontainers one).
 */
abstract class EndToEndScenarios {


    @TempDir
    Path dir;

    Herald herald;
    int port;

    /** The Kafka bootstrap servers to give Herald, or empty for Herald's own embedded broker. */
    abstract Optional<String> kafkaBootstrap();

    Settings config() {
        return ItSupport.settings(dir, port, "kafka-bootstrap", kafkaBootstrap().orElse(""));
    }

    Herald startHerald() {
        herald = Herald.start(config(), Stage.all());
        return herald;
    }

    @AfterEach
    void stopHerald() {
        if (herald != null) {
            herald.close();
        }
    }

    @Test
    void a_posted_webinar_reaches_the_feed_and_the_api_and_survives_a_restart() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        assertEquals(200, get(port, "/health").statusCode());

        byte[] body = Samples.bytes(Samples.WEBINAR);
        HttpResponse<String> accepted = post(port, "text/plain; charset=utf-8", body);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(Samples.WEBINAR_ID, Json.mapper().readTree(accepted.body()).get("id").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/feeds/all.atom").body()
                .contains("<title>Q&amp;A: Heat Pumps for Older Homes Webinar</title>"));
        HttpResponse<String> feed = get(port, "/feeds/all.atom");
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        List<String> parsed = ItSupport.feedparser(feed.body());
        assertEquals("bozo=False", parsed.get(0), String.join("\n", parsed));
        assertEquals("entries=1", parsed.get(1));
        assertTrue(parsed.get(2).endsWith("\t" + Samples.WEBINAR_TITLE), parsed.get(2));

        JsonNode post = Json.mapper().readTree(get(port, "/api/posts/" + Samples.WEBINAR_ID).body());
        assertEquals(Samples.WEBINAR_PAIRS, post.get("qa").size());
        assertEquals(1, post.get("version").asInt());
        String entryLine = parsed.get(2);

        // The same post again changes nothing.
        assertEquals("unchanged", Json.mapper().readTree(post(port, "text/plain", body).body()).get("status").asText());

        herald.close();
        herald = null;
        startHerald();
        // Straight after start-up, with no waiting: state was rebuilt from Kafka before HTTP opened.
        JsonNode again = Json.mapper().readTree(get(port, "/api/posts/" + Samples.WEBINAR_ID).body());
        assertEquals(Samples.WEBINAR_PAIRS, again.get("qa").size());
        assertEquals(1, again.get("version").asInt());
        assertEquals(entryLine, ItSupport.feedparser(get(port, "/feeds/all.atom").body()).get(2));
        assertEquals("unchanged", Json.mapper().readTree(post(port, "text/plain", body).body()).get("status").asText());
    }

    @Test
    void every_sample_format_reaches_the_feeds_and_every_feed_parses() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        assertEquals(202, post(port, "text/plain", Samples.bytes(Samples.WEBINAR)).statusCode());
        assertEquals(202, post(port, "text/markdown", Samples.bytes(Samples.MARKDOWN)).statusCode());
        assertEquals(202, post(port, "text/html", Samples.bytes(Samples.HTML)).statusCode());
        assertEquals(202, post(port, "application/json", Samples.bytes(Samples.JSON)).statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> ItSupport.read(get(port, "/api/posts").body()).get("total").asInt() == 4);
        for (String format : List.of("atom", "rss", "json")) {
            List<String> parsed = ItSupport.feedparser(get(port, "/feeds/all." + format).body());
            assertEquals("bozo=False", parsed.get(0), format + ": " + String.join("\n", parsed));
            assertEquals("entries=4", parsed.get(1), format);
            assertTrue(parsed.stream().anyMatch(l -> l.endsWith("\tRepair Café Open Day FAQ")), format + ": " + parsed);
        }
    }

    /** The shared corpus's real webinar ({@code -Dherald.corpus}); skipped, saying so, where it is absent. */
    @Test
    @NeedsCorpus
    void the_shared_corpus_webinar_reaches_the_feed_with_its_sixteen_pairs() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        HttpResponse<String> accepted = post(port, "text/plain; charset=utf-8", Corpus.bytes(Corpus.WEBINAR));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = Json.mapper().readTree(accepted.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/" + id).statusCode() == 200);
        assertEquals(16, Json.mapper().readTree(get(port, "/api/posts/" + id).body()).get("qa").size());
        List<String> parsed = ItSupport.feedparser(get(port, "/feeds/all.atom").body());
        assertEquals("bozo=False", parsed.get(0), String.join("\n", parsed));
        assertEquals("entries=1", parsed.get(1));
    }

    @Test
    void an_edit_is_a_new_version_of_the_same_feed_entry() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        String text = "Plant swap Q&A\n\nQ: When is the swap?\nA: Sunday at ten.\n";
        assertEquals(202, post(port, "text/plain", text.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/plant-swap-q-a").statusCode() == 200);
        post(port, "text/plain", text.replace("ten", "eleven").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                get(port, "/api/posts/plant-swap-q-a").body().contains("Sunday at eleven."));
        JsonNode v2 = Json.mapper().readTree(get(port, "/api/posts/plant-swap-q-a").body());
        assertEquals(2, v2.get("version").asInt());
        List<String> parsed = ItSupport.feedparser(get(port, "/feeds/all.atom").body());
        assertEquals("entries=1", parsed.get(1));
    }

    @Test
    void inbox_files_are_ingested_and_a_rejected_one_gets_an_error_file() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        Path inbox = dir.resolve("inbox");
        Files.writeString(inbox.resolve("allotment.txt"), "Allotment FAQ\n\nQ: Is there a waiting list?\nA: Yes, about a year.\n");
        Files.write(inbox.resolve("empty.txt"), new byte[0]);
        Files.writeString(inbox.resolve("slides.pdf"), "%PDF-1.7");

        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/allotment-faq").statusCode() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".failed/slides.pdf.error.txt"))
                && Files.exists(inbox.resolve(".failed/empty.txt.error.txt")));
        assertTrue(Files.exists(inbox.resolve(".done/allotment.txt")));
        assertTrue(Files.exists(inbox.resolve(".failed/slides.pdf")));
        assertTrue(Files.readString(inbox.resolve(".failed/empty.txt.error.txt")).contains("The post is empty."));
        assertTrue(Files.readString(inbox.resolve(".failed/slides.pdf.error.txt")).contains(".txt"));

        List<Rejection> dlq = dlq(2);
        assertTrue(dlq.stream().anyMatch(r -> r.source().equals("inbox:slides.pdf") && r.stage().equals("ingest")), dlq.toString());
    }

    @Test
    void bad_http_input_gets_problem_json_and_lands_in_the_dlq_with_its_reason() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        HttpResponse<String> empty = post(port, "text/plain", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertEquals("application/problem+json", empty.headers().firstValue("Content-Type").orElse(""));
        assertEquals("The post is empty.", Json.mapper().readTree(empty.body()).get("detail").asText());

        HttpResponse<String> binary = post(port, "text/plain", new byte[] {(byte) 0xc3, (byte) 0x28, 0, 7});
        assertEquals(400, binary.statusCode());

        HttpResponse<String> unknown = post(port, "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, unknown.statusCode());
        assertTrue(Json.mapper().readTree(unknown.body()).get("detail").asText().contains("application/pdf"));

        List<Rejection> dlq = dlq(3);
        assertEquals(List.of("ingest", "ingest", "ingest"), dlq.stream().map(Rejection::stage).toList());
        assertTrue(dlq.stream().anyMatch(r -> r.reason().equals("The post is empty.")));
        assertTrue(dlq.stream().anyMatch(r -> "JVBERg==".equals(r.originalBase64())), "the original bytes are kept");
    }

    @Test
    void an_unreadable_raw_record_goes_to_the_dlq_with_its_origin_and_the_next_post_still_flows() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", herald.bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.POSTS_RAW.name(), "broken",
                    "this is not JSON")).get();
        }
        assertEquals(202, post(port, "text/plain", "After the poison\n\nQ: Still flowing?\nA: Yes.".getBytes(StandardCharsets.UTF_8))
                .statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/after-the-poison").statusCode() == 200);
        Rejection r = dlq(1).get(0);
        assertEquals("transform", r.stage());
        assertEquals(Topics.POSTS_RAW.name(), r.originTopic());
        assertTrue(r.originOffset() != null && r.originPartition() != null);
        assertTrue(r.reason().startsWith("not a readable RawPost"), r.reason());
        assertEquals("this is not JSON", new String(java.util.Base64.getDecoder().decode(r.originalBase64()), StandardCharsets.UTF_8));
    }

    @Test
    void a_posted_post_comes_out_enriched() throws Exception {
        port = ItSupport.freePort();
        startHerald();
        String html = "<html><head><title>Museum visit FAQ</title></head><body><article>"
                + "<p>The City Museum in Amsterdam reopens with a new wing.</p>"
                + "<h2>Can I bring my camera?</h2><p>Yes.Photos without flash are welcome in every gallery of the museum.</p>"
                + "<p><script>alert(1)</script><a href=\"/tickets?utm_source=mail\">Tickets</a> are sold online.</p>"
                + "</article></body></html>";
        assertEquals(202, post(port, "text/html", html.getBytes(StandardCharsets.UTF_8)).statusCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/posts/museum-visit-faq").statusCode() == 200);
        JsonNode p = Json.mapper().readTree(get(port, "/api/posts/museum-visit-faq").body());
        assertEquals("en", p.get("language").asText());
        JsonNode pair = p.get("qa").get(0);
        assertTrue(pair.get("answer").asText().startsWith("Yes. Photos without flash"), pair.toString());
        assertFalse(pair.get("answerHtml").asText().contains("script"), pair.toString());
        assertFalse(pair.get("answerHtml").asText().contains("utm_source"), pair.toString());
        assertTrue(p.get("entities").toString().contains("Amsterdam"), p.get("entities").toString());
        assertTrue(p.get("summary").asText().length() > 20, p.toString());
        assertTrue(p.get("provenance").size() >= 10, p.get("provenance").toString());
    }

    List<Rejection> dlq(int atLeast) {
        List<Rejection> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found.clear();
            TopicReplay.replay(herald.bootstrapServers(), Topics.DLQ, Duration.ofSeconds(10),
                    (k, v) -> found.add(Json.read(v, Rejection.class)));
            return found.size() >= atLeast;
        });
        return found;
    }
}
