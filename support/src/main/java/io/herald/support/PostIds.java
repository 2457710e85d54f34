package io.herald.support;

import java.text.Normalizer;

/**
 * Post ids and slugs in one Unicode form, NFC, wherever they come from: macOS file names and some
 * editors write Korean or accented letters decomposed (NFD), browsers send them composed, and the
 * two are different strings. Normalized at every door (ingest) and every lookup (the API, the pages),
 * so the same id always names the same post.
 */
public final class PostIds {

    private PostIds() {
    }

    public static String normalize(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * The text with the accents taken off Latin letters only ({@code é} is {@code e}), every other script
     * kept whole with its marks (Japanese voiced kana, Hindi vowel signs, Korean syllables), in NFC: how
     * both post slugs and tag slugs fold a name.
     */
    public static String foldLatinAccents(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD).codePoints()
                        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                        .forEach(folded::appendCodePoint);
            } else {
                folded.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }
}
