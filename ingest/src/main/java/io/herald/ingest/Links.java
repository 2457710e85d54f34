package io.herald.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.herald.support.TextScan;

/** Finds links in running text: full URLs and the bare {@code www.} kind people type. */
final class Links {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");
    // Sentence punctuation right after a link belongs to the sentence, not the link.
    private static final String TRAILING = ".,;:!?’”";

    private Links() {
    }

    static List<String> find(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String link = TextScan.stripTrailing(m.group(), TRAILING);
            if (link.regionMatches(true, 0, "www.", 0, 4)) {
                link = "https://" + link;
            }
            found.add(link);
        }
        return List.copyOf(found);
    }
}
