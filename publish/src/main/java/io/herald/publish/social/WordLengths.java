package io.herald.publish.social;

import com.twitter.twittertext.TwitterTextConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * A network's length of a text as the sum of its words' lengths and the spaces between them, each
 * word measured once and remembered: the composer measures many texts made of the same words (each
 * cut it tries, each form of the link, each network), and the exact count (twitter-text's link and
 * emoji patterns over the whole text) was most of a snippet's cost.
 *
 * <p>The sum is the same number: what X and Mastodon count is additive over white space, since no link
 * and no emoji contains a space or a line break, Unicode normalization composes nothing with either,
 * and each character's weight depends on that character alone. Only the first word is measured
 * where it stands (at the start); every other word as it follows a space. {@code WordLengthsTest} holds it
 * to the whole-text count on every sample and corpus snippet and on texts made to break it.
 */
final class WordLengths {

    /** Words remembered (per network); past this the memory starts again, so it stays small. */
    static final int REMEMBERED = 20_000;
    /** Longer words are measured each time (nothing repeats them). */
    static final int LONGEST_REMEMBERED = 200;

    private final ToIntFunction<String> word;
    private final IntUnaryOperator space;
    private final boolean blankIsNothing;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    /**
     * @param word  the exact length of a text with no space or control character in it
     * @param space the length of one space or control character between words
     * @param blankIsNothing whether a text of nothing but spaces and control characters counts 0 (twitter-text's does)
     */
    WordLengths(ToIntFunction<String> word, IntUnaryOperator space, boolean blankIsNothing) {
        this.word = word;
        this.space = space;
        this.blankIsNothing = blankIsNothing;
    }

    /** X: twitter-text's weights (scaled), a link its transformed length. */
    static WordLengths twitter(ToIntFunction<String> exact) {
        TwitterTextConfiguration c = TwitterTextConfiguration.getDefaultConfig();
        int scale = c.getScale();
        return new WordLengths(exact, cp -> {
            for (var range : c.getRanges()) {
                if (range.getRange().isInRange(cp)) {
                    return range.getWeight() / scale;
                }
            }
            return c.getDefaultWeight() / scale;
        }, true);
    }

    /**
     * Whether the sum can be taken: twitter-text divides the sum of weights by its scale once, so the sum
     * of rounded parts is the same only when every weight is a whole multiple of the scale (as in its v3
     * configuration: 100, 200 and links 23 × 100).
     */
    static boolean twitterIsAdditive() {
        TwitterTextConfiguration c = TwitterTextConfiguration.getDefaultConfig();
        int scale = c.getScale();
        return c.getDefaultWeight() % scale == 0 && c.getRanges().stream().allMatch(r -> r.getWeight() % scale == 0);
    }

    /**
     * What words are separated by here: a space or a line break, which no link or emoji contains and
     * after which every pattern starts afresh. Other spaces and control characters stay inside the word
     * they touch and are measured with it: after some of them (U+0085, say) twitter-text reads the text
     * before them too, so a sum over them would not be its count.
     */
    static boolean separates(int cp) {
        return cp == ' ' || cp == '\n';
    }

    int length(String text) {
        if (blankIsNothing && text.trim().isEmpty()) {
            return 0;
        }
        String t = text;
        int total = 0;
        int i = 0;
        int n = t.length();
        while (i < n) {
            int cp = t.codePointAt(i);
            if (separates(cp)) {
                total += space.applyAsInt(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = t.codePointAt(i);
                if (separates(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            String w = t.substring(start, i);
            if (blankIsNothing && w.trim().isEmpty()) {
                // Control characters only: measured alone they would be a blank text, which counts nothing.
                total += w.codePoints().map(space).sum();
            } else {
                total += start == 0 ? word.applyAsInt(w) : wordLength(w);
            }
        }
        return total;
    }

    /**
     * A word after a space: measured after one, since what precedes a link decides whether it is one (a
     * link without a scheme is not taken at the very start of a text as it is after a space; any space or
     * control character before it is the same to the patterns).
     */
    private int afterSpace(String w) {
        return word.applyAsInt(" " + w) - space.applyAsInt(' ');
    }

    private int wordLength(String w) {
        if (w.length() > LONGEST_REMEMBERED) {
            return afterSpace(w);
        }
        Integer k = known.get(w);
        if (k != null) {
            return k;
        }
        int len = afterSpace(w);
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.put(w, len);
        return len;
    }
}
