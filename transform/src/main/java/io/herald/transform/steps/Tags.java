package io.herald.transform.steps;

import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags: the post's own, then its key phrases. Key phrases are found RAKE-style: the text is cut
 * into candidate phrases at stop words and punctuation; a word scores by how often it appears and
 * in how long phrases; a phrase by its words. Phrases that appear at least twice and span more than
 * one Q&amp;A pair rank highest. Everything is lower-case and de-duplicated; {@code tag-synonyms.txt}
 * maps variants to one tag ({@code ev = electric vehicles}) and {@code tag-stop.txt} lists words
 * and phrases that never become tags. Both files are on the classpath and can be replaced.
 */
public final class Tags implements Step {

    static final int MAX_TAGS = 8;

    static final Set<String> STOP = words("/tag-stop.txt");
    private static final Map<String, String> SYNONYMS = synonyms("/tag-synonyms.txt");

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public void apply(Draft d) {
        List<String> texts = new ArrayList<>();
        texts.add(d.title);
        texts.add(d.intro);
        d.qa.forEach(p -> texts.add(p.question() + "\n" + p.answer()));
        List<String> own = List.copyOf(d.tags);
        d.tags = tags(own, texts, d.language);
        d.autoTags = autoTags(own, d.tags);
    }

    /** The tags among {@code tags} that are not the author's ({@code own}), in order: Herald's suggestions. */
    public static List<String> autoTags(List<String> own, List<String> tags) {
        Set<String> ownKeys = new HashSet<>();
        own.forEach(t -> ownKeys.add(canonical(t)));
        return tags.stream().filter(t -> !ownKeys.contains(canonical(t))).toList();
    }

    /**
     * The author's tags as they wrote them ("3D printing" stays so; only a leading {@code #} and extra
     * spaces go, and a synonym becomes its tag), one per spelling in any case; then key phrases.
     */
    public static List<String> tags(List<String> own, List<String> texts) {
        return tags(own, texts, "en");
    }

    /** At most this many tags Herald finds itself: a handful of topics, beside every tag the author gave. */
    static final int MAX_AUTO = 5;

