package io.herald.publish.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A snippet's cut is searched only as far into a long answer as can fit (profiling showed the search
 * measuring whole answers with twitter-text); it must find the same cut as a search of the whole text.
 */
class BoundedSearchTest {

    private static final String[] WORDS = {"heat", "pump", "radiators", "insulation", "a", "the", "https://example.org/a/very/long/path/to/a/guide",
        "www.example.com", "example.com/x", "bill.", "winter,", "数字化", "転換", "— and", "cost:", "50%", "kWh", "U.S.", "e.g.", "🙂"};

    @Test
    void the_cut_found_within_reach_is_the_cut_found_in_the_whole_text() {
        Random random = new Random(29);
        for (int n = 0; n < 60; n++) {
            StringBuilder text = new StringBuilder();
            int words = 5 + random.nextInt(600);
            for (int i = 0; i < words; i++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 17 == 16 ? "\n\n" : " ");
            }
            String body = text.toString().strip();
            String head = "Heat pumps for older homes";
            for (Platform platform : Platform.values()) {
                java.util.function.UnaryOperator<String> assemble = b -> head + "\n\n" + b + "\n\n#heat #homes\n\nhttps://news.example/posts/heat";
                assertEquals(SnippetComposer.longestFitting(platform, body, 3, assemble, false),
                        SnippetComposer.longestFitting(platform, body, 3, assemble, true), () -> platform + " on " + body);
            }
        }
    }
}
