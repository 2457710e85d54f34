package io.herald.transform.steps;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DateFormatSymbols;
import io.herald.support.BoundedCache;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.tartarus.snowball.SnowballStemmer;

/**
 * What the tags need to know of a language: the words that are never a topic and the stem of a word.
 * Never a topic: Lucene's stop words for the language (lucene-analysis-common ships them for 30+
 * languages), the month and weekday names (the JDK's, in that language), the numbers 0 to 100 spelt
 * out and as ordinals (ICU), currency names and codes, units of time and measure, and Herald's own
 * list ({@code tag-stop.txt}, English; {@code tag-stop-extra.txt} for languages Lucene has no list
 * for: Chinese, Japanese, Korean, Hebrew). Stems are Lucene's Snowball stemmers, so "printers" and
 * "printer" are one topic. Built once per language.
 */
final class TagLanguage {

    private static final Map<String, TagLanguage> KNOWN = new ConcurrentHashMap<>();

    private static final Map<String, Supplier<CharArraySet>> LUCENE_STOP = Map.ofEntries(
            Map.entry("ar", org.apache.lucene.analysis.ar.ArabicAnalyzer::getDefaultStopSet),
            Map.entry("bg", org.apache.lucene.analysis.bg.BulgarianAnalyzer::getDefaultStopSet),
            Map.entry("bn", org.apache.lucene.analysis.bn.BengaliAnalyzer::getDefaultStopSet),
            Map.entry("ca", org.apache.lucene.analysis.ca.CatalanAnalyzer::getDefaultStopSet),
            Map.entry("ckb", org.apache.lucene.analysis.ckb.SoraniAnalyzer::getDefaultStopSet),
            Map.entry("cs", org.apache.lucene.analysis.cz.CzechAnalyzer::getDefaultStopSet),
            Map.entry("da", org.apache.lucene.analysis.da.DanishAnalyzer::getDefaultStopSet),
            Map.entry("de", org.apache.lucene.analysis.de.GermanAnalyzer::getDefaultStopSet),
            Map.entry("el", org.apache.lucene.analysis.el.GreekAnalyzer::getDefaultStopSet),
            Map.entry("en", org.apache.lucene.analysis.en.EnglishAnalyzer::getDefaultStopSet),
            Map.entry("es", org.apache.lucene.analysis.es.SpanishAnalyzer::getDefaultStopSet),
            Map.entry("et", org.apache.lucene.analysis.et.EstonianAnalyzer::getDefaultStopSet),
            Map.entry("eu", org.apache.lucene.analysis.eu.BasqueAnalyzer::getDefaultStopSet),
            Map.entry("fa", org.apache.lucene.analysis.fa.PersianAnalyzer::getDefaultStopSet),
            Map.entry("fi", org.apache.lucene.analysis.fi.FinnishAnalyzer::getDefaultStopSet),
            Map.entry("fr", org.apache.lucene.analysis.fr.FrenchAnalyzer::getDefaultStopSet),
            Map.entry("ga", org.apache.lucene.analysis.ga.IrishAnalyzer::getDefaultStopSet),
            Map.entry("gl", org.apache.lucene.analysis.gl.GalicianAnalyzer::getDefaultStopSet),
            Map.entry("hi", org.apache.lucene.analysis.hi.HindiAnalyzer::getDefaultStopSet),
            Map.entry("hu", org.apache.lucene.analysis.hu.HungarianAnalyzer::getDefaultStopSet),
            Map.entry("hy", org.apache.lucene.analysis.hy.ArmenianAnalyzer::getDefaultStopSet),
            Map.entry("id", org.apache.lucene.analysis.id.IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("it", org.apache.lucene.analysis.it.ItalianAnalyzer::getDefaultStopSet),
            Map.entry("lt", org.apache.lucene.analysis.lt.LithuanianAnalyzer::getDefaultStopSet),
            Map.entry("lv", org.apache.lucene.analysis.lv.LatvianAnalyzer::getDefaultStopSet),
            Map.entry("ne", org.apache.lucene.analysis.ne.NepaliAnalyzer::getDefaultStopSet),
            Map.entry("nl", org.apache.lucene.analysis.nl.DutchAnalyzer::getDefaultStopSet),
            Map.entry("no", org.apache.lucene.analysis.no.NorwegianAnalyzer::getDefaultStopSet),
            Map.entry("nb", org.apache.lucene.analysis.no.NorwegianAnalyzer::getDefaultStopSet),
            Map.entry("pt", org.apache.lucene.analysis.pt.PortugueseAnalyzer::getDefaultStopSet),
            Map.entry("ro", org.apache.lucene.analysis.ro.RomanianAnalyzer::getDefaultStopSet),
            Map.entry("ru", org.apache.lucene.analysis.ru.RussianAnalyzer::getDefaultStopSet),
            Map.entry("sr", org.apache.lucene.analysis.sr.SerbianAnalyzer::getDefaultStopSet),
            Map.entry("sv", org.apache.lucene.analysis.sv.SwedishAnalyzer::getDefaultStopSet),
            Map.entry("ta", org.apache.lucene.analysis.ta.TamilAnalyzer::getDefaultStopSet),
            Map.entry("te", org.apache.lucene.analysis.te.TeluguAnalyzer::getDefaultStopSet),
            Map.entry("th", org.apache.lucene.analysis.th.ThaiAnalyzer::getDefaultStopSet),
            Map.entry("tr", org.apache.lucene.analysis.tr.TurkishAnalyzer::getDefaultStopSet));

    private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.ofEntries(
            Map.entry("ar", org.tartarus.snowball.ext.ArabicStemmer::new),
            Map.entry("ca", org.tartarus.snowball.ext.CatalanStemmer::new),
            Map.entry("da", org.tartarus.snowball.ext.DanishStemmer::new),
            Map.entry("de", org.tartarus.snowball.ext.German2Stemmer::new),
            Map.entry("el", org.tartarus.snowball.ext.GreekStemmer::new),
            Map.entry("en", org.tartarus.snowball.ext.EnglishStemmer::new),
            Map.entry("es", org.tartarus.snowball.ext.SpanishStemmer::new),
            Map.entry("et", org.tartarus.snowball.ext.EstonianStemmer::new),
            Map.entry("eu", org.tartarus.snowball.ext.BasqueStemmer::new),
            Map.entry("fi", org.tartarus.snowball.ext.FinnishStemmer::new),
            Map.entry("fr", org.tartarus.snowball.ext.FrenchStemmer::new),
            Map.entry("ga", org.tartarus.snowball.ext.IrishStemmer::new),
            Map.entry("hi", org.tartarus.snowball.ext.HindiStemmer::new),
            Map.entry("hu", org.tartarus.snowball.ext.HungarianStemmer::new),
            Map.entry("hy", org.tartarus.snowball.ext.ArmenianStemmer::new),
            Map.entry("id", org.tartarus.snowball.ext.IndonesianStemmer::new),
            Map.entry("it", org.tartarus.snowball.ext.ItalianStemmer::new),
            Map.entry("lt", org.tartarus.snowball.ext.LithuanianStemmer::new),
            Map.entry("ne", org.tartarus.snowball.ext.NepaliStemmer::new),
            Map.entry("nl", org.tartarus.snowball.ext.DutchStemmer::new),
            Map.entry("no", org.tartarus.snowball.ext.NorwegianStemmer::new),
            Map.entry("nb", org.tartarus.snowball.ext.NorwegianStemmer::new),
            Map.entry("pt", org.tartarus.snowball.ext.PortugueseStemmer::new),
            Map.entry("ro", org.tartarus.snowball.ext.RomanianStemmer::new),
            Map.entry("ru", org.tartarus.snowball.ext.RussianStemmer::new),
            Map.entry("sr", org.tartarus.snowball.ext.SerbianStemmer::new),
            Map.entry("sv", org.tartarus.snowball.ext.SwedishStemmer::new),
            Map.entry("ta", org.tartarus.snowball.ext.TamilStemmer::new),
            Map.entry("tr", org.tartarus.snowball.ext.TurkishStemmer::new));

    /** Units of time and measure, and words for money and shares, in English (other languages: their stop lists and currencies). */
    private static final Set<String> UNITS = Set.of("percent", "per cent", "%", "km", "kg", "kwh", "kw", "mb", "gb", "tb", "kb", "ms",
            "mph", "cm", "mm", "lb", "lbs", "oz", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
            "weeks", "month", "months", "year", "years", "today", "tomorrow", "yesterday", "am", "pm", "step", "steps", "times", "time",
            "cent", "cents", "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "usd", "eur", "gbp", "price", "prices",
            "number", "numbers", "lot", "lots", "thing", "things", "way", "ways", "kind", "kinds", "part", "parts", "bit", "bits",
            // the words of addresses, and what a Q&A post is rather than what it is about
            "http", "https", "www", "com", "org", "net", "html", "faq", "faqs", "q&a", "question", "questions", "answer", "answers",
            "please", "example", "examples", "e.g", "i.e", "etc", "frequently", "asked",
            // code in answers ("import type", "export default"): keywords, not topics
            "import", "export", "const", "typeof", "var", "return", "null", "undefined", "true", "false");

    /** English adjectives that end no noun phrase ("Logseq free", "packages available"). */
    static final Set<String> ADJECTIVES = Set.of("free", "possible", "available", "different", "new", "old", "good", "best",
            "better", "easy", "hard", "fast", "slow", "large", "small", "big", "full", "official", "current", "latest", "local",
            "able", "unable", "ready", "sure", "safe", "wrong", "right", "true", "false", "important", "necessary", "similar",
            "useful", "open", "supported", "required", "needed", "enough", "whole", "main", "same", "real", "actual",
            "older", "newer", "bigger", "smaller", "larger", "cheaper", "faster", "slower", "easier", "harder", "higher", "lower");

    private static final Map<String, Set<String>> EXTRA = extra();

    final String language;
    private final CharArraySet lucene;
    private final Set<String> never;
    private final Supplier<SnowballStemmer> stemmer;

    private TagLanguage(String language) {
        this.language = language;
        this.lucene = LUCENE_STOP.getOrDefault(language, () -> CharArraySet.EMPTY_SET).get();
        this.stemmer = STEMMERS.get(language);
        Set<String> words = new HashSet<>(Tags.STOP);
        words.addAll(UNITS);
        words.addAll(EXTRA.getOrDefault(language, Set.of()));
        Locale locale = Locale.forLanguageTag(language);
        for (Locale l : new Locale[] {locale, Locale.ENGLISH}) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(l);
            for (String[] names : new String[][] {symbols.getMonths(), symbols.getShortMonths(), symbols.getWeekdays(),
                    symbols.getShortWeekdays()}) {
                for (String n : names) {
                    if (n != null && n.length() > 1) {
                        words.add(n.toLowerCase(l).replace(".", ""));
                    }
                }
            }
            for (String rule : new String[] {"%spellout-numbering", "%spellout-ordinal"}) {
                try {
                    RuleBasedNumberFormat spell = new RuleBasedNumberFormat(ULocale.forLocale(l), RuleBasedNumberFormat.SPELLOUT);
                    for (int n = 0; n <= 100; n++) {
                        String s = rule.endsWith("ordinal") ? spellOrdinal(spell, n) : spell.format(n);
                        if (s != null) {
                            words.add(s.toLowerCase(l));
                        }
                    }
                } catch (RuntimeException e) {
                    // a language without spelt-out numbers in ICU: its digits are still never tags
                }
            }
        }
        for (Currency c : Currency.getAvailableCurrencies()) {
            words.add(c.getCurrencyCode().toLowerCase(Locale.ROOT));
            words.add(c.getDisplayName(locale).toLowerCase(locale));
            words.add(c.getDisplayName(Locale.ENGLISH).toLowerCase(Locale.ENGLISH));
        }
        for (String code : Locale.getISOLanguages()) {
            words.add(code);
        }
        this.never = Set.copyOf(words);
    }

