package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.transform.text.TextRepair;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typo repairs that are unambiguous, and the look-alikes they must leave alone. */
class TextRepairTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "The U.S.is barely getting started.|The U.S. is barely getting started.",
        "part of China'sBeautiful plan|part of China's Beautiful plan",
        "a real powerhouse.They rush|a real powerhouse. They rush",
        "Really?Yes, really.|Really? Yes, really.",
        "tools, e.g.the saw|tools, e.g. the saw",
        "apples,pears and plums|apples, pears and plums",
    })
    void repairs_a_missing_space(String typo, String fixed) {
        assertEquals(fixed, TextRepair.repair(typo));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "See www.Clingendael.org/Publication for more.",
        "Visit https://example.org/Path.Html?A=1 today.",
        "Mail Jane.Doe@Example.com about it.",
        "It costs 3.50 euros, or 3,50 in Dutch notation.",
        "Prices rose 2.5% in Q1.",
        "The U.S. and the E.U. agree.",
        "Ask Dr. Smith or Mr. Jones.",
        "Brands like YouTube, iPhone and ByteDance keep their capitals.",
        "Time: 10:30, ratio 3:1.",
        "John's book and the students' essays.",
    })
    void leaves_abbreviations_decimals_urls_and_addresses_alone(String text) {
        assertEquals(text, TextRepair.repair(text));
    }

    @Test
    void closes_a_quote_left_open_before_the_clause_ends() {
        assertEquals("(the infamous ‘crossing the river by feeling the stones’) rather than",
                TextRepair.repair("(the infamous ‘crossing the river by feeling the stones) rather than"));
    }

    @Test
    void reopens_a_quote_whose_opening_was_lost_before_a_name() {
        assertEquals("part of China's ‘Beautiful China 2050’ energy plan",
                TextRepair.repair("part of China'sBeautiful China 2050’ energy plan"));
    }

    @Test
    void leaves_a_stray_quote_alone_when_its_start_cannot_be_known() {
        assertEquals("not seeking world domination’ as an end goal",
                TextRepair.repair("not seeking world domination’ as an end goal"));
    }

    @Test
    void balanced_quotes_and_apostrophes_are_untouched() {
        String text = "A ‘one-size fits all’ strategy; China’s plan; “quoted” words; citizens’ lives.";
        assertEquals(text, TextRepair.repair(text));
    }

    @Test
    void normalizes_to_nfc_and_collapses_white_space_but_keeps_paragraphs_and_list_lines() {
        String decomposed = "Cafe\u0301  menu\t\u00a0today\r\n\r\n\r\n- one\n-  two ";
        assertEquals("Caf\u00e9 menu today\n\n- one\n- two", TextRepair.repair(decomposed));
    }

    @Test
    void removes_characters_xml_cannot_carry_and_lone_surrogates_but_keeps_emoji() {
        String text = "bell\u0007 and\u0000 nul, lone \uD800 surrogate, emoji \uD83D\uDE00, zero\u200Bwidth";
        assertEquals("bell and nul, lone surrogate, emoji \uD83D\uDE00, zerowidth", TextRepair.repair(text));
    }

    /** White space as three expressions and two replacements made it, before it became one pass: what that pass must agree with. */
    private static String whitespaceByExpressions(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        t = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F\\u3000]+").matcher(t).replaceAll(" ");
        t = Pattern.compile(" *\n *").matcher(t).replaceAll("\n");
        t = Pattern.compile("\n{3,}").matcher(t).replaceAll("\n\n");
        return t.strip();
    }

    @Test
    void white_space_in_one_pass_is_what_the_expressions_made_of_any_text() {
        // Texts made of the characters the rule treats apart (every kind of space, both line breaks) and a few letters.
        char[] alphabet = {' ', ' ', '\t', '\u000B', '\f', '\u00A0', '\u2007', '\u202F', '\u3000', '\n', '\n', '\r', 'a', 'b', '.', '\u2028', '\u0085'};
        long seed = Long.getLong("fuzz.seed", 29L);
        Random random = new Random(seed);
        for (int n = 0; n < Integer.getInteger("fuzz.n", 20_000); n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = text.toString();
            assertEquals(whitespaceByExpressions(t), TextRepair.whitespace(t), () -> "seed " + seed + ", text " + t.chars()
                    .mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }
}
