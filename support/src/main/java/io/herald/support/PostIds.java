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
}
