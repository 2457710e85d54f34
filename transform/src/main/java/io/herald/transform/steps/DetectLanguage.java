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

/**
 * The post's language as an ISO 639-1 code, from the optimaize n-gram detector over all its text;
 * {@code und} when the text is too short or too mixed to tell.
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
        return "1";
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
        if (text.length() <= SAMPLE) {
            return text;
        }
        int part = SAMPLE / 3;
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
        String sample = sample(text);
        var textObject = (sample.length() < 500 ? Holder.SHORT : Holder.LARGE).forText(sample);
        com.google.common.base.Optional<LdLocale> locale = Holder.DETECTOR.detect(textObject);
        if (locale.isPresent()) {
            return locale.get().getLanguage();
        }
        // Short texts rarely reach the detector's default certainty; a clear favourite still counts.
        var best = Holder.DETECTOR.getProbabilities(textObject);
        return !best.isEmpty() && best.get(0).getProbability() >= 0.6 ? best.get(0).getLocale().getLanguage() : "und";
    }
}
