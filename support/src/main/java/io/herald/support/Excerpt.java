package io.herald.support;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * The start of a text, at most {@code max} characters with the ellipsis: cut at a word boundary
 * when one is near the end (in scripts written without spaces, such as Chinese or Japanese, any
 * character boundary is one), never inside a surrogate pair or a combining sequence.
 */
public final class Excerpt {

    public static final String ELLIPSIS = "…";

    private Excerpt() {
    }

    public static String of(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= max) {
            return t;
        }
        int limit = Math.max(1, max - ELLIPSIS.length());
        BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
        chars.setText(t);
        int cut = chars.preceding(limit + 1);
        if (cut <= 0) {
            cut = Math.min(limit, t.length());
        }
        int space = t.lastIndexOf(' ', cut);
        if (space > cut * 2 / 3) {
            cut = space;
        }
        return t.substring(0, cut).stripTrailing() + ELLIPSIS;
    }
}
