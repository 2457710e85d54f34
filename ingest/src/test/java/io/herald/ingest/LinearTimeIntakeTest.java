package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each former hot spot of ingest, fed 200 KB of the input that made it quadratic: at that size a
 * quadratic pattern takes minutes (20 KB took 3 s); linear work takes well under a second. The bound is
 * generous so a slow machine never fails it, and a quadratic pattern always does.
 */
class LinearTimeIntakeTest {

    static final int SIZE = 200_000;

    static String rep(String unit) {
        return unit.repeat(SIZE / unit.length());
    }

    static java.util.stream.Stream<Map.Entry<String, String>> hostile() {
        return java.util.stream.Stream.of(
                Map.entry("a link followed by a long run of punctuation (Links)", "Title\n\nSee www." + rep(".") + "x"),
                Map.entry("a question label followed by a long run of spaces (Labels)", "Title\n\nQ" + rep(" ") + "x"),
                Map.entry("an answer label followed by a long run of tabs (Labels)", "Title\n\nA" + rep("\t") + "x"),
                Map.entry("a long run of label-like lines", "Title\n\n" + rep("Q: a\n")),
                Map.entry("many opening brackets", "Title\n\n" + rep("<")),
                Map.entry("address-like text with no at sign", "Title\n\na." + rep("baaa")),
                Map.entry("a heading with a long unclosed attribute brace (Cues)", "# T\n\n## Why? {#" + rep("#")),
                Map.entry("a long run of numbered lines (TextBlocks)", "Title\n\n" + rep("1. a\n")),
                Map.entry("a long run of definition terms (DefinitionLists)", "Title\n\n" + rep("a?\n:   b\n\n")),
                Map.entry("many template directives (HtmlPostParser)", "Title\n\n" + rep("{% x %}")),
                Map.entry("a long Org outline (TextBlocks)", "#+TITLE: t\n" + rep("* a?\n** b\n")),
                Map.entry("a long underline (TextBlocks)", "Title\n\nWhy?\n" + rep("=")),
                Map.entry("many labelled lines after one paragraph line (TextBlocks)", "Title\n\nQ: a?\n" + rep("b\n")),
                Map.entry("many checkbox labels (QuestionMarkup)", "<h1>T</h1>" + rep("<input type=checkbox id=a><label for=a>Q?</label><p>A</p>")),
                Map.entry("many question lines as blocks (Contents)", "Title\n\n" + rep("Q: a\n\n")),
                Map.entry("a long table of contents (Contents)", "# T\n\n" + rep("- [a?](#a)\n") + "\n## a?\n\nb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void parsing_hostile_text_takes_time_linear_in_its_size(Map.Entry<String, String> input) {
        byte[] body = input.getValue().getBytes(StandardCharsets.UTF_8);
        for (String type : new String[]{"text/plain", "text/markdown", "text/html"}) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    new Intake(Clock.systemUTC(), 50_000_000, new PostLedger()).accept(body, type, "test");
                } catch (RejectedPost refused) {
                    // a refusal is an answer too: what matters is that it comes at once
                }
            }, input.getKey() + " as " + type);
        }
    }
}
