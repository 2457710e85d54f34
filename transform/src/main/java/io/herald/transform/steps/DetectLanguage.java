package io.herald.transform.steps;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.google.common.base.Optional;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The post's language as an ISO 639-1 code; {@code und} when the text is too short or too mixed to tell.
 *
 * <p>Read from the post's prose alone: code (lines made mostly of symbols, identifiers with dots,
 * slashes or underscores, {@code `spans`}), URLs and e-mail addresses say nothing of the language the
 * post is written in, and in technical FAQs they outweigh the words. Where the prose's script decides,
 * the script answers: Japanese by its kana, Korean by its Hangul, Chinese by Han without kana (each
 * counted against the Latin words beside it, since one Han character reads about as much as a word).
 * Other scripts (Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari...) choose among their own languages
 * by the n-gram detector (optimaize) over the words in that script only; Latin text by the detector over
 * the prose.
 */
public final class DetectLanguage implements Step {

    private static final class Holder {
        // Loading the 70 built-in profiles takes a moment: once per JVM, on first use.
        static final LanguageDetector DETECTOR;
        static final TextObjectFactory LARGE = CommonTextObjectFactories.forDetectingOnLargeText();
        static final TextObjectFactory SHORT = CommonTextObjectFactories.forDetectingShortCleanText();

        static {
            try {
                DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("the language profiles are missing from the classpath", e);
            }
        }
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public void apply(Draft d) {
        d.language = detect(d.fullText());
    }

    /** Characters of a long post the detector reads: beyond a few paragraphs more text changes nothing but the cost. */
    static final int SAMPLE = 1500;

    /**
     * A bounded sample of a long text, from its start, middle and end (each cut at a space), so a post
     * whose language changes part way is still read in each part.
     */
    static String sample(String text) {
        return sample(text, SAMPLE);
    }

    private static String sample(String text, int size) {
        if (text.length() <= size) {
            return text;
        }
        int part = size / 3;
        int middle = text.length() / 2 - part / 2;
        return cut(text, 0, part) + "\n" + cut(text, middle, middle + part) + "\n" + cut(text, text.length() - part, text.length());
    }

