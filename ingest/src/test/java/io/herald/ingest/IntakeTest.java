package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What ingest accepts, what it refuses, and that every refusal says why in words a person understands. */
class IntakeTest {

    private final PostLedger ledger = new PostLedger();
    private final Intake intake = new Intake(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), 1024, ledger);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_text_post_becomes_a_raw_post_with_a_title_slug_id_and_a_content_hash() {
        Intake.Outcome outcome = intake.accept(Fixtures.bytes("dutch-interview.txt"), "text/plain; charset=utf-8", "http");
        assertEquals("interview-tien-vragen-over-fietsen-in-de-winter", outcome.post().id());
        assertEquals("text/plain", outcome.post().contentType());
        assertEquals(64, outcome.post().contentHash().length());
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), outcome.post().receivedAt());
        assertEquals("accepted", outcome.status());
    }

    @Test
    void the_same_post_again_is_unchanged_and_an_edit_is_not() {
        byte[] body = Fixtures.bytes("dutch-interview.txt");
        Intake.Outcome first = intake.accept(body, "text/plain", "http");
        ledger.record(first.post().id(), first.post().contentHash());
        assertEquals("unchanged", intake.accept(body, "text/plain", "http").status());
        byte[] edited = utf8(new String(body, StandardCharsets.UTF_8).replace("afvegen", "grondig afvegen"));
        Intake.Outcome second = intake.accept(edited, "text/plain", "http");
        assertEquals("accepted", second.status());
        assertEquals(first.post().id(), second.post().id());
    }

    @Test
    void a_json_post_uses_its_explicit_id_and_fields() {
        String json = """
                {"id": "faq-7", "title": "Seven questions", "author": "Sam", "published": "2026-02-11",
                 "tags": ["events"], "qa": [{"question": "Why?", "answer": "Because."}]}""";
        var post = intake.accept(utf8(json), "application/json", "http").post();
        assertEquals("faq-7", post.id());
        assertEquals("Sam", post.author());
        assertEquals(Instant.parse("2026-02-11T00:00:00Z"), post.published());
        assertEquals(1, post.qa().size());
    }

    @Test
    void a_json_post_without_id_takes_its_url_as_id() {
        String json = "{\"title\": \"T\", \"url\": \"https://example.org/t\"}";
        assertEquals("https://example.org/t", intake.accept(utf8(json), "application/json", "http").post().id());
    }

    @Test
    void rejects_an_empty_post_with_a_clear_reason() {
        RejectedPost e = assertThrows(RejectedPost.class, () -> intake.accept(new byte[0], "text/plain", "http"));
        assertEquals(400, e.status());
        assertEquals("The post is empty.", e.detail());
        RejectedPost blank = assertThrows(RejectedPost.class,
                () -> intake.accept(Fixtures.bytes("only-whitespace.txt"), "text/plain", "http"));
        assertTrue(blank.detail().contains("only white space"), blank.detail());
    }

    @Test
    void rejects_binary_bytes_as_unreadable_text() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> intake.accept(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "text/plain", "http"));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("not readable UTF-8 text"), e.detail());
        RejectedPost nul = assertThrows(RejectedPost.class,
                () -> intake.accept(utf8("Title\u0000\u0001"), "text/plain", "http"));
        assertTrue(nul.detail().contains("NUL"), nul.detail());
    }

    @Test
    void rejects_a_json_post_without_a_title() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> intake.accept(utf8("{\"qa\": []}"), "application/json", "http"));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("no title"), e.detail());
    }

    /** Issue 27, item 6: the dashboard showed "[Source: REDACTED (`StreamReadFeature…` disabled); line: 1…]". */
    @Test
    void a_broken_json_post_is_refused_in_jacksons_words_with_line_and_column_and_no_parser_internals() {
        RejectedPost open = assertThrows(RejectedPost.class,
                () -> intake.accept(utf8("{\"title\": \"Q&A\",\n \"qa\": ["), "application/json", "http"));
        assertEquals("The body is not valid JSON: Unexpected end-of-input: expected close marker for Array (start marker at "
                + "line 2, column 8), at line 2, column 9", open.detail());
        RejectedPost stray = assertThrows(RejectedPost.class,
                () -> intake.accept(utf8("{title: 1}"), "application/json", "http"));
        assertTrue(stray.detail().startsWith("The body is not valid JSON: Unexpected character ('t' (code 116))")
                && stray.detail().endsWith(", at line 1, column 2") && !stray.detail().contains("Source"), stray.detail());
    }

    @Test
    void rejects_broken_json_saying_where() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> intake.accept(utf8("{\"title\": "), "application/json", "http"));
        assertTrue(e.detail().startsWith("The body is not valid JSON"), e.detail());
    }

    @Test
    void rejects_a_post_over_the_size_limit_with_413() {
        RejectedPost e = assertThrows(RejectedPost.class, () -> intake.accept(new byte[2048], "text/plain", "http"));
        assertEquals(413, e.status());
        assertTrue(e.detail().contains("limit is 1024 bytes"), e.detail());
    }

    @Test
    void rejects_an_unknown_content_type_with_415_naming_what_it_reads() {
        RejectedPost e = assertThrows(RejectedPost.class, () -> intake.accept(utf8("x"), "image/png", "http"));
        assertEquals(415, e.status());
        assertTrue(e.detail().contains("text/plain"), e.detail());
        assertTrue(e.detail().contains("image/png"), e.detail());
    }

    @Test
    void reads_a_declared_non_utf8_charset() {
        byte[] latin1 = "Caf\u00e9 questions\n\nQ: Open?\nA: Yes.".getBytes(StandardCharsets.ISO_8859_1);
        var post = intake.accept(latin1, "text/plain; charset=ISO-8859-1", "http").post();
        assertEquals("Caf\u00e9 questions", post.title());
        assertFalse(post.qa().isEmpty());
    }

    @Test
    void a_parser_crash_is_told_apart_from_a_refusal_but_still_answers_400_with_a_reason() {
        RejectedPost crash = assertThrows(RejectedPost.class, () -> Intake.readable("text/html", () -> {
            throw new IllegalStateException("index out of range in a parser");
        }));
        assertTrue(crash.defect(), "an unexpected exception is a defect");
        assertEquals(400, crash.status());
        assertTrue(crash.detail().startsWith("Parser defect: Herald's text/html parser failed"), crash.detail());
        assertTrue(crash.detail().contains("dead-letter queue"), crash.detail());
        assertTrue(crash.getCause() instanceof IllegalStateException, "the cause is kept for the log");

        RejectedPost overflow = assertThrows(RejectedPost.class, () -> Intake.readable("text/markdown", () -> {
            throw new StackOverflowError();
        }));
        assertTrue(overflow.defect());

        RejectedPost refusal = assertThrows(RejectedPost.class, () -> Intake.readable("text/plain", () -> {
            throw RejectedPost.badRequest("The post has no title.");
        }));
        assertFalse(refusal.defect(), "a refusal stays a refusal");
        assertEquals("The post has no title.", refusal.detail());
    }

    @Test
    void an_html_page_sent_as_plain_text_has_no_title_and_the_detail_says_it_looks_like_html() {
        byte[] page = utf8("<!DOCTYPE html>\n<html><head><title></title></head><body><p>Q: Open?</p><p>A: Yes.</p></body></html>\n");
        RejectedPost e = assertThrows(RejectedPost.class, () -> intake.accept(page, "text/plain", "http"));
        assertEquals(400, e.status());
        assertTrue(e.detail().startsWith("The post has no title"), e.detail());
        assertTrue(e.detail().contains("looks like an HTML page: send it with Content-Type: text/html"), e.detail());
        // Text whose first line is markup is no page: its first meaningful line titles it.
        assertEquals("Why?", intake.accept(utf8("<title/>\n\nQ: Why?\nA: So."), "text/plain", "http").post().title());
    }

    @Test
    void an_id_given_with_the_request_keeps_a_retitled_plain_text_post_the_same_post() {
        var first = intake.accept(utf8("Opening hours\n\nQ: When?\nA: Nine to five."), "text/plain", "http", java.util.Optional.of("hours"));
        var retitled = intake.accept(utf8("Opening hours and holidays\n\nQ: When?\nA: Nine to five."), "text/plain", "http",
                java.util.Optional.of("hours"));
        assertEquals("hours", first.post().id());
        assertEquals("hours", retitled.post().id());
        assertEquals("opening-hours-and-holidays", intake.accept(utf8("Opening hours and holidays\n\nQ: When?\nA: Nine."),
                "text/plain", "http").post().id(), "without it, the title's slug");
    }
}
