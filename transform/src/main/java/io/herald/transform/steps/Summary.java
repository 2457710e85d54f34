package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.support.Excerpt;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The summary: the post's meta description, its newsletter's preheader, its snippets' text. One piece
 * a person would write, within {@link #MAX_CHARS}: what the post is (the intro's first sentence that
 * stands alone) and, for a Q&amp;A post, the questions it answers (the most central of them, in the
 * post's order, whole). Never sentences stitched from unrelated answers, never a sentence twice.
 * Without an intro, the questions alone; without questions, the intro's opening (two adjacent
 * sentences when both fit); failing all, the one most central answer sentence that fits, or the
 * opening cut at a word with an ellipsis.
 */
public final class Summary implements Step {

    /** A meta description and a preheader are read in about this many characters. */
    static final int MAX_CHARS = 160;
    /** A question longer than this is a paragraph, not a teaser. */
    private static final int MAX_QUESTION = 110;
    private static final int MIN_WORDS = 6;
    /** Chinese, Japanese and Thai have no spaces between words: a sentence stands alone from this many letters. */
    private static final int MIN_LETTERS_UNSPACED = 12;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** A sentence that starts like this leans on the one before it. */
    private static final Pattern LEANS_ON_BEFORE =
            Pattern.compile("(?i)(so|here|see|and|but|also|this|that|these|they|it|then|yes|no)\\b");
    /** Numbering or a label before a question: "3.", "Q:", "Q3)". */
    private static final Pattern QUESTION_LABEL = Pattern.compile("^(?:[Qq]\\d{0,3}\\s*[:.)]|\\d{1,3}\\s*[.)])\\s*");

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public void apply(Draft d) {
        d.summary = summarize(d.title, d.intro, d.qa.stream().map(EnrichedQa::question).toList(),
                d.qa.stream().map(EnrichedQa::answer).toList(), d.language);
    }

    public static String summarize(String title, String intro, List<String> questions, List<String> answers, String language) {
        Locale locale = language == null || language.equals("und") ? Locale.ENGLISH : Locale.forLanguageTag(language);
        Set<String> said = new HashSet<>();
        if (title != null) {
            said.add(key(title));
        }
        List<String> introSentences = intro == null ? List.of() : split(intro, locale);
        String lead = null;
        String second = null;
        for (int i = 0; i < Math.min(3, introSentences.size()); i++) {
            String s = introSentences.get(i);
            if (standsAlone(s) && length(s) <= MAX_CHARS && !said.contains(key(s))) {
                lead = s;
                if (i + 1 < introSentences.size() && standsAlone(introSentences.get(i + 1))) {
                    second = introSentences.get(i + 1);
                }
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        if (lead != null) {
            out.append(lead);
            said.add(key(lead));
        }
        List<Asked> asked = questions(questions, answers, said);
        // The most central questions that fit beside the lead, then shown as the post orders them.
        int room = MAX_CHARS - length(out);
        List<Asked> chosen = new ArrayList<>();
        for (Asked q : asked) {
            if (length(q.text()) + 1 <= room) {
                chosen.add(q);
                room -= length(q.text()) + 1;
            }
        }
        chosen.sort(Comparator.comparingInt(Asked::order));
        for (Asked q : chosen) {
            out.append(separator(out)).append(q.text());
        }
        if (asked.isEmpty() && second != null && !said.contains(key(second))
                && length(out) + 1 + length(second) <= MAX_CHARS) {
            // No questions to name: the intro's next sentence, which follows the first where the author put it.
            out.append(separator(out)).append(second);
        }
        if (out.length() > 0) {
            return out.toString();
        }
        String answer = centralAnswerSentence(answers, locale, said);
        if (answer != null) {
            return answer;
        }
        String opening = !introSentences.isEmpty() ? introSentences.get(0)
                : answers.stream().filter(a -> a != null && !a.isBlank()).findFirst().map(a -> split(a, locale).get(0)).orElse(null);
        // Cut at a word with an ellipsis, if it is prose at all ("1." or a code line is no summary).
        return opening == null || !readable(opening) || opening.codePoints().filter(Character::isLetter).count() < MIN_LETTERS_UNSPACED
                ? null : Excerpt.of(opening, MAX_CHARS);
    }

    private record Asked(String text, int order) {
    }

    /** The questions worth naming, most central first: whole questions, short enough, once each, with their place in the post. */
    private static List<Asked> questions(List<String> questions, List<String> answers, Set<String> said) {
        List<String> clean = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i);
            if (q == null) {
                continue;
            }
            q = QUESTION_LABEL.matcher(WHITE_SPACE.matcher(q.strip()).replaceAll(" ")).replaceFirst("");
            if (!isQuestion(q) || length(q) > MAX_QUESTION || !readable(q) || said.contains(key(q))) {
                continue;
            }
            if (clean.stream().map(Summary::key).noneMatch(key(q)::equals)) {
                clean.add(q);
                order.add(i);
            }
        }
        if (clean.isEmpty()) {
            return List.of();
        }
        // Central: closest, by the words they share, to what all the questions and answers are about.
        Map<String, Double> centroid = new HashMap<>();
        List<Map<String, Double>> vectors = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            Map<String, Double> v = vector(clean.get(i) + " " + nullToEmpty(order.get(i) < answers.size() ? answers.get(order.get(i)) : ""));
            vectors.add(v);
            v.forEach((w, x) -> centroid.merge(w, x, Double::sum));
        }
        double nc = norm(centroid);
        Integer[] idx = new Integer[clean.size()];
        double[] score = new double[clean.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
            score[i] = cosine(vectors.get(i), centroid, nc);
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<Asked> out = new ArrayList<>();
        for (Integer i : idx) {
            out.add(new Asked(clean.get(i), i));
        }
        return out;
    }

