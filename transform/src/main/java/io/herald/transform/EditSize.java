package io.herald.transform;

import io.herald.support.EditDistance;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** How much of a text an edit changed, as the share of words inserted or deleted (0 to 1). */
public final class EditSize {

    /** Beyond this many word pairs, compare word multisets instead of aligning (keeps huge posts cheap). */
    private static final long MAX_CELLS = 16_000_000L;

    private EditSize() {
    }

    public static double changedShare(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        int longest = Math.max(a.length, b.length);
        if (longest == 0) {
            return 0;
        }
        int common = (long) a.length * b.length <= MAX_CELLS ? lcs(a, b) : sharedWords(a, b);
        int changed = Math.max(a.length, b.length) - common;
        return changed / (double) longest;
    }

    private static String[] words(String s) {
        return s == null || s.isBlank() ? new String[0] : s.strip().split("\\s+");
    }

    private static int lcs(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (String x : a) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = x.equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            Arrays.fill(cur, 0);
        }
        return prev[b.length];
    }

    private static int sharedWords(String[] a, String[] b) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : a) {
            counts.merge(w, 1, Integer::sum);
        }
        int shared = 0;
        for (String w : b) {
            Integer n = counts.get(w);
            if (n != null && n > 0) {
                shared++;
                counts.put(w, n - 1);
            }
        }
        return shared;
    }

    /** At most this many words may be fixed in a typo-only edit. */
    static final int MAX_TYPO_WORDS = 3;

    /**
     * Whether an edit only fixes typos, however short the text: at most {@link #MAX_TYPO_WORDS} words
     * changed, each into a word at most two characters away (so "Por.t" to "Port" or "teh" to "the"),
     * no word added or removed, and no number touched (a changed number changes what the post says).
     */
    public static boolean onlyTypos(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        if (a.length != b.length) {
            return false;
        }
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            if (++changed > MAX_TYPO_WORDS || hasDigit(a[i]) || hasDigit(b[i]) || EditDistance.between(a[i], b[i]) > 2) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

}
