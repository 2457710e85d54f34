package io.herald.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas of Herald's events: every event validates against its schema with a maintained
 * validator (networknt), a value missing a required field or carrying a wrong type does not, and the
 * copies published in the repository ({@code docs/schemas/}) are what the code makes today.
 */
class EventSchemasTest {

    static final Path PUBLISHED = Path.of("..", "docs", "schemas");

    static List<String> errors(String name, String json) {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(EventSchemas.schema(name).toString(), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void every_event_validates_against_its_schema_and_a_broken_one_does_not() {
        Map<String, Object> events = Map.ofEntries(
                Map.entry("RawPost", EventsRoundTripTest.raw()),
                Map.entry("EnrichedPost", EventsRoundTripTest.enriched()),
                Map.entry("Rejection", Rejection.of("ingest", "The post is empty.", "http", "text/plain", null, null, null, new byte[] {1})),
                Map.entry("Delivery", Delivery.of("k", "p", "https://lists.example/hook", Delivery.FAILED, 9, "HTTP 503", EventsRoundTripTest.T, null)),
                Map.entry("SocialSnippet", new SocialSnippet(1, "p:v1:social:x", "p", 1, "x", "Text", 4, 280)),
                Map.entry("NewsletterPayload", new NewsletterPayload(1, "p:v1:newsletter:announcement", "p", 1, "announcement", "Subject", "Pre",
                        "<table></table>", "Text", "https://e.org/p", List.of("t"))),
                Map.entry("PostControls", PostControls.of("p", List.of("webinars"), List.of("start"), EventsRoundTripTest.T)),
                Map.entry("Follower", Follower.of("https://social.example/users/ana", "https://social.example/users/ana/inbox",
                        "https://social.example/inbox", "https://social.example/follows/1", EventsRoundTripTest.T)),
                Map.entry("LedgerEntry", LedgerEntry.attempt("p", LedgerEntry.ACTIVITYPUB, "https://social.example/inbox", 2, "abc",
                        "Update", "https://blog.example/ap/actor/activities/update/p/2", "https://blog.example/ap/posts/p", 1,
                        EventsRoundTripTest.T).next(LedgerEntry.RETRYING, 1, "the inbox answered HTTP 503", EventsRoundTripTest.T,
                        EventsRoundTripTest.T.plusSeconds(60))));
        assertEquals(EventSchemas.EVENTS.keySet(), events.keySet(), "every event has an example here");
        events.forEach((name, event) -> assertEquals(List.of(), errors(name, Json.write(event)), name));
        assertTrue(!errors("RawPost", Json.write(EventsRoundTripTest.raw()).replace("\"id\":\"ask-the-editor\",", "")).isEmpty(),
                "a missing id is refused");
        assertTrue(!errors("EnrichedPost", Json.write(EventsRoundTripTest.enriched()).replace("\"version\":2", "\"version\":\"two\"")).isEmpty(),
                "a wrong type is refused");
    }

    @Test
    void the_delivery_schema_names_the_states_a_delivery_record_takes() {
        var properties = EventSchemas.schema("Delivery").get("properties");
        String state = properties.get("state").get("description").asText();
        for (String s : List.of(Delivery.DELIVERED, Delivery.RETRYING, Delivery.FAILED)) {
            assertTrue(state.startsWith(s + " ") || state.contains(", " + s + " ") || state.contains(" or " + s + " "),
                    "the schema names the state " + s + ": " + state);
        }
        assertTrue(!state.contains("pending") && !state.contains("sent"), "no state a record never takes: " + state);
        assertTrue(properties.get("nextAttemptAt").get("description").asText().contains(Delivery.RETRYING));
    }

    @Test
    void the_published_schemas_are_what_the_event_records_make_today() throws Exception {
        boolean write = Boolean.getBoolean("herald.schemas.write");
        for (String name : EventSchemas.EVENTS.keySet()) {
            String now = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(EventSchemas.schema(name)) + "\n";
            Path file = PUBLISHED.resolve(name + ".json");
            if (write) {
                Files.createDirectories(PUBLISHED);
                Files.writeString(file, now);
            }
            assertTrue(Files.exists(file), file + " is missing: run mvn -pl events test -Dherald.schemas.write=true");
            assertEquals(now, Files.readString(file), name + ": an event record changed without its published schema; "
                    + "run mvn -pl events test -Dherald.schemas.write=true and commit docs/schemas/");
        }
    }

    @Test
    void every_field_of_every_event_is_described_and_versioned() {
        for (String name : EventSchemas.EVENTS.keySet()) {
            var schema = EventSchemas.schema(name);
            assertEquals("urn:herald:schema:" + name + ":" + Schema.VERSION, schema.get("$id").asText());
            java.util.List<com.fasterxml.jackson.databind.JsonNode> objects = new java.util.ArrayList<>(java.util.List.of(schema));
            if (schema.has("$defs")) {
                schema.get("$defs").forEach(objects::add);
            }
            for (var object : objects) {
                object.get("properties").fields().forEachRemaining(f -> assertTrue(f.getValue().has("description"),
                        name + ": the field " + f.getKey() + " has no description (EventSchemas.DESCRIPTIONS)"));
            }
        }
    }
}
