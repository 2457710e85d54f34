package io.herald.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import java.util.regex.Pattern;

/**
 * A table of contents: a list whose items are links to places on the same page, or whose items say
 * again what later blocks of the document say (the questions, listed before they are asked and
 * answered). It is a way through the document, not part of it, so its items are not questions and it
 * is no intro. A list of questions that are not asked again later (questions a page declines to
 * answer, links to answers elsewhere) is kept as it is.
 */
final class Contents {

    private static final Pattern NUMBERING = Pattern.compile("^\\d{1,3}[.)]\\s*");
    private static final Pattern NOT_WORDS = Pattern.compile("[\\s\\p{Punct}？؟。、！：]+");

    private Contents() {
    }

    static List<Element> withoutContents(List<Element> blocks) {
        // Where each text is said last (a block's text, and its label-free form), so a list can ask whether
        // its items are said again after it. One pass to learn it, one to use it.
        Map<String, Integer> lastSaid = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            if (!isList(b)) {
                lastSaid.put(key(b.text()), i);
                int at = i;
                Labels.question(b.text()).ifPresent(q -> lastSaid.put(key(q), at));
            }
        }
        List<Element> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            if (isList(b) && isContents(b, i, lastSaid)) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static boolean isList(Element b) {
        return b.normalName().equals("ul") || b.normalName().equals("ol");
    }

    private static boolean isContents(Element list, int at, Map<String, Integer> lastSaid) {
        List<Element> items = list.children().stream().filter(c -> c.normalName().equals("li")).toList();
        if (items.size() < 2) {
            return false;
        }
        int anchors = 0;
        int repeated = 0;
        for (Element li : items) {
            Element link = li.selectFirst("a[href^=#]");
            String own = ownText(li);
            if (link != null && key(link.text()).equals(key(own))) {
                anchors++;
            }
            String k = key(own);
            if (!k.isEmpty() && lastSaid.getOrDefault(k, -1) > at) {
                repeated++;
            }
        }
        return anchors * 10 >= items.size() * 8 || repeated >= 2 && repeated * 10 >= items.size() * 6;
    }

    /** An item's own text, without the list nested in it. */
    private static String ownText(Element li) {
        Element copy = li.clone();
        copy.select("ul, ol").remove();
        return copy.text();
    }

    /** Text as compared: no numbering, case, spacing, punctuation or Markdown anchor. */
    static String key(String text) {
        String t = NUMBERING.matcher(Cues.withoutAttribute(text).strip()).replaceFirst("");
        return NOT_WORDS.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
