package io.herald.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * A table of contents: a list whose items are links to places on the same page, or whose items say
 * again what later blocks of the document say (the questions, listed before they are asked and
 * answered). It is a way through the document, not part of it, so its items are not questions and it
 * is no intro. A list of questions that are not asked again later (questions a page declines to
 * answer, links to answers elsewhere) is kept as it is.
 */
final class Contents {

    private Contents() {
    }

    static List<Element> withoutContents(List<Element> blocks) {
        List<Element> out = new ArrayList<>(blocks.size());
        Set<String> later = new HashSet<>();
        // Each block's text, and its label-free form, as later blocks say them (read from the end).
        List<Set<String>> seenAfter = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            seenAfter.add(0, Set.copyOf(later));
            Element b = blocks.get(i);
            if (!isList(b)) {
                later.add(key(b.text()));
                Labels.question(b.text()).ifPresent(q -> later.add(key(q)));
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            if (isList(b) && isContents(b, seenAfter.get(i))) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static boolean isList(Element b) {
        return b.normalName().equals("ul") || b.normalName().equals("ol");
    }

    private static boolean isContents(Element list, Set<String> later) {
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
            if (!key(own).isEmpty() && later.contains(key(own))) {
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
        String t = Cues.withoutAttribute(text).strip().replaceFirst("^\\d{1,3}[.)]\\s*", "");
        return t.replaceAll("[\\s\\p{Punct}？؟。、！：]+", "").toLowerCase(Locale.ROOT);
    }
}
