package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.herald.events.QaPair;
import io.herald.events.RawPost;
import io.herald.transform.text.TextRepair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each former hot spot of the enrichment, fed 200 KB of what made it quadratic (a 60 KB title of
 * "a.baaa…" took 24 s in the text repair): linear work ends in well under the generous bound.
 */
class LinearTimeEnrichmentTest {

    static final int SIZE = 200_000;

    static String rep(String unit) {
        return unit.repeat(SIZE / unit.length());
    }

    static java.util.stream.Stream<Map.Entry<String, String>> hostile() {
        return java.util.stream.Stream.of(
                Map.entry("address-like text with no at sign (TextRepair)", "a." + rep("baaa")),
                Map.entry("a long chain of addresses (TextRepair, put back in one pass)", rep("a@a.")),
                Map.entry("a long run of spaces before no line break (TextRepair)", "x" + rep(" ") + "y"),
                Map.entry("many opening brackets (NormalizeText)", rep("<")),
                Map.entry("a capital and a long run of tabs (Entities)", "Q" + rep("\t") + "x"),
                Map.entry("capitalized words with no program after them (Entities)", rep("Ab ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void enriching_hostile_text_takes_time_linear_in_its_size(Map.Entry<String, String> input) {
        String x = input.getValue();
        for (String where : new String[]{"title", "intro", "answer"}) {
            RawPost raw = RawPost.builder().id("hostile").source("test").contentType("text/plain").body(x)
                    .receivedAt(Instant.parse("2026-12-01T10:00:00Z")).contentHash("h-" + where)
                    .title(where.equals("title") ? x : "A title").intro(where.equals("intro") ? x : "An intro.")
                    .qa(List.of(new QaPair("A question?", where.equals("answer") ? x : "An answer."))).build();
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw), input.getKey() + " in the " + where);
        }
    }

    @Test
    void a_long_dotted_address_does_not_overflow_the_stack() {
        String line = "write to a@" + "b.".repeat(50_000) + "org today.Then";
        assertEquals(line.replace(".Then", ". Then"), TextRepair.spaces(line));
    }
}
