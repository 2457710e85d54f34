package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.transform.Draft;
import io.herald.transform.Step;

/** Counts the words a reader reads (title, intro, questions, answers, outro) and the minutes it takes. */
public final class ReadingTime implements Step {

    /** A common figure for adult silent reading of non-fiction. */
    static final int WORDS_PER_MINUTE = 230;

    @Override
    public String name() {
        return "reading-time";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft draft) {
        int words = count(draft.title) + count(draft.intro) + count(draft.outro);
        for (EnrichedQa pair : draft.qa) {
            words += count(pair.question()) + count(pair.answer());
        }
        draft.wordCount = words;
        draft.readingTimeMinutes = Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
    }

    static int count(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }
}
