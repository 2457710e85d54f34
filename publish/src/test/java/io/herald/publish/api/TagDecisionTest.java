package io.herald.publish.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.PostControls;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision about suggested tags, as the dashboard sends it: read, checked, refused with a reason. */
class TagDecisionTest {

    static final Instant T = Instant.parse("2026-06-01T00:00:00Z");
    static final EnrichedPost POST = EnrichedPost.builder().id("p").version(1).title("T").published(T).updated(T)
            .tags(List.of("3D printing", "nozzles", "Filament")).autoTags(List.of("nozzles", "Filament")).build();

    static PostControls read(String json) throws TagDecision.Refused {
        return TagDecision.read(POST, json.getBytes(StandardCharsets.UTF_8), T);
    }

    @Test
    void a_decision_is_kept_as_the_suggestions_are_spelt() throws Exception {
        PostControls c = read("{\"accepted\":[\" filament \"],\"removed\":[\"NOZZLES\"]}");
        assertEquals(List.of("Filament"), c.acceptedTags());
        assertEquals(List.of("nozzles"), c.removedTags());
        assertEquals(List.of(), read("{}").acceptedTags(), "an empty decision undoes the last");
    }

    @Test
    void the_authors_tags_unknown_tags_contradictions_and_oversized_or_broken_bodies_are_refused_with_a_reason() {
        var authors = assertThrows(TagDecision.Refused.class, () -> read("{\"removed\":[\"3D printing\"]}"));
        assertEquals(422, authors.status());
        assertTrue(authors.getMessage().contains("nozzles, Filament") && authors.getMessage().contains("not: 3D printing"), authors.getMessage());
        assertEquals(422, assertThrows(TagDecision.Refused.class, () -> read("{\"accepted\":[\"nozzles\"],\"removed\":[\"Nozzles\"]}")).status());
        assertEquals(422, assertThrows(TagDecision.Refused.class, () -> read("{\"accepted\":[null]}")).status());
        var broken = assertThrows(TagDecision.Refused.class, () -> read("{\"accepted\":"));
        assertEquals(400, broken.status());
        assertTrue(!broken.getMessage().contains("Source:"), "no parser internals: " + broken.getMessage());
        assertEquals(400, assertThrows(TagDecision.Refused.class, () -> read("")).status());
        assertEquals(413, assertThrows(TagDecision.Refused.class, () -> read("{\"accepted\":[\"" + "x".repeat(20_000) + "\"]}")).status());
    }
}
