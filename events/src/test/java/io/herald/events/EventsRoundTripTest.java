package io.herald.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event survives a trip through JSON unchanged, and the wire format is what docs/schemas and the README promise. */
class EventsRoundTripTest {

    static final Instant T = Instant.parse("2026-02-11T10:15:30Z");

    static RawPost raw() {
        return RawPost.builder().id("ask-the-editor").source("http").contentType("text/plain")
                .body("Ask the editor\n\nQ: Why?\nA: Because.").receivedAt(T).contentHash("ab12").title("Ask the editor")
                .author("Kim Doe").published(T).url("https://example.org/ask").tags(List.of("editing")).intro("An intro.")
                .qa(List.of(new QaPair("Why?", "Because."))).outro("Bye.").links(List.of("https://example.org")).build();
    }

    static EnrichedPost enriched() {
        return EnrichedPost.builder().id("ask-the-editor").version(2).title("Ask the editor").author("Kim Doe").published(T)
                .updated(T.plusSeconds(60)).url("https://example.org/ask").language("en").intro("An intro.")
                .qa(List.of(new EnrichedQa("why", "Why?", "Because.", "<p>Because.</p>"))).outro("Bye.").tags(List.of("editing"))
                .summary("Because.").readingTimeMinutes(1).wordCount(3).provenance(List.of(new Provenance("version", "1")))
                .contentHash("ab12").entities(List.of(new Entity("Kim Doe", "person"))).receivedAt(T).build();
    }

    @Test
    void a_raw_post_round_trips() {
        assertEquals(raw(), Json.read(Json.write(raw()), RawPost.class));
    }

    @Test
    void an_enriched_post_round_trips() {
        assertEquals(enriched(), Json.read(Json.writeBytes(enriched()), EnrichedPost.class));
    }

    @Test
    void newsletter_social_and_rejection_events_round_trip() {
        var news = new NewsletterPayload(1, "ask-the-editor:2:newsletter", "ask-the-editor", 2, "announcement",
                "Ask the editor", "Why? Because.", "<table></table>", "Why? Because.", "https://example.org/ask", List.of("editing"));
        var social = new SocialSnippet(1, "ask-the-editor:2:social:x", "ask-the-editor", 2, "x", "Why? #editing", 13, 280);
        var rejection = new Rejection(1, "ingest", "the post has no title", "http", "text/plain", null, null, null,
                "AAEC", T);
        assertEquals(news, Json.read(Json.write(news), NewsletterPayload.class));
        assertEquals(social, Json.read(Json.write(social), SocialSnippet.class));
        assertEquals(rejection, Json.read(Json.write(rejection), Rejection.class));
        var delivery = Delivery.of("ask-the-editor:2:newsletter", "ask-the-editor", "https://lists.example/hook", Delivery.RETRYING,
                2, "the webhook answered HTTP 503", T, T.plusSeconds(60));
        assertEquals(delivery, Json.read(Json.write(delivery), Delivery.class));
    }

    @Test
    void dates_are_iso_8601_in_utc_and_every_event_names_its_schema() {
        String json = Json.write(enriched());
        assertTrue(json.contains("\"published\":\"2026-02-11T10:15:30Z\""), json);
        assertTrue(json.contains("\"schema\":1"), json);
    }

    @Test
    void a_reader_ignores_fields_a_newer_writer_added() {
        String json = Json.write(raw()).replaceFirst("\\{", "{\"somethingNew\":true,");
        assertEquals(raw(), Json.read(json, RawPost.class));
    }

    @Test
    void an_event_from_a_newer_schema_is_refused_with_a_reason() {
        String json = Json.write(raw()).replace("\"schema\":1", "\"schema\":99");
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(json, RawPost.class));
        assertTrue(e.getMessage().contains("schema 99"), e.getMessage());
    }

    @Test
    void garbage_is_refused_with_a_reason_not_a_crash() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read("not json", RawPost.class));
        assertTrue(e.getMessage().startsWith("not a readable RawPost"), e.getMessage());
    }

    @Test
    void every_topic_has_a_unique_herald_name_and_only_the_latest_state_topics_are_compacted() {
        // The raw topic is one of them: the latest version of every post is kept for ever, so a takedown never expires.
        var names = new HashSet<String>();
        for (Topic<?> t : Topics.all()) {
            assertTrue(t.name().startsWith("herald."), t.name());
            assertTrue(names.add(t.name()), "duplicate " + t.name());
            assertEquals(t == Topics.POSTS_RAW || t == Topics.POSTS_ENRICHED || t == Topics.POSTS_CONTROLS || t == Topics.DELIVERIES
                    || t == Topics.FOLLOWERS || t == Topics.LEDGER, t.compacted(), t.name());
        }
        assertEquals(9, names.size());
        assertEquals("compact", Topics.POSTS_ENRICHED.config().get("cleanup.policy"));
    }
}
