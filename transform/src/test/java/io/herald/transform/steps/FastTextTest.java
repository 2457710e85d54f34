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
        List<String> all = new ArrayList<>(texts());
        all.addAll(textsWithNames());
        for (String text : all) {
            for (String line : text.split("\n")) {
                // spaces() skips its expressions when the check says no repair can apply: running them
                // anyway must give the same line.
                String full = TextRepair.spacesWithoutShortcut(line);
                assertEquals(full, TextRepair.spaces(line), () -> "for " + line);
            }
        }
    }

    /** Lines rich in what the language detector's expressions look for: addresses, code, identifiers, camelCase. */
    private static List<String> codeLikeLines() {
        String alphabet = "aZé数 wW.@:/_\\\\#$<>=-{};&|()`!?\t 9Ⅻ²ǅ𝒜";
        Random random = new Random(Long.getLong("fuzz.seed", 20261204L));
        List<String> lines = new ArrayList<>(List.of("see www.example.org", "WwW.x", "mail a@b.co", "http://x", "getFoo()", "a.b", "x=1",
                "--flag", "$ ls", "> quote", "#!/bin/sh", "a::b", "fooBar", "Ⅻ.Ⅻ", "aǅ", "a.²"));
        texts().forEach(t -> lines.addAll(List.of(t.split("\n", -1))));
        for (int n = 0; n < Integer.getInteger("fuzz.n", 20_000); n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            lines.add(s.toString());
        }
        return lines;
    }

    @Test
    void a_line_the_language_detector_passes_over_is_one_its_expressions_find_nothing_in() {
        for (String line : codeLikeLines()) {
            if (!DetectLanguage.mayHoldAddress(line)) {
                assertEquals(false, DetectLanguage.URL.matcher(line).find(), () -> "an address in " + line);
            }
            if (!DetectLanguage.mayHoldIdentifier(line)) {
                assertEquals(false, DetectLanguage.IDENTIFIER.matcher(line).find(), () -> "an identifier in " + line);
            }
            if (!DetectLanguage.mayHoldCodeMarker(line)) {
                assertEquals(false, DetectLanguage.CODE_MARKER.matcher(line).find(), () -> "a mark of code in " + line);
            }
        }
    }

    /** Text with names in it: capitals at word starts and inside words, roles, years, ordinals, "@", marks and surrogates. */
    private static List<String> textsWithNames() {
        String[] pieces = {"s", "S", "’", "'", "e.g.the", "U.S.is", "a,b", "x;y", "Why?Yes", "Made", "in", "China", "2025", "the", "Green", "Plan", "Ministry", "of", "Energy", "University", "Bank", "Inc.",
            "Dr.", "Jane", "van", "Doe", "CEO", "@", "host", "Ana", "1st", "21st", "Road", "Act", "x", "é", "É", "_", "a\u0301",
            "Ärzte", "𝐀𝐁", "-", "’", ",", ".", "\n", "  ", "\t", "Professor", "minister", "Ōsaka", "Şirket", "Group"};
        Random random = new Random(Long.getLong("fuzz.seed", 20261204L));
        List<String> out = new ArrayList<>(texts());
        for (int n = 0; n < Integer.getInteger("fuzz.n", 20_000); n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                s.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    s.append(' ');
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    private static List<String> everyFind(java.util.regex.Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        var m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.start() + "-" + m.end() + ":" + m.group(1));
        }
        return out;
    }

    @Test
    void names_looked_for_only_where_they_can_start_are_every_name_the_expressions_find() {
        for (String text : textsWithNames()) {
            Entities.NameStarts starts = Entities.NameStarts.of(text);
            for (var e : java.util.Map.of(Entities.PROGRAM, starts.programs(), Entities.ORGANIZATION, starts.capitals(),
                    Entities.ORGANIZATION_OF, starts.capitals(), Entities.PERSON, starts.persons(),
                    Entities.CAPITALIZED_WORD, starts.capitals()).entrySet()) {
                List<String> fast = Entities.matches(e.getKey(), e.getValue(), text).stream()
                        .map(m -> m.start() + "-" + m.end() + ":" + m.group(1)).toList();
                assertEquals(everyFind(e.getKey(), text), fast, () -> e.getKey() + " in " + text);
            }
        }
    }

    @Test
    void no_character_before_the_first_hangul_block_is_han_kana_or_hangul() {
        for (int cp = 0; cp < ReadingTime.FIRST_CJK; cp++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            int c = cp;
            assertEquals(false, script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL, () -> "U+" + Integer.toHexString(c));
        }
        assertEquals(true, ReadingTime.isCjk(ReadingTime.FIRST_CJK));
    }
}