    private static String cut(String text, int from, int to) {
        int start = from == 0 ? 0 : Math.max(from, text.indexOf(' ', from) + 1);
        int end = to == text.length() ? to : Math.max(start, text.lastIndexOf(' ', to));
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return text.substring(start, Math.max(start, end));
    }

    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return "und";
        }
        String prose = prose(text.length() > 20 * SAMPLE ? sample(text, 20 * SAMPLE) : text);
        Scripts scripts = Scripts.count(prose);
        String byScript = scripts.decide();
        if (byScript != null) {
            return byScript;
        }
        Character.UnicodeScript other = scripts.dominantOther();
        if (other != null) {
            return ngrams(scripts.wordsIn(prose, other));
        }
        return ngrams(prose.isBlank() ? text : prose);
    }

    private static String ngrams(String text) {
        if (text.isBlank()) {
            return "und";
        }
        String sample = sample(text);
        var textObject = (sample.length() < 500 ? Holder.SHORT : Holder.LARGE).forText(sample);
        Optional<LdLocale> locale = Holder.DETECTOR.detect(textObject);
        if (locale.isPresent()) {
            return locale.get().getLanguage();
        }
        // Short texts rarely reach the detector's default certainty; a clear favourite still counts.
        var best = Holder.DETECTOR.getProbabilities(textObject);
        return !best.isEmpty() && best.get(0).getProbability() >= 0.6 ? best.get(0).getLocale().getLanguage() : "und";
    }

    static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S{0,2000}+|[^\\s@]{1,64}+@[\\w-]{1,63}+(?:\\.[\\w-]{1,63}+){1,8}+");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]{0,500}`");
    /** An identifier or path: letters joined by dots, slashes, underscores, colons, or written in camelCase. */
    static final Pattern IDENTIFIER = Pattern.compile(
            "[\\p{L}\\p{N}]{0,100}+(?:[._/\\\\:#@$<>=]{1,3}+[\\p{L}\\p{N}]{1,100}+){1,50}+[()]{0,2}+|\\b\\p{Ll}{1,50}+\\p{Lu}[\\p{L}\\p{N}]{0,100}+");

    /** The text without what is not prose: code lines, code spans, identifiers and paths, URLs, addresses. */
    public static String prose(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            // Each expression runs only on a line that has the characters it needs to match (most prose lines have none).
            String l = mayHoldAddress(line) ? URL.matcher(line).replaceAll(" ") : line;
            l = l.indexOf('`') >= 0 ? CODE_SPAN.matcher(l).replaceAll(" ") : l;
            l = l.indexOf('<') >= 0 ? TAG.matcher(l).replaceAll(" ") : l;
            int letters = 0;
            int visible = 0;
            for (int i = 0; i < l.length(); ) {
                int c = l.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetter(c)) {
                    letters++;
                }
                if (!Character.isWhitespace(c)) {
                    visible++;
                }
            }
            if (visible == 0 || (long) letters * 10 < (long) visible * 6 || codeMarkers(l) >= 2 && !SENTENCES.matcher(l).find()) {
                continue; // a line of code, a command, a table rule
            }
            out.append(mayHoldIdentifier(l) ? IDENTIFIER.matcher(l).replaceAll(" ") : l).append('\n');
        }
        return out.toString();
    }

    /** Whether {@link #URL} can match in a line: it needs "://", "www." (in any case) or "@". */
    static boolean mayHoldAddress(String line) {
        if (line.indexOf('@') >= 0 || line.contains("://")) {
            return true;
        }
        for (int i = line.indexOf('.', 3); i >= 0; i = line.indexOf('.', i + 1)) {
            if (isW(line.charAt(i - 1)) && isW(line.charAt(i - 2)) && isW(line.charAt(i - 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /**
     * Whether {@link #IDENTIFIER} can match in a line: it needs one of its joining marks right before a
     * letter or digit, or a lower-case letter right before a capital.
     */
    static boolean mayHoldIdentifier(String line) {
        int previous = -1;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            i += Character.charCount(c);
            if (previous >= 0) {
                boolean joined = previous < 128 && "._/\\:#@$<>=".indexOf(previous) >= 0 && isLetterOrNumber(c);
                boolean camel = Character.isLetter(previous) && Character.getType(c) == Character.UPPERCASE_LETTER;
                if (joined || camel) {
                    return true;
                }
            }
            previous = c;
        }
        return false;
    }

    private static boolean isLetterOrNumber(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>\\n]{0,300}>");
    /** Two sentences in a line: prose, even with a flag or a brace in it. */
    private static final Pattern SENTENCES = Pattern.compile(
            "[\\p{L}][.!?。！？]\\s*[^.!?。！？]{2,500}[\\p{L}][.!?。！？]");
    static final Pattern CODE_MARKER = Pattern.compile(
            "(?:^|\\s)--?[a-z][\\w-]*|[{};]|\\w=|\\$\\w|\\./|\\w\\(|&&|\\|\\||::|=>|</?[a-z][\\w-]*|^\\s*(?:\\$|>|#!)\\s");

    /** How many marks of code a line carries (flags, braces, assignments, calls, paths, tags): two make it code. */
    private static int codeMarkers(String line) {
        if (!mayHoldCodeMarker(line)) {
            return 0;
        }
        var m = CODE_MARKER.matcher(line);
        int n = 0;
        while (n < 2 && m.find()) {
            n++;
        }
        return n;
    }

    /** Whether {@link #CODE_MARKER} can match in a line: each of its marks has one of these characters. */
    static boolean mayHoldCodeMarker(String line) {
        boolean lineStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char before = i > 0 ? line.charAt(i - 1) : '\n';
            char after = i + 1 < line.length() ? line.charAt(i + 1) : '\n';
            boolean marks = switch (c) {
                case '{', '}', ';', '$', '<', '=' -> true;
                case '-' -> Character.isWhitespace(before);
                case '/' -> before == '.';
                case '(' -> before == '_' || Character.isLetterOrDigit(before);
                case '&', '|', ':' -> after == c;
                case '>', '#' -> lineStart;
                default -> false;
            };
            if (marks) {
                return true;
            }
            lineStart &= Character.isWhitespace(c);
        }
        return false;
    }

    /** Letters of the prose by script. */
    record Scripts(Map<Character.UnicodeScript, Integer> letters, int latinWords) {

        static Scripts count(String prose) {
            Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
            int words = 0;
            boolean inLatin = false;
            int latinLetters = 0;
            for (int i = 0; i < prose.length(); ) {
                int c = prose.codePointAt(i);
                i += Character.charCount(c);
                if (!Character.isLetter(c)) {
                    inLatin = false;
                    continue;
                }
                // (an ASCII letter is Latin: no look-up for the letters most texts are made of)
                Character.UnicodeScript script = c < 128 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(c);
                boolean latin = script == Character.UnicodeScript.LATIN;
                if (latin) {
                    latinLetters++;
                } else {
                    letters.merge(script, 1, Integer::sum);
                }
                if (latin && !inLatin) {
                    words++;
                }
                inLatin = latin;
            }
            if (latinLetters > 0) {
                letters.put(Character.UnicodeScript.LATIN, latinLetters);
            }
            return new Scripts(letters, words);
        }

        int of(Character.UnicodeScript s) {
            return letters.getOrDefault(s, 0);
        }

        /** ja, ko or zh where the CJK scripts outweigh the Latin words beside them; else null. */
        String decide() {
            int han = of(Character.UnicodeScript.HAN);
            int kana = of(Character.UnicodeScript.HIRAGANA) + of(Character.UnicodeScript.KATAKANA);
            int hangul = of(Character.UnicodeScript.HANGUL);
            int cjk = han + kana + hangul;
            if (cjk < 10 || cjk < latinWords) {
                return null;
            }
            if (hangul * 2 >= cjk) {
                return "ko";
            }
            if (kana * 10 >= cjk) {
                return "ja";
            }
            return han >= hangul && han >= kana ? "zh" : null;
        }

        /** A script other than Latin and the CJK ones whose letters outnumber the Latin letters; else null. */
        Character.UnicodeScript dominantOther() {
            Character.UnicodeScript best = null;
            int bestCount = 0;
            for (var e : letters.entrySet()) {
                Character.UnicodeScript s = e.getKey();
                if (s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                        || s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED) {
                    continue;
                }
                if (e.getValue() > bestCount) {
                    best = s;
                    bestCount = e.getValue();
                }
            }
            return best != null && bestCount >= 10 && bestCount >= of(Character.UnicodeScript.LATIN) ? best : null;
        }

        /** The words of the prose written in one script, in order. */
        String wordsIn(String prose, Character.UnicodeScript script) {
            StringBuilder out = new StringBuilder();
            StringBuilder word = new StringBuilder();
            for (int i = 0; i <= prose.length(); ) {
                int c = i < prose.length() ? prose.codePointAt(i) : ' ';
                i += i < prose.length() ? Character.charCount(c) : 1;
                if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                    word.appendCodePoint(c);
                } else if (!word.isEmpty()) {
                    int first = word.codePointAt(0);
                    if (Character.UnicodeScript.of(first) == script) {
                        out.append(word).append(' ');
                    }
                    word.setLength(0);
                }
            }
            return out.toString();
        }
    }
}
