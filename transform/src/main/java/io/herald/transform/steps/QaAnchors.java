package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Arrays;

/**
 * Gives every Q&amp;A pair a stable id that doubles as a URL anchor: a short slug of its question,
 * made unique within the post. It depends only on the question, so editing an answer keeps links
 * to it working.
 */
public final class QaAnchors implements Step {

    private static final int MAX_WORDS = 8;

    @Override
    public String name() {
        return "qa-anchors";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft draft) {
        Set<String> used = new HashSet<>();
        List<EnrichedQa> pairs = draft.qa;
        for (int i = 0; i < pairs.size(); i++) {
            EnrichedQa pair = pairs.get(i);
            String base = slug(pair.question());
            if (base.isEmpty()) {
                base = "q" + (i + 1);
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            pairs.set(i, new EnrichedQa(id, pair.question(), pair.answer(), pair.answerHtml()));
        }
    }

    static String slug(String question) {
        String plain = Normalizer.normalize(question, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (plain.isEmpty()) {
            return "";
        }
        String[] words = plain.split(" ");
        return String.join("-", Arrays.copyOf(words, Math.min(words.length, MAX_WORDS)));
    }
}
