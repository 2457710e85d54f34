package io.herald.publish.feeds;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A tag as it appears in a URL: lower case, words joined by hyphens, accents folded off Latin letters
 * ("Économie circulaire" is {@code economie-circulaire}); other scripts are kept as they are
 * ("城市规划" stays, Hindi keeps its vowel signs).
 */
public final class TagSlug {

    private TagSlug() {
    }

    /** Tags recur on post after post: each is folded once (bounded, in case of a flood of distinct tags). */
    private static final java.util.Map<String, String> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    public static String of(String tag) {
        String known = KNOWN.get(tag);
        if (known != null) {
            return known;
        }
        String slug = fold(tag);
        if (KNOWN.size() < 100_000) {
            KNOWN.put(tag, slug);
        }
        return slug;
    }

    private static String fold(String tag) {
        StringBuilder folded = new StringBuilder();
        tag.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD).codePoints()
                        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                        .forEach(folded::appendCodePoint);
            } else {
                folded.appendCodePoint(cp);
            }
        });
        String slug = folded.toString().replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "tag" : slug;
    }
}