    public static List<String> tags(List<String> own, List<String> texts, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        TagLanguage lang = TagLanguage.of(language);
        Set<String> ownKeys = new HashSet<>();
        for (String t : own) {
            String key = canonical(t);
            if (!key.isEmpty()) {
                out.putIfAbsent(key, asWritten(t, key));
                ownKeys.add(Topics.stemKey(key, lang));
            }
        }
        int auto = 0;
        for (String topic : Topics.find(texts, lang, ownKeys)) {
            if (auto >= MAX_AUTO || out.size() >= Math.max(MAX_TAGS, own.size())) {
                break;
            }
            String t = topic.toLowerCase(Locale.ROOT);
            if (out.keySet().stream().anyMatch(k -> k.contains(t) || t.contains(k))) {
                // the author said it already ("屋顶" beside their "屋顶菜园")
                continue;
            }
            if (out.putIfAbsent(topic.toLowerCase(Locale.ROOT), topic) == null) {
                auto++;
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The author's spelling, tidied; a variant the synonyms file maps becomes the tag it names. */
    static String asWritten(String tag, String key) {
        String t = tag.strip().replaceAll("^#", "").replaceAll("\\s+", " ");
        return t.toLowerCase(Locale.ROOT).equals(key) ? t : key;
    }

    static String canonical(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("^#", "").replaceAll("\\s+", " ");
        return SYNONYMS.getOrDefault(t, t);
    }

    static List<String> keyPhrases(List<String> texts) {
        Map<String, Integer> phraseCount = new LinkedHashMap<>();
        Map<String, Set<Integer>> phraseSpread = new HashMap<>();
        Map<String, Integer> wordFreq = new HashMap<>();
        Map<String, Integer> wordDegree = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                continue;
            }
            for (String phrase : candidates(text)) {
                String[] ws = phrase.split(" ");
                phraseCount.merge(phrase, 1, Integer::sum);
                phraseSpread.computeIfAbsent(phrase, k -> new HashSet<>()).add(i);
                for (String w : ws) {
                    wordFreq.merge(w, 1, Integer::sum);
                    wordDegree.merge(w, ws.length, Integer::sum);
                }
            }
        }
        Map<String, Double> score = new HashMap<>();
        for (var e : phraseCount.entrySet()) {
            String phrase = e.getKey();
            if (e.getValue() < 2 || STOP.contains(phrase)) {
                continue;
            }
            double s = 0;
            for (String w : phrase.split(" ")) {
                s += (double) wordDegree.get(w) / wordFreq.get(w);
            }
            s *= Math.log(1 + e.getValue()) * Math.log(1 + phraseSpread.get(phrase).size());
            score.put(phrase, s);
        }
        List<String> ranked = new ArrayList<>(score.keySet());
        ranked.sort((a, b) -> Double.compare(score.get(b), score.get(a)));
        List<String> out = new ArrayList<>();
        for (String phrase : ranked) {
            String tag = canonical(phrase);
            // a phrase inside one already chosen ("energy" in "green energy") adds nothing
            if (out.stream().noneMatch(t -> t.contains(tag) || tag.contains(t))) {
                out.add(tag);
            }
        }
        return out;
    }

    /**
     * Phrases of one to three content words between stop words and punctuation. A word is a run of
     * letters, digits, apostrophes and hyphens between spaces; anything else (punctuation, a line
     * break) ends the phrase. Apostrophes and hyphens around a word, and a possessive "'s", are not
     * part of it. One pass over the text, no regular expressions: every post's tags and summary use it.
     */
    static List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        List<String> phrase = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int wordStart = -1;
        for (int i = 0; i <= n; ) {
            int cp = i < n ? lower.codePointAt(i) : -1;
            boolean inWord = cp >= 0 && cp != ' ' && isWordChar(cp);
            if (inWord) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else {
                if (wordStart >= 0) {
                    word(lower.substring(wordStart, i), phrase, out);
                    wordStart = -1;
                }
                if (cp != ' ') {
                    // punctuation, a line break, the end: the phrase ends here
                    flush(phrase, out);
                }
            }
            i += cp < 0 ? 1 : Character.charCount(cp);
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp == '\'' || cp == '’' || cp == '-') {
            return true;
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isEdgeMark(char c) {
        return c == '\'' || c == '’' || c == '-';
    }

    private static void word(String raw, List<String> phrase, List<String> out) {
        int from = 0;
        int to = raw.length();
        while (from < to && isEdgeMark(raw.charAt(from))) {
            from++;
        }
        while (to > from && isEdgeMark(raw.charAt(to - 1))) {
            to--;
        }
        String w = raw.substring(from, to);
        if (w.length() >= 2 && w.charAt(w.length() - 1) == 's' && (w.charAt(w.length() - 2) == '\'' || w.charAt(w.length() - 2) == '’')) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.isEmpty() || STOP.contains(w) || w.length() < 2 || allDigits(w)) {
            flush(phrase, out);
        } else {
            phrase.add(w);
        }
    }

    private static boolean allDigits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void flush(List<String> phrase, List<String> out) {
        if (!phrase.isEmpty() && phrase.size() <= 3) {
            out.add(String.join(" ", phrase));
        }
        phrase.clear();
    }

    private static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String line : lines(resource)) {
            out.add(line.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Map<String, String> synonyms(String resource) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines(resource)) {
            String[] parts = line.split("=", 2);
            if (parts.length == 2) {
                String target = parts[1].strip().toLowerCase(Locale.ROOT);
                for (String variant : parts[0].split(",")) {
                    out.put(variant.strip().toLowerCase(Locale.ROOT), target);
                }
            }
        }
        return out;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Tags.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
