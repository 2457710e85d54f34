package io.herald.transform.steps;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.herald.support.BoundedCache;

/**
 * The topics of a post: noun phrases a reader would follow, as tags. The text is cut into words by
 * ICU (so Chinese, Japanese and Thai, written without spaces, are words too); a phrase is up to three
 * content words between punctuation and words that are never topics ({@link TagLanguage}: function
 * words, numbers, units, currencies, months, language codes), Korean particles taken off and a word
 * with a verb or adjective ending ending the phrase; an English phrase with a verb in it is a piece of
 * a sentence, not a topic. A phrase counts when it recurs, across the post's pairs; a single word only
 * when it is a name (written with a capital everywhere, or an acronym) or, in a script without
 * capitals, recurs often. Phrases with the same stems ("3D printers", "3D printer") are one topic, as
 * are phrases one of which contains the other or that differ in the ending of their last word ("3D
 * printers", "3D printing"). Ranked RAKE-style (a word scores by the length of the phrases it is in),
 * higher when the title has it.
 */
final class Topics {

    private static final Set<String> VERBS = verbs();
    /** Korean particles after a noun, longest first. */
    private static final String[] PARTICLES = {"에서는", "으로는", "에게서", "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다",
            "이나", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나"};
    /** Korean verb and adjective endings: a word ending so is not a noun. */
    private static final String[] KOREAN_VERB_ENDINGS = {"니다", "나요", "세요", "어요", "아요", "해요", "까요", "는지", "인지", "다", "요", "까",
            "고", "며", "면", "서", "게", "지", "은데", "는데", "하는", "되는", "있는", "없는", "한", "할", "된", "될", "하여", "해서", "하"};

    private record Token(String surface, String lower, String stem, boolean capital, boolean acronym, boolean afterCapital,
                         boolean lowerInitial, boolean verb) {
    }

    /** What a written word is as a topic word, the same wherever the post writes it; null for a word that ends a phrase. */
    private record Word(String surface, String lower, String stem, boolean upperInitial, boolean acronym, boolean lowerInitial,
                        boolean verb) {
    }

    /** The script facts of a word that {@link #oneScript} asks: whether its first letter is Latin, whether it mixes scripts. */
    private record Script(boolean latin, boolean mixed) {
    }

    /**
     * The words of one post, each worked out once (its lower case, stem, what it is) however often the
     * post writes it; a post has far fewer distinct words than words. Bounded by the post's length.
     */
    private static final class Words {
        private static final Word ENDS_PHRASE = new Word(null, null, null, false, false, false, false);
        /** Per language, the words of recent posts (they recur from post to post): about 8 MB of them at most. */
        private static final Map<String, BoundedCache<String, Word>> KNOWN = new ConcurrentHashMap<>();
        private static final BoundedCache<String, Script> SCRIPTS = new BoundedCache<>(1L << 20, (w, s) -> 2L * w.length() + 64);
        final TagLanguage lang;
        final Locale locale;
        private final Map<String, Word> words = new HashMap<>();
        private final Map<String, Script> scripts = new HashMap<>();
        private final BoundedCache<String, Word> known;

        Words(TagLanguage lang) {
            this.lang = lang;
            this.locale = Locale.forLanguageTag(lang.language);
            this.known = KNOWN.computeIfAbsent(lang.language, l -> new BoundedCache<>(8L << 20,
                    (s, w) -> 2L * (s.length() + (w.lower() == null ? 0 : w.lower().length() + w.stem().length())) + 160));
        }

        Word of(String surface) {
            Word w = words.get(surface);
            if (w == null) {
                w = known.computeIfAbsent(surface, s -> {
                    Word made = word(s, lang, locale);
                    return made == null ? ENDS_PHRASE : made;
                });
                words.put(surface, w);
            }
            return w == ENDS_PHRASE ? null : w;
        }

        Script script(String surface) {
            Script sc = scripts.get(surface);
            if (sc == null) {
                sc = SCRIPTS.computeIfAbsent(surface, s -> {
                    int letter = s.codePoints().filter(Character::isLetter).findFirst().orElse('a');
                    return new Script(Character.UnicodeScript.of(letter) == Character.UnicodeScript.LATIN, mixed(s));
                });
                scripts.put(surface, sc);
            }
            return sc;
        }
    }

    private static final class Found {
        final String key;
        final int words;
        final Map<String, Integer> surfaces = new HashMap<>();
        final Set<Integer> texts = new HashSet<>();
        int count;
        int capitalized;
        int lowercase;
        int partOfName;
        boolean acronym;
        boolean inTitle;

        Found(String key, int words) {
            this.key = key;
            this.words = words;
        }
    }

    private Topics() {
    }

    /** The stems of a phrase's words, joined: how two spellings of one topic compare. */
    static String stemKey(String phrase, TagLanguage lang) {
        StringBuilder key = new StringBuilder();
        for (String w : phrase.toLowerCase(Locale.ROOT).split("[\\s\\-]+")) {
            if (!w.isEmpty()) {
                key.append(key.length() == 0 ? "" : " ").append(lang.stem(w));
            }
        }
        return key.toString();
    }

    static List<String> find(List<String> texts, TagLanguage lang, Set<String> exclude) {
        Map<String, Found> found = new LinkedHashMap<>();
        Map<String, Integer> wordFreq = new HashMap<>();
        Map<String, Integer> wordDegree = new HashMap<>();
        int withText = 0;
        Words words = new Words(lang);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            withText++;
            for (List<Token> whole : phrases(text, words)) {
                for (Token t : whole) {
                    wordFreq.merge(t.stem(), 1, Integer::sum);
                    wordDegree.merge(t.stem(), whole.size(), Integer::sum);
                }
                // The phrase, and each of its words on its own: a name or a noun counts wherever it is written,
                // also inside a longer run of words ("ein Balkonkraftwerk selbst anschließen").
                List<List<Token>> counted = new ArrayList<>();
                counted.add(whole);
                if (whole.size() > 1) {
                    whole.forEach(t -> counted.add(List.of(t)));
                }
                for (List<Token> phrase : counted) {
                String key = phrase.size() == 1 ? phrase.get(0).stem() : String.join(" ", phrase.stream().map(Token::stem).toList());
                Found f = found.computeIfAbsent(key, k -> new Found(k, phrase.size()));
                f.count++;
                f.texts.add(i);
                f.inTitle |= i == 0;
                f.surfaces.merge(display(phrase), 1, Integer::sum);
                if (phrase.stream().allMatch(Token::capital)) {
                    f.capitalized++;
                }
                f.acronym |= phrase.size() == 1 && phrase.get(0).acronym();
                if (phrase.get(0).afterCapital() || phrase.size() == 1 && whole.size() > 1 && whole.stream().allMatch(Token::capital)) {
                    // a word of a longer name ("Organization" of "Organization Validation")
                    f.partOfName++;
                }
                if (phrase.stream().anyMatch(Token::lowerInitial)) {
                    f.lowercase++;
                }
                }
            }
        }
        boolean fewTexts = withText <= 3;
        Map<Found, Double> score = new HashMap<>();
        for (Found f : found.values()) {
            if (!eligible(f, fewTexts, lang.language.equals("de")) || exclude.contains(f.key)) {
                continue;
            }
            double s = 0;
            for (String w : f.key.split(" ")) {
                s += (double) wordDegree.get(w) / wordFreq.get(w);
            }
            s *= Math.log(1 + f.count) * Math.log(1 + f.texts.size()) * (f.inTitle ? 1.5 : 1.0);
            score.put(f, s);
        }
        List<Found> ranked = new ArrayList<>(score.keySet());
        ranked.sort((a, b) -> {
            int c = Double.compare(score.get(b), score.get(a));
            return c != 0 ? c : a.key.compareTo(b.key);
        });
        List<Found> chosen = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Found f : ranked) {
            if (chosen.stream().anyMatch(c -> sameTopic(c.key, f.key)) || exclude.stream().anyMatch(e -> sameTopic(e, f.key))) {
                continue;
            }
            chosen.add(f);
            out.add(shown(f));
        }
        return out;
    }

    /** Acronyms every software FAQ has: on their own they say nothing of what a post is about. */
    private static final Set<String> GENERIC = Set.of("api", "apis", "ide", "faq", "ui", "os", "id", "url", "urls", "plan", "plans", "web");

    /** Languages whose own script has no capitals: a Latin word in them is capitalized because it is a name. */
    private static final Set<String> CASELESS = Set.of("ja", "zh", "ko", "th", "ar", "he", "fa", "hi", "bn", "ta", "te", "ne", "ur", "am");

    private static boolean eligible(Found f, boolean fewTexts, boolean german) {
        if (f.count < 2 || f.texts.size() < 2 && !fewTexts || f.words == 1 && GENERIC.contains(f.key)) {
            return false;
        }
        String surface = f.surfaces.keySet().iterator().next();
        boolean cjk = unspaced(surface.codePointAt(0)) || Character.UnicodeScript.of(surface.codePointAt(0)) == Character.UnicodeScript.HANGUL;
        if (f.partOfName * 2 >= f.count) {
            // "Encrypt" of "Let's Encrypt": a piece of a longer name
            return false;
        }
        if (f.words > 1) {
            // Arabic, Hebrew, Korean: no capitals, and (Korean) verb forms that look like nouns: a phrase must recur more.
            boolean unspacedScript = unspaced(surface.codePointAt(0));
            return hasCase(surface) || unspacedScript || f.count >= 3 && f.texts.size() >= 3;
        }
        if (!hasCase(surface)) {
            // Chinese, Japanese, Korean, Arabic, Hebrew...: no capitals to tell a name from a word, so a single word
            // must be what the title names, or what the post keeps coming back to across its pairs.
            // A Chinese or kanji word may as well be a verb or an adverb ("出现", "考虑"): only the title's. Katakana
            // words (loanwords) and Korean words a particle followed are nouns: they may also recur their way in.
            boolean han = surface.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            return surface.codePointCount(0, surface.length()) >= 2 && !surface.endsWith("的")
                    && (f.inTitle && f.count >= 3 || !han && f.count >= 5 && f.texts.size() >= 3);
        }
        if (f.lowercase > 0) {
            // A common noun on its own is a topic only where the title names it and the post keeps coming back
            // to it ("compost" in "Questions sur le compost"); "start", "list", "order" are not.
            return f.inTitle && f.count >= 3 && f.texts.size() >= 3 && surface.codePointCount(0, surface.length()) >= 4
                    && !TagLanguage.ADJECTIVES.contains(f.key) && !TagLanguage.ADJECTIVES.contains(surface.toLowerCase(Locale.ROOT));
        }
        if (f.partOfName * 2 >= f.count) {
            // "Encrypt" of "Let's Encrypt": a piece of a longer name
            return false;
        }
        if (german) {
            // German writes every noun with a capital: a single one is a topic as a common noun is (the title names it).
            return f.acronym || f.inTitle && f.count >= 3 && f.texts.size() >= 2;
        }
        // One word of a cased script: a name ("Vue", "Homebrew") or an acronym ("HTTPS"), never a common word
        // nor a two-letter abbreviation ("EV": of what?).
        // A name is never written in lower case, and at least once with its capital mid-sentence (not only
        // because a sentence starts with it).
        return f.acronym || f.lowercase == 0 && f.capitalized >= 1 && surface.codePointCount(0, surface.length()) >= 3;
    }

    /** One topic: the same stems, one inside the other, or the same but for the ending of the last word. */
    static boolean sameTopic(String a, String b) {
        if (a.equals(b) || (" " + a + " ").contains(" " + b + " ") || (" " + b + " ").contains(" " + a + " ")) {
            return true;
        }
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length - 1; i++) {
            if (!x[i].equals(y[i])) {
                return false;
            }
        }
        String p = x[x.length - 1];
        String q = y[y.length - 1];
        String shorter = p.length() <= q.length() ? p : q;
        String longer = shorter == p ? q : p;
        return shorter.length() >= 4 && longer.startsWith(shorter);
    }

    /** As the post writes it most: a name or acronym keeps its capitals; a common phrase is in lower case. */
    private static String shown(Found f) {
        String best = f.surfaces.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        if (f.acronym || f.lowercase == 0) {
            return best;
        }
        // Acronyms inside a common phrase keep their capitals ("DNS records").
        StringBuilder out = new StringBuilder();
        for (String w : best.split(" ", -1)) {
            out.append(out.length() == 0 ? "" : " ").append(isAcronym(w) ? w : w.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String display(List<Token> phrase) {
        StringBuilder out = new StringBuilder();
        for (Token t : phrase) {
            if (out.length() > 0 && !(unspaced(out.codePointBefore(out.length())) && unspaced(t.surface().codePointAt(0)))) {
                out.append(' ');
            }
            out.append(t.surface());
        }
        return out.toString();
    }

    /** The phrases of a text: runs of one to three content words. */
    private static List<List<Token>> phrases(String text, Words dictionary) {
        TagLanguage lang = dictionary.lang;
        List<List<Token>> out = new ArrayList<>();
        List<Token> phrase = new ArrayList<>();
        Locale locale = dictionary.locale;
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLocale(locale));
        words.setText(text);
        boolean caseless = CASELESS.contains(lang.language);
        boolean sentenceStart = !caseless;
        boolean previousCapital = false;
        String hyphenated = null;
        String pendingNumber = null;
        boolean afterApostrophe = false;
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String segment = text.substring(start, end);
            if (words.getRuleStatus() == BreakIterator.WORD_NONE) {
                if (segment.equals("'") || segment.equals("’")) {
                    // "Let's" cut at its apostrophe: the word goes on
                    afterApostrophe = true;
                    continue;
                }
                if (segment.equals("-") && !phrase.isEmpty()) {
                    // e-mail, follow-up: one word with its hyphen
                    hyphenated = phrase.remove(phrase.size() - 1).surface() + "-";
                    continue;
                }
                if (!segment.isBlank() || segment.indexOf('\n') >= 0) {
                    previousCapital = false;
                    flush(phrase, out, dictionary);
                    hyphenated = null;
                    sentenceStart |= !caseless && segment.chars().anyMatch(c -> ".!?:\n".indexOf(c) >= 0);
                }
                continue;
            }
            if (words.getRuleStatus() >= BreakIterator.WORD_NUMBER && words.getRuleStatus() < BreakIterator.WORD_NUMBER_LIMIT
                    && end < text.length() && Character.isLetter(text.codePointAt(end))
                    && Character.UnicodeScript.of(text.codePointAt(end)) == Character.UnicodeScript.LATIN) {
                // "3D", "5G": the number and the letters after it are one word
                pendingNumber = segment;
                continue;
            }
            if (afterApostrophe && (segment.equals("s") || segment.equals("S"))) {
                afterApostrophe = false;
                continue;
            }
            afterApostrophe = false;
            String surface = (hyphenated == null ? "" : hyphenated) + (pendingNumber == null ? "" : pendingNumber) + segment;
            hyphenated = null;
            pendingNumber = null;
            Token t = token(dictionary.of(surface), sentenceStart, previousCapital);
            // A capitalized word before this one makes it part of a longer name ("Let's Encrypt"), unless that
            // word was a capital only because a sentence starts with it ("Das Balkonkraftwerk").
            previousCapital = Character.isUpperCase(surface.codePointAt(0)) && (!sentenceStart || t != null);
            sentenceStart = false;
            if (t == null) {
                flush(phrase, out, dictionary);
            } else {
                phrase.add(t);
            }
        }
        flush(phrase, out, dictionary);
        return out;
    }

    private static void flush(List<Token> phrase, List<List<Token>> out, Words dictionary) {
        TagLanguage lang = dictionary.lang;
        if (!phrase.isEmpty() && phrase.size() <= 3 && !(lang.language.equals("en") && (hasVerb(phrase) || notANounPhrase(phrase)))
                && oneScript(phrase, dictionary) && !(phrase.size() > 1 && lang.never(display(phrase).toLowerCase(Locale.ROOT)))) {
            // (a word ICU cuts in two, "ファースト" "クラス", is still the word the list has: "ファーストクラス")
            out.add(List.copyOf(phrase));
        }
        phrase.clear();
    }

    /** A content word where it is written, or null where the phrase ends. */
    private static Token token(Word word, boolean sentenceStart, boolean afterCapital) {
        if (word == null) {
            return null;
        }
        boolean capital = word.upperInitial() && !sentenceStart || word.acronym();
        return new Token(word.surface(), word.lower(), word.stem(), capital, word.acronym() && word.surface().length() >= 3, afterCapital,
                word.lowerInitial(), word.verb());
    }

    /** What a written word is as a topic word, or null where it ends the phrase. */
    private static Word word(String surface, TagLanguage lang, Locale locale) {
        String w = surface;
        if (w.endsWith("'s") || w.endsWith("’s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.isEmpty() || w.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        if (w.length() >= 8 && Character.isLowerCase(w.charAt(0)) && w.chars().skip(1).anyMatch(Character::isUpperCase)
                || w.indexOf('_') >= 0 && !w.startsWith("node_")) {
            // getPopupContainer, max_retries: an identifier from code, not a word
            return null;
        }
        String lower = w.toLowerCase(locale);
        if (lang.never(lower) || lang.never(lower.replace('’', '\'')) || lang.language.equals("en") && isVerb(lower)) {
            // a verb ends an English phrase: "team owns four 3D printers" is "team" and "3D printers"
            return null;
        }
        int first = w.codePointAt(0);
        Character.UnicodeScript script = Character.UnicodeScript.of(first);
        if (script == Character.UnicodeScript.HANGUL) {
            w = withoutParticle(w);
            if (w == null || endsLikeAVerb(w) || lang.never(w)) {
                return null;
            }
            lower = w;
        } else if (script == Character.UnicodeScript.HIRAGANA) {
            return null;
        } else if (script == Character.UnicodeScript.HAN && w.codePointCount(0, w.length()) < 2) {
            return null;
        } else if (hasCase(w) && w.codePointCount(0, w.length()) < 3 && !isAcronym(w) && w.codePoints().noneMatch(Character::isDigit)) {
            // "ja", "ok": too short to be a topic; "3D", "5G" and acronyms are not
            return null;
        }
        return new Word(w, lower, lang.stem(lower), Character.isUpperCase(first), isAcronym(w), Character.isLowerCase(first), isVerb(lower));
    }

    private static String withoutParticle(String w) {
        for (String p : PARTICLES) {
            if (w.endsWith(p) && w.length() > p.length()) {
                String stem = w.substring(0, w.length() - p.length());
                return stem.codePointCount(0, stem.length()) >= 2 ? stem : null;
            }
        }
        return w.codePointCount(0, w.length()) >= 2 ? w : null;
    }

    private static boolean endsLikeAVerb(String w) {
        for (String e : KOREAN_VERB_ENDINGS) {
            if (w.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "running brew info" (a gerund and its object), "Logseq free" (an adjective last), "curl project" (a
     * word that says nothing of its own last): not a topic.
     */
    private static boolean notANounPhrase(List<Token> phrase) {
        String last = phrase.get(phrase.size() - 1).lower();
        return TagLanguage.ADJECTIVES.contains(last) || phrase.size() > 1 && (phrase.get(0).lower().endsWith("ing")
                || EMPTY_HEADS.contains(last));
    }

    /** Nouns that, last in a phrase, leave it about nothing: "curl project", "world code", "strict discussion". */
    private static final Set<String> EMPTY_HEADS = Set.of("project", "projects", "work", "world", "code",
            "discussion", "discussions", "plan", "plans", "thing", "things", "stuff", "issue", "issues", "way", "ways", "side", "case",
            "cases", "option", "options", "question", "questions", "answer", "answers", "problem", "problems", "information");

    /** Latin words with Arabic or Hebrew ones ("تدعم Aspose.PDF") are two things run together, not one topic. */
    private static boolean oneScript(List<Token> phrase, Words dictionary) {
        Set<Boolean> latin = new HashSet<>();
        for (Token t : phrase) {
            Script script = dictionary.script(t.surface());
            latin.add(script.latin());
            if (script.mixed()) {
                return false;
            }
        }
        return latin.size() == 1 || phrase.stream().anyMatch(t -> unspaced(t.surface().codePointAt(0)));
    }

    /** One token in two scripts with letters ("hereالمعلومات"): text run together. */
    private static boolean mixed(String w) {
        Set<Character.UnicodeScript> scripts = new HashSet<>();
        w.codePoints().filter(Character::isLetter).forEach(c -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                scripts.add(unspaced(c) ? Character.UnicodeScript.HAN : s);
            }
        });
        return scripts.size() > 1;
    }

    /** An English phrase with a verb in it ("team owns") is a piece of a sentence; "-ing" ("3D printing") is not a verb here. */
    private static boolean hasVerb(List<Token> phrase) {
        for (Token t : phrase) {
            if (t.verb()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerb(String w) {
        return VERBS.contains(w) || w.endsWith("s") && VERBS.contains(w.substring(0, w.length() - 1))
                || w.endsWith("es") && VERBS.contains(w.substring(0, w.length() - 2))
                || w.endsWith("ed") && (VERBS.contains(w.substring(0, w.length() - 2)) || VERBS.contains(w.substring(0, w.length() - 1)));
    }

    /** All capitals, two or more ("TLS", "HTTPS"); a script without capitals has no acronyms. */
    private static boolean isAcronym(String w) {
        int capitals = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                capitals++;
            }
        }
        return capitals >= 2;
    }

    private static boolean hasCase(String w) {
        return w.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
    }

    private static boolean unspaced(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.THAI;
    }

    private static Set<String> verbs() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Topics.class.getResourceAsStream("/tag-verbs-en.txt")) {
            if (in == null) {
                throw new IllegalStateException("tag-verbs-en.txt is missing from the transform jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String w : line.strip().split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
