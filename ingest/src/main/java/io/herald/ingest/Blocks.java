package io.herald.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Flattens an article's DOM into the sequence of blocks a reader sees (paragraphs, headings,
 * lists, tables, quotes), looking through wrapper {@code div}s and {@code section}s. A paragraph
 * that holds several labelled lines separated by {@code <br>} ("Q: ...<br>A: ...") is split into
 * one block per line, as the writer meant it.
 */
final class Blocks {

    static final Set<String> LEAVES = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "pre",
            "blockquote", "table", "figure", "iframe", "video", "img", "hr");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "body",
            "span", "center", "details", "summary");
    /** Containers that are blocks of their own even with only inline content in them ({@code <div class="question">Q?</div>}). */
    private static final Set<String> BLOCK_CONTAINERS = Set.of("div", "section", "article", "main", "header", "center",
            "details", "summary");

    private Blocks() {
    }

    static List<Element> of(Element root) {
        List<Element> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Element parent, List<Element> out) {
        Element loose = null;
        for (Node node : new ArrayList<>(parent.childNodes())) {
            if (node instanceof Element e && (LEAVES.contains(e.normalName()) || CONTAINERS.contains(e.normalName())
                    && hasBlockChild(e))) {
                loose = null;
                if (LEAVES.contains(e.normalName())) {
                    if (e.normalName().equals("p")) {
                        out.addAll(splitAtBreaks(e));
                    } else if (!e.normalName().equals("hr") && (hasText(e) || isMedia(e))) {
                        out.add(e);
                    }
                } else {
                    collect(e, out);
                }
            } else if (node instanceof Element e && e.normalName().equals("br")) {
                loose = null;
            } else if (node instanceof Element e && BLOCK_CONTAINERS.contains(e.normalName()) && hasText(e)) {
                // <div class="question">Question 1: ...</div><div class="answer">Answer: ...</div>: two blocks, not one.
                loose = null;
                Element p = new Element("p");
                e.childNodes().forEach(c -> p.appendChild(c.clone()));
                if (e.hasAttr(QuestionMarkup.ATTRIBUTE)) {
                    p.attr(QuestionMarkup.ATTRIBUTE, "");
                }
                out.addAll(splitAtBreaks(p));
            } else if (node instanceof TextNode t && t.isBlank()) {
                continue;
            } else {
                // Inline content straight inside a container, e.g. <div>Some text <b>bold</b></div>: a paragraph.
                if (loose == null) {
                    loose = new Element("p");
                    out.add(loose);
                }
                loose.appendChild(node.clone());
            }
        }
        out.removeIf(e -> !hasText(e) && !isMedia(e));
    }

    private static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) {
            if (LEAVES.contains(child.normalName()) || CONTAINERS.contains(child.normalName()) && hasBlockChild(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A paragraph as its lines when they are labelled pairs: lines end at {@code <br>} and at the
     * line breaks of the source (Markdown's soft breaks: "Q: ...\nA: ..." with no blank line between
     * is one paragraph in Markdown, and "问：...\n答：..." is how such lists are often written).
     */
    private static List<Element> splitAtBreaks(Element p) {
        if (p.select("br").isEmpty() && !p.wholeOwnText().contains("\n")) {
            return List.of(p);
        }
        List<Element> lines = new ArrayList<>();
        Element line = new Element("p");
        for (Node child : p.childNodes()) {
            if (child instanceof Element e && e.normalName().equals("br")) {
                lines.add(line);
                line = new Element("p");
            } else if (child instanceof TextNode t && t.getWholeText().indexOf('\n') >= 0) {
                String[] parts = t.getWholeText().split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        lines.add(line);
                        line = new Element("p");
                    }
                    if (!parts[i].isEmpty()) {
                        line.appendChild(new TextNode(parts[i]));
                    }
                }
            } else {
                line.appendChild(child.clone());
            }
        }
        lines.add(line);
        lines.removeIf(l -> !hasText(l));
        boolean labelled = lines.stream().skip(1).anyMatch(l -> Labels.isQuestion(l.text()) || Labels.isAnswer(l.text()));
        return labelled ? lines : List.of(p);
    }

    private static boolean hasText(Element e) {
        return !e.text().isBlank();
    }

    private static boolean isMedia(Element e) {
        return Set.of("img", "iframe", "video", "figure").contains(e.normalName()) || !e.select("img, iframe, video").isEmpty();
    }

    /** A block as plain text: list items each on a line of their own, starting "- " (or "1. "). */
    static String text(Element block) {
        switch (block.normalName()) {
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element li : block.children()) {
                    if (li.normalName().equals("li")) {
                        items.add((block.normalName().equals("ol") ? (n++) + ". " : "- ") + li.text());
                    }
                }
                return String.join("\n", items);
            }
            case "pre" -> {
                return block.wholeText().strip();
            }
            default -> {
                return block.text().strip();
            }
        }
    }

    static String textOfHtml(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        List<String> parts = new ArrayList<>();
        for (Element b : of(body)) {
            parts.add(text(b));
        }
        return String.join("\n\n", parts).strip();
    }
}