    private static String spellOrdinal(RuleBasedNumberFormat spell, int n) {
        for (String name : spell.getRuleSetNames()) {
            if (name.startsWith("%spellout-ordinal")) {
                return spell.format(n, name);
            }
        }
        return null;
    }

    static TagLanguage of(String language) {
        String code = language == null || language.isBlank() || language.equals("und") ? "en"
                : Locale.forLanguageTag(language).getLanguage();
        return KNOWN.computeIfAbsent(code.isEmpty() ? "en" : code, TagLanguage::new);
    }

    /** A word (lower case) that is never a topic, nor part of one; a hyphenated one ("est-ce") when each of its parts is so. */
    boolean never(String word) {
        if (never.contains(word) || lucene.contains(word) || word.endsWith("n't") || word.endsWith("n’t")) {
            return true;
        }
        if (word.indexOf('-') > 0) {
            for (String part : word.split("-")) {
                if (!part.isEmpty() && !never.contains(part) && !lucene.contains(part)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The word's stem in this language (the word itself where Lucene has no stemmer for it). */
    String stem(String word) {
        if (stemmer == null) {
            return word;
        }
        // A language's words recur from post to post: each is stemmed once while it is among the recent ones.
        return stems.computeIfAbsent(word, this::stemmed);
    }

    /** Stems remembered: about 4 MB of them at most, the least used going first. */
    private final BoundedCache<String, String> stems = new BoundedCache<>(4L << 20, (w, s) -> 2L * (w.length() + s.length()) + 96);

    private String stemmed(String word) {
        SnowballStemmer s = stemmer.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    private static Map<String, Set<String>> extra() {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = TagLanguage.class.getResourceAsStream("/tag-stop-extra.txt")) {
            if (in == null) {
                throw new IllegalStateException("tag-stop-extra.txt is missing from the transform jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                Set<String> words = out.computeIfAbsent(line.substring(0, colon).strip(), k -> new HashSet<>());
                for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