    private static String centralAnswerSentence(List<String> answers, Locale locale, Set<String> said) {
        List<String> sentences = new ArrayList<>();
        for (String a : answers) {
            if (a != null) {
                split(a, locale).stream().filter(Summary::standsAlone).filter(s -> length(s) <= MAX_CHARS)
                        .filter(s -> !said.contains(key(s))).forEach(sentences::add);
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        Map<String, Double> centroid = new HashMap<>();
        List<Map<String, Double>> vectors = sentences.stream().map(Summary::vector).toList();
        vectors.forEach(v -> v.forEach((w, x) -> centroid.merge(w, x, Double::sum)));
        double nc = norm(centroid);
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < sentences.size(); i++) {
            double s = cosine(vectors.get(i), centroid, nc);
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return sentences.get(best);
    }

    /** A sentence a reader understands without the one before it: long enough, prose, not a question or a label. */
    static boolean standsAlone(String s) {
        if (s.endsWith("?") || s.endsWith("？") || s.endsWith("؟") || s.endsWith(":") || s.endsWith("：") || !readable(s)
                || LEANS_ON_BEFORE.matcher(s).lookingAt()) {
            return false;
        }
        int words = WHITE_SPACE.split(s.strip()).length;
        return words >= MIN_WORDS || unspaced(s) && s.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS_UNSPACED;
    }

    private static boolean isQuestion(String q) {
        return q.endsWith("?") || q.endsWith("？") || q.endsWith("؟") || q.endsWith(";") && q.codePoints().anyMatch(c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK);
    }

    /** Prose, not markup or code: mostly letters, no table rules, no code spans, no addresses. */
    private static boolean readable(String s) {
        if (s.contains("|") || s.contains("`") || s.contains("://") || s.contains("{") || s.contains("<") || s.contains("[")) {
            return false;
        }
        long visible = s.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        long letters = s.codePoints().filter(Character::isLetter).count();
        return visible > 0 && letters >= 0.7 * visible;
    }

    private static boolean unspaced(String s) {
        return s.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
        });
    }

    /** Between two pieces: a space, except after full-width punctuation (Chinese and Japanese write none). */
    private static String separator(CharSequence before) {
        if (before.length() == 0) {
            return "";
        }
        char last = before.charAt(before.length() - 1);
        return last == '。' || last == '？' || last == '！' ? "" : " ";
    }

    private static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /** How two sentences compare for "said already": any case, any Unicode form, punctuation and spacing aside. */
    private static String key(String s) {
        StringBuilder k = new StringBuilder();
        Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit).forEach(k::appendCodePoint);
        return k.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static List<String> split(String text, Locale locale) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n+")) {
            BreakIterator it = BreakIterator.getSentenceInstance(locale);
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = WHITE_SPACE.matcher(paragraph.substring(start, end).strip()).replaceAll(" ");
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
        return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    }
}
