package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.Provenance;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions grow per post, repeats make no new version, and provenance names every step. */
class PipelineTest {

    static final Instant RECEIVED = Instant.parse("2026-03-01T09:00:00Z");

    private final VersionLedger ledger = new VersionLedger();
    private final Pipeline pipeline = new Pipeline(ledger, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    static RawPost raw(String hash, String answer) {
        return RawPost.builder().id("garden-faq").source("http").contentType("text/plain").body("body").receivedAt(RECEIVED)
                .contentHash(hash).title("Garden FAQ").intro("Intro words here.")
                .qa(List.of(new QaPair("When do I sow beans?", answer), new QaPair("When do I sow beans?", "Again."))).build();
    }

    @Test
    void a_new_post_is_version_one_published_and_updated_when_it_was_received() {
        EnrichedPost post = pipeline.process(raw("h1", "In May.")).orElseThrow();
        assertEquals(1, post.version());
        assertEquals(RECEIVED, post.published());
        assertEquals(RECEIVED, post.updated(), "not the time it was enriched (the clock says 2026-03-02)");
    }

    @Test
    void the_same_raw_post_enriched_by_two_instances_is_the_identical_record() {
        RawPost raw = raw("h1", "In May, after the frost; sow them an inch deep.");
        EnrichedPost here = pipeline.enrich(raw).orElseThrow();
        Pipeline elsewhere = new Pipeline(new VersionLedger(), Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(here, elsewhere.enrich(raw).orElseThrow());
    }

    @Test
    void the_same_content_again_makes_no_new_version() {
        pipeline.process(raw("h1", "In May."));
        assertTrue(pipeline.process(raw("h1", "In May.")).isEmpty());
    }

    @Test
    void an_edit_is_the_next_version_and_keeps_its_first_publication_time() {
        pipeline.process(raw("h1", "In May."));
        RawPost edit = rawAt("h2", "In May, after the frost.", RECEIVED.plusSeconds(60));
        EnrichedPost v2 = pipeline.process(edit).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(RECEIVED, v2.published());
        assertEquals("In May, after the frost.", v2.qa().get(0).answer());
    }

    @Test
    void provenance_lists_versioning_then_every_step_in_order() {
        EnrichedPost post = pipeline.process(raw("h1", "In May.")).orElseThrow();
        List<String> steps = post.provenance().stream().map(Provenance::step).toList();
        assertEquals(List.of("versioning", "normalize-text", "clean-links", "sanitize-html", "qa-anchors", "language",
                "reading-time", "entities", "tags", "summary"), steps);
        post.provenance().forEach(p -> assertFalse(p.version() == null || p.version().isBlank(), p.step()));
    }

    @Test
    void a_version_whose_write_failed_is_not_remembered_so_the_retry_makes_it_again() {
        EnrichedPost attempt = pipeline.enrich(raw("h1", "In May.")).orElseThrow();
        assertTrue(ledger.latest("garden-faq").isEmpty(), "enriching alone remembers nothing");
        EnrichedPost retry = pipeline.enrich(raw("h1", "In May.")).orElseThrow();
        assertEquals(1, retry.version());
        assertEquals(attempt.qa(), retry.qa());
        pipeline.remember(retry);
        assertTrue(pipeline.enrich(raw("h1", "In May.")).isEmpty(), "once written, the same content is a repeat");
    }

    @Test
    void pairs_get_anchor_ids_unique_within_the_post() {
        EnrichedPost post = pipeline.process(raw("h1", "In May.")).orElseThrow();
        assertEquals("when-do-i-sow-beans", post.qa().get(0).id());
        assertEquals("when-do-i-sow-beans-2", post.qa().get(1).id());
    }

    @Test
    void words_and_reading_time_are_counted() {
        EnrichedPost post = pipeline.process(raw("h1", "In May.")).orElseThrow();
        // "Garden FAQ" 2 + intro 3 + questions 5+5 + answers 2+1
        assertEquals(18, post.wordCount());
        assertEquals(1, post.readingTimeMinutes());
    }

    @Test
    void a_typo_fix_is_a_minor_edit_that_keeps_the_updated_time() {
        String longAnswer = "Sow them outdoors in May once the soil is warm; " + "beans like warmth and sun. ".repeat(40);
        EnrichedPost v1 = pipeline.process(raw("h1", longAnswer)).orElseThrow();
        Pipeline later = new Pipeline(ledger, Clock.fixed(Instant.parse("2026-03-09T10:00:00Z"), ZoneOffset.UTC));
        EnrichedPost v2 = later.process(rawAt("h2", longAnswer.replace("outdoors", "outdoor"), RECEIVED.plusSeconds(60))).orElseThrow();
        assertEquals(2, v2.version());
        assertTrue(v2.minorEdit());
        assertEquals(v1.updated(), v2.updated(), "a typo fix does not move updated");
        EnrichedPost v3 = later.process(rawAt("h3", "Completely rewritten: wait until June this year.", RECEIVED.plusSeconds(120)))
                .orElseThrow();
        assertFalse(v3.minorEdit());
        assertEquals(RECEIVED.plusSeconds(120), v3.updated(), "a significant edit is updated when it was received");
    }

    @Test
    void a_one_letter_typo_fix_in_a_short_post_is_minor_but_a_changed_word_or_number_is_not() {
        String answer = "Sow them outdoors in May once the soil is warm and the nights are frost free; cover them at night.";
        pipeline.process(raw("h1", answer)).orElseThrow();
        EnrichedPost typo = pipeline.process(rawAt("h2", answer.replace("outdoors", "outdors"), RECEIVED.plusSeconds(60))).orElseThrow();
        assertTrue(typo.minorEdit(), "one letter in about 30 words");
        EnrichedPost word = pipeline.process(rawAt("h3", answer.replace("outdors", "indoors").replace("May", "June"), RECEIVED.plusSeconds(120)))
                .orElseThrow();
        assertFalse(word.minorEdit(), "outdoors to indoors and May to June change what the post says");
        EnrichedPost number = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw("h1", "Open at 9 every day.")).orElseThrow();
        assertFalse(EditSize.onlyTypos("Open at 9 every day.", "Open at 10 every day."), "a number is never a typo");
        assertTrue(number.version() == 1);
    }

    @Test
    void a_raw_post_at_a_lower_offset_than_the_latest_version_is_a_stale_redelivery() {
        pipeline.remember(pipeline.enrich(rawAt("h2", "Newer.", RECEIVED), 7L).orElseThrow());
        assertTrue(pipeline.enrich(rawAt("h1", "Older.", RECEIVED.plusSeconds(60)), 5L).isEmpty(),
                "offset 5 came before offset 7 on the post's partition, whatever its clock says");
        assertEquals(1, ledger.latest("garden-faq").orElseThrow().version());
    }

    /** Regression (#22): two ingest instances, or a clock stepped back, dropped an accepted edit as stale. */
    @Test
    void an_edit_whose_ingest_clock_is_behind_is_still_the_next_version() {
        EnrichedPost v1 = pipeline.enrich(rawAt("h1", "First answer.", RECEIVED.plusSeconds(60)), 3L).orElseThrow();
        pipeline.remember(v1);
        EnrichedPost v2 = pipeline.enrich(rawAt("h2", "Corrected answer.", RECEIVED), 4L).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(4L, v2.rawOffset());
        assertFalse(v2.updated().isBefore(v1.updated()), "a version is never older than the one it follows");
    }

    static RawPost rawAt(String hash, String answer, Instant received) {
        RawPost r = raw(hash, answer);
        return r.toBuilder().receivedAt(received).contentHash(hash).build();
    }

    @Test
    void a_stale_version_never_replaces_a_newer_one_in_the_ledger() {
        EnrichedPost v1 = pipeline.process(raw("h1", "a")).orElseThrow();
        pipeline.process(rawAt("h2", "b", RECEIVED.plusSeconds(1))).orElseThrow();
        ledger.record(v1);
        assertEquals(2, ledger.latest("garden-faq").orElseThrow().version());
    }

    @Test
    void a_new_feeds_backlog_stays_backlog_through_later_edits_upstream() {
        EnrichedPost v1 = pipeline.process(raw("h1", "In May.").toBuilder().backlog(true).build()).orElseThrow();
        assertTrue(v1.backlog());
        RawPost edit = rawAt("h2", "In May, after the last frost, an inch deep.", RECEIVED.plusSeconds(60));
        assertFalse(edit.backlog(), "a later poll of the feed is not its first");
        assertTrue(pipeline.process(edit).orElseThrow().backlog(), "the edit of a backlog entry is not its first publication");
        assertFalse(new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw("h1", "In May.")).orElseThrow().backlog());
    }
}
