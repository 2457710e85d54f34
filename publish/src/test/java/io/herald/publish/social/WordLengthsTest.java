package io.herald.publish.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testkit.Corpus;
import io.herald.testkit.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The counts summed over words ({@link WordLengths}) are the whole-text counts of twitter-text and of
 * Mastodon's rule, on the texts a composer measures: the samples, the corpus, and texts made of what
 * could break a sum (links at every edge, emoji sequences, combining marks after a space, CJK, odd spaces
 * and control characters, at either end too).
 */
class WordLengthsTest {

    private static void same(String text) {
        assertEquals(Platform.Measures.x(text), Platform.X.length(text), () -> "X: " + text.codePoints()
                .mapToObj(c -> c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04X", c)).reduce("", String::concat));
        assertEquals(Platform.Measures.mastodon(text), Platform.MASTODON.length(text), () -> "Mastodon: " + text);
    }

    /** Every prefix ending at a space, with a link after it, as the composer's cuts are. */
    private static int everyCut(String text, String link) {
        int n = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                same(text.substring(0, i) + "…\n\n" + link);
                n++;
            }
        }
        return n;
    }

    @Test
    void the_sum_over_words_is_the_whole_count_on_every_sample_post() throws Exception {
        int n = 0;
        try (Stream<Path> samples = Files.list(Repo.root().resolve("samples"))) {
            for (Path p : samples.toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                for (int start = 0; start < text.length(); start += 700) {
                    String chunk = text.substring(start, Math.min(text.length(), start + 700));
                    n += everyCut(chunk, "https://www.brightwater.example/posts/heat-pumps?utm_source=x#q-3");
                    same(chunk);
                }
            }
        }
        assertTrue(n > 500, "measured " + n + " cuts");
    }

    @Test
    void the_sum_over_words_is_the_whole_count_on_the_corpus_post() {
        String text = Corpus.text(Corpus.WEBINAR);
        int n = 0;
        for (int start = 0; start < text.length(); start += 600) {
            n += everyCut(text.substring(start, Math.min(text.length(), start + 600)), "http://localhost:8080/posts/%E6%97%A5%E6%9C%AC#q-1");
        }
        assertTrue(n > 100, "measured " + n + " cuts");
    }

    private static final List<String> PIECES = List.of(
            "word", "Q&A:", "answer.", "(see", "example.com", "example.com…", "www.example.org/path?q=1", "https://t.co/abc",
            "http://localhost:8080/posts/x?utm=1#q", "https://例え.jp/パス", "https://www.example.com/%E6%97%A5%E6%9C%AC",
            "@herald", ".@herald", "#HeatPumps", "$HERALD", "foo@example.com", "日本語の文章です。", "中文问答", "한국어",
            "👍", "👍🏽", "👨‍👩‍👧‍👦", "🇯🇵", "1️⃣", "☺️", "e\u0301", "\u0301", "Å", "ﬁ", "\uFEFF", "\u202Eabc", "\u200Bzw",
            "a.b", "v1.2.3", "…", "—", "\"quoted\"", "it's", "x/y", "https://", "http://a", "ftp://example.com");
    private static final List<String> SPACES = List.of(" ", " ", " ", "\n", "\n\n", "\t", "\u00A0", "\u3000", "\u2028", "\u0001",
            "\u001F", "\u0085", "\r\n", "\u2009", "\u202F");

    @Test
    void the_sum_over_words_is_the_whole_count_on_texts_made_to_break_it() {
        Random random = new Random(Long.getLong("fuzz.seed", 29));
        for (int i = 0; i < Integer.getInteger("fuzz.n", 4000); i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(4) == 0) {
                b.append(SPACES.get(random.nextInt(SPACES.size())));
            }
            int words = 1 + random.nextInt(30);
            for (int w = 0; w < words; w++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
                if (random.nextInt(5) == 0) {
                    b.append(PIECES.get(random.nextInt(PIECES.size()))); // glued: one word of two pieces
                }
                if (w < words - 1 || random.nextInt(4) == 0) {
                    b.append(SPACES.get(random.nextInt(SPACES.size())));
                }
            }
            same(b.toString());
        }
    }

    @Test
    void a_word_too_long_to_remember_is_still_counted_exactly() {
        List<String> texts = new ArrayList<>();
        texts.add("a".repeat(WordLengths.LONGEST_REMEMBERED + 1) + " https://www.example.com/" + "b".repeat(300));
        texts.add("https://www.example.com/" + "%E6%97%A5".repeat(100) + " end");
        texts.forEach(WordLengthsTest::same);
    }
}
