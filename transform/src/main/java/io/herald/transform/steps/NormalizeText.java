package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import io.herald.transform.text.TextRepair;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.nodes.Document;

/**
 * Plain-text fields become clean plain text: no markup at all (a tag typed into a JSON title is
 * removed, its text kept), then {@link TextRepair}.
 */
public final class NormalizeText implements Step {

    // RE2J: a text of many "<" and no ">" made the JDK engine scan to the end from every "<" (quadratic).
    private static final com.google.re2j.Pattern TAG = com.google.re2j.Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");

    @Override
    public String name() {
        return "normalize-text";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft d) {
        d.title = plain(d.title);
        d.author = plain(d.author);
        d.intro = plain(d.intro);
        d.outro = plain(d.outro);
        d.qa.replaceAll(p -> new EnrichedQa(p.id(), plain(p.question()), plain(p.answer()), p.answerHtml()));
        d.qa.removeIf(p -> p.question() == null || p.question().isEmpty());
        d.tags.replaceAll(NormalizeText::plain);
    }

    /** Markup removed (text kept, paragraphs kept), entities decoded, then repaired. */
    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        // Repeat: decoding entities can reveal markup that was entity-encoded ("&lt;script&gt;").
        for (int round = 0; round < 4 && TAG.matcher(s).find(); round++) {
            StringBuilder out = new StringBuilder();
            for (String paragraph : s.split("\n\n")) {
                String cleaned = Jsoup.clean(paragraph.replace("\n", "\u2028"), "", Safelist.none(),
                        new Document.OutputSettings().prettyPrint(false));
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(Parser.unescapeEntities(cleaned, false).replace('\u2028', '\n'));
            }
            s = out.toString();
        }
        String repaired = TextRepair.repair(s);
        return repaired == null || repaired.isEmpty() ? null : repaired;
    }
}
