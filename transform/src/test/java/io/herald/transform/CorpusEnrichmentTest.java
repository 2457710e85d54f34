package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Entity;
import io.herald.events.RawPost;
import io.herald.ingest.ParsedPost;
import io.herald.ingest.PlainTextParser;
import io.herald.testkit.Corpus;
import io.herald.testkit.NeedsCorpus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real webinar post of the shared corpus ({@code -Dherald.corpus}), enriched as a marketer would
 * want it. Skipped, saying so, where the corpus is absent; {@link SampleEnrichmentTest} runs everywhere.
 */
@NeedsCorpus
class CorpusEnrichmentTest {

    static EnrichedPost post;
    static String text;

    @BeforeAll
    static void enrich() throws Exception {
        text = Corpus.text(Corpus.WEBINAR);
        ParsedPost p = new PlainTextParser().parse(text);
        RawPost raw = p.toRaw().id("webinar").source("test").contentType("text/plain").body(text)
                .receivedAt(Instant.parse("2026-02-12T09:00:00Z")).contentHash("hash").build();
        post = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow();
    }

    @Test
    void the_language_is_english() {
        assertEquals("en", post.language());
    }

    @Test
    void tags_are_what_a_reader_would_file_it_under() {
        // Issue 27, item 8: topics, a handful; a name keeps its capital ("China"), other topics are in lower case.
        assertTrue(post.tags().containsAll(List.of("China", "climate change")), post.tags().toString());
        assertTrue(post.tags().size() <= 5, post.tags().toString());
        for (String tag : post.tags()) {
            assertTrue(tag.equals(tag.toLowerCase()) || Character.isUpperCase(tag.charAt(0)), tag);
        }
    }

    @Test
    void entities_name_the_companies_places_people_and_programs_it_discusses() {
        Set<Entity> expected = Set.of(
                new Entity("China", "place"), new Entity("United States", "place"), new Entity("Netherlands", "place"),
                new Entity("Beijing", "place"), new Entity("Europe", "place"),
                new Entity("Alibaba", "organization"), new Entity("Tencent", "organization"), new Entity("Baidu", "organization"),
                new Entity("ByteDance", "organization"), new Entity("Huawei", "organization"), new Entity("Tesla", "organization"),
                new Entity("Clingendael", "organization"), new Entity("Communist Party of China", "organization"),
                new Entity("Maartje Bakker", "person"), new Entity("Xiaoxue Martin", "person"),
                new Entity("Made in China 2025", "program"), new Entity("China Standards 2035", "program"),
                new Entity("Beautiful China 2050", "program"), new Entity("Digital Silk Road", "program"),
                new Entity("14th Five Year Plan", "program"), new Entity("Washington Consensus", "program"));
        assertTrue(post.entities().containsAll(expected), "missing: " + expected.stream()
                .filter(e -> !post.entities().contains(e)).toList());
        List<String> names = post.entities().stream().map(Entity::name).toList();
        assertFalse(names.stream().anyMatch(n -> n.matches("\\d+")), names.toString());
    }

    /** Issue 27, item 9: what the post is, then questions it answers, whole; one piece within 160 characters. */
    @Test
    void the_summary_says_what_the_post_is_then_questions_it_answers_within_160_characters() {
        String summary = post.summary();
        assertTrue(summary.codePointCount(0, summary.length()) <= 160, summary);
        String lead = post.intro().split("(?<=[.!?])\\s+")[0].strip();
        assertTrue(summary.startsWith(lead), summary);
        String rest = summary.substring(lead.length()).strip();
        assertFalse(rest.isEmpty(), "names a question: " + summary);
        for (String q : rest.split("(?<=\\?)\\s+")) {
            assertTrue(post.qa().stream().map(EnrichedQa::question).anyMatch(q::equals), "a whole question of the post: " + q);
        }
    }

    @Test
    void the_typos_are_repaired_in_the_answers() {
        String answers = String.join("\n", post.qa().stream().map(EnrichedQa::answer).toList());
        assertTrue(answers.contains("The U.S. is barely getting started"), "U.S.is");
        assertTrue(answers.contains("China's ‘Beautiful China 2050’ energy"), "China'sBeautiful");
        assertTrue(answers.contains("‘crossing the river by feeling the stones’)"), "open quote");
        assertTrue(answers.contains("www.clingendael.org/publication/china-geopolitical-considerations-investment-screening"),
                "links untouched");
    }

    @Test
    void every_pair_has_an_anchor_and_safe_html_and_the_counts_are_plausible() {
        assertEquals(16, post.qa().size());
        assertEquals(16, post.qa().stream().map(EnrichedQa::id).distinct().count());
        post.qa().forEach(p -> assertTrue(p.answerHtml().startsWith("<p>"), p.answerHtml()));
        assertTrue(post.wordCount() > 1400 && post.wordCount() < 1900, "words: " + post.wordCount());
        assertEquals((int) Math.ceil(post.wordCount() / 230.0), post.readingTimeMinutes());
        assertEquals(List.of("versioning", "normalize-text", "clean-links", "sanitize-html", "qa-anchors", "language",
                "reading-time", "entities", "tags", "summary"), post.provenance().stream().map(p -> p.step()).toList());
    }
}
