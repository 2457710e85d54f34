package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.IdentityHashMap;
import java.util.regex.Pattern;

/**
 * A two-to-three-sentence extractive summary: the intro sentence and the answer sentences most
 * central to the whole post (closest, by word overlap, to what the post as a whole is about), in
 * the order the post has them. Sentences that are too short to stand alone, or questions, are
 * passed over.
 */
public final class Summary implements Step {

    static final int MAX_SENTENCES = 3;
    static final int MAX_CHARS = 420;
    private static final int MIN_WORDS = 8;
    private static final int MAX_WORDS = 45;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** A sentence that starts like this leans on the one before it. */
    private static final Pattern LEANS_ON_BEFORE =
            Pattern.compile("(?i)(so|here|see|and|but|also|this|that|these|they|it)\\b");

    private record Sentence(String text, int order, boolean intro, Map<String, Double> vector) {
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft d) {
        List<String> answers = d.qa.stream().map(EnrichedQa::answer).toList();
        d.summary = summarize(d.intro, answers, d.language);
    }

    public static String summarize(String intro, List<String> answers, String language) {
        Locale locale = language == null || language.equals("und") ? Locale.ENGLISH : Locale.forLanguageTag(language);
        List<Sentence> sentences = new ArrayList<>();
        int order = 0;
        if (intro != null) {
            for (String s : split(intro, locale)) {
                sentences.add(new Sentence(s, order++, true, vector(s)));
            }
        }
        for (String answer : answers) {
            if (answer != null) {
                for (String s : split(answer, locale)) {
                    sentences.add(new Sentence(s, order++, false, vector(s)));
                }
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        // TF-IDF: a word in every sentence ("China" in a post about China) says little about which
        // sentence is central; words that recur across some sentences say more.
        Map<String, Integer> df = new HashMap<>();
        sentences.forEach(s -> s.vector().keySet().forEach(w -> df.merge(w, 1, Integer::sum)));
        int n = sentences.size();
        sentences.forEach(s -> s.vector().replaceAll((w, tf) -> tf * Math.log(1.0 + n / (double) df.get(w))));
        Map<String, Double> centroid = new HashMap<>();
        sentences.forEach(s -> s.vector().forEach((w, v) -> centroid.merge(w, v, Double::sum)));
        List<Sentence> candidates = sentences.stream().filter(Summary::standsAlone).toList();
        if (candidates.isEmpty()) {
            return sentences.get(0).text();
        }
        // Each sentence's closeness to the centroid, computed once (not once per comparison of a sort).
        double centroidNorm = norm(centroid);
        Map<Sentence, Double> closeness = new IdentityHashMap<>();
        candidates.forEach(s -> closeness.put(s, cosine(s.vector(), centroid, centroidNorm)));
        Comparator<Sentence> central = Comparator.comparingDouble(s -> -closeness.get(s));
        List<Sentence> chosen = new ArrayList<>();
        candidates.stream().filter(Sentence::intro).min(central).ifPresent(chosen::add);
        int chars = chosen.stream().mapToInt(s -> s.text().length() + 1).sum();
        for (Sentence s : candidates.stream().filter(s -> !s.intro()).sorted(central).toList()) {
            if (chosen.size() >= MAX_SENTENCES) {
                break;
            }
            if (chars + s.text().length() <= MAX_CHARS || chosen.isEmpty()) {
                chosen.add(s);
                chars += s.text().length() + 1;
            }
        }
        if (chosen.size() < 2) {
            candidates.stream().filter(s -> !chosen.contains(s)).sorted(central).limit(2 - chosen.size()).forEach(chosen::add);
        }
        chosen.sort(Comparator.comparingInt(Sentence::order));
        return String.join(" ", chosen.stream().map(Sentence::text).toList());
    }

    private static boolean standsAlone(Sentence s) {
        int words = WHITE_SPACE.split(s.text()).length;
        return words >= MIN_WORDS && words <= MAX_WORDS && !s.text().endsWith("?") && !s.text().endsWith(":")
                && !LEANS_ON_BEFORE.matcher(s.text()).lookingAt();
    }

    static List<String> split(String text, Locale locale) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n+")) {
            BreakIterator it = BreakIterator.getSentenceInstance(locale);
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = paragraph.substring(start, end).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Map<String, Double> vector(String sentence) {
        Map<String, Double> v = new HashMap<>();
        for (String phrase : Tags.candidates(sentence)) {
            for (String w : phrase.split(" ")) {
                v.merge(w, 1.0, Double::sum);
            }
        }
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b, double nb) {
        double dot = 0;
        for (var e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        double na = norm(a);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        // As a stream: its compensated sum gives the same figures (and so the same ranking) as before.
        return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    }
}
