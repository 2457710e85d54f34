package io.herald.transform.steps;

import io.herald.transform.Draft;
import io.herald.transform.Step;

/**
 * Counts the words a reader reads (title, intro, questions, answers, outro) and the minutes it
 * takes. Chinese, Japanese and Korean are written without spaces: each of their characters counts
 * as a word, read at a slower rate per character.
 */
public final class ReadingTime implements Step {

    /** A common figure for adult silent reading of non-fiction. */
    static final int WORDS_PER_MINUTE = 230;
    /** The same for CJK characters. */
    static final int CJK_CHARS_PER_MINUTE = 400;

    @Override
    public String name() {
        return "reading-time";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public void apply(Draft draft) {
        String text = draft.fullText();
        int cjk = 0;
        StringBuilder rest = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isCjk(cp)) {
                if (rest == null) {
                    // the text up to here, as it is: a text without Chinese, Japanese or Korean is counted as it is
                    rest = new StringBuilder(text.length()).append(text, 0, i);
                }
                cjk++;
                rest.append(' ');
            } else if (rest != null) {
                rest.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        int words = count(rest == null ? text : rest.toString());
        draft.wordCount = words + cjk;
        double minutes = words / (double) WORDS_PER_MINUTE + cjk / (double) CJK_CHARS_PER_MINUTE;
        draft.readingTimeMinutes = Math.max(1, (int) Math.ceil(minutes));
    }

    /** Below Hangul's first block (U+1100) no character is Han, kana or Hangul: no script look-up for most text. */
    static final int FIRST_CJK = 0x1100;

    static boolean isCjk(int cp) {
        if (cp < FIRST_CJK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    static int count(String text) {
        // Tokens between white space that hold a letter or a digit, in one pass.
        int n = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(cp)) {
                n++;
                counted = true;
            }
            i += Character.charCount(cp);
        }
        return n;
    }
}
