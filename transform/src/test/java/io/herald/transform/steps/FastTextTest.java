package io.herald.transform.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.transform.text.TextRepair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners that replaced regular expressions on the enrichment's hot path (found by
 * profiling) must say exactly what the expressions said: each is checked against its former
 * definition, written here as the oracle, on text made to hit their edges.
 */
class FastTextTest {

    private static final String ALPHABET = "abcXYZ éÉ数字 19 2'’-s.,;:!?\n\t\u00A0()\"/ théâtre CEO’s U.S.is e.g.the";

    private static List<String> texts() {
        Random random = new Random(20261129);
        List<String> texts = new ArrayList<>(List.of("", " ", "'s", "-'-", "the energy-transition’s cost, in 2025; “heat” pumps!",
                "Rock’n’roll -- 12 345 x2 ’quoted’ 'tis", "a\u0301b c\u0301d", "𝒜𝒷𝒸 emoji 😀 end"));
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(s.toString());
        }
        return texts;
    }

    /** Tags' word splitting as it was written with regular expressions. */
    private static List<String> candidatesByRegex(String text) {
        List<String> out = new ArrayList<>();
        for (String chunk : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’\\- ]+")) {
            List<String> phrase = new ArrayList<>();
            for (String raw : chunk.split("\\s+")) {
                String w = raw.replaceAll("^['’-]+|['’-]+$", "").replaceAll("['’]s$", "");
                if (w.isEmpty() || Tags.STOP.contains(w) || w.length() < 2 || w.chars().allMatch(Character::isDigit)) {
                    flush(phrase, out);
                } else {
                    phrase.add(w);
                }
            }
            flush(phrase, out);
        }
        return out;
    }

    private static void flush(List<String> phrase, List<String> out) {
        if (!phrase.isEmpty() && phrase.size() <= 3) {
            out.add(String.join(" ", phrase));
        }
        phrase.clear();
    }

    @Test
    void tag_candidates_are_the_phrases_the_regular_expression_definition_gives() {
        for (String text : texts()) {
            assertEquals(candidatesByRegex(text), Tags.candidates(text), () -> "for " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void word_counts_are_those_of_splitting_on_white_space() {
        for (String text : texts()) {
            int byRegex = 0;
            for (String token : text.strip().split("\\s+")) {
                if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    byRegex++;
                }
            }
            assertEquals(byRegex, ReadingTime.count(text), () -> "for " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void a_line_the_quick_check_lets_through_unchanged_is_one_the_space_repairs_leave_alone() {
        for (String text : texts()) {
            for (String line : text.split("\n")) {
                // spaces() skips its expressions when the check says no repair can apply: running them
                // anyway must give the same line.
                String full = TextRepair.spacesWithoutShortcut(line);
                assertEquals(full, TextRepair.spaces(line), () -> "for " + line);
            }
        }
    }
}
