package io.herald.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Plain text as the blocks a reader sees in it, each with its role, so plain text is read by the same
 * general reading as HTML and Markdown (QaExtractor): paragraphs (lines up to a blank one), headings
 * (a line underlined or overlined with one repeated character, as reStructuredText and many README
 * files write them, or an Org outline's top level), numbered paragraphs at the left margin ({@code 1.}
 * a question that may wrap onto more lines), lists, and definition items (a line with indented lines
 * under it). Banner lines ({@code -----}, {@code =====}) are no text; Org drawers and keywords and
 * reStructuredText directives and comments are no text either.
 *
 * <p>One pass over the lines, each looked at a bounded number of times.
 */
final class TextBlocks {

    /** The attribute a numbered paragraph's block carries: its number. */
    static final String NUMBERED = "data-herald-numbered";

    /** The blocks, and the title the text gives itself (its first heading, or first meaningful line), if any. */
    record Read(String title, List<Element> blocks) {
    }

    private static final Pattern ADORNMENT = Pattern.compile("^([-=~^\"'`#*+_.:])\\1{2,}\\s*$");
    private static final Pattern NUMBERED_LINE = Pattern.compile("^(\\d{1,3})[.)]\\s+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*•+]\\s+(\\S.*)$");
    private static final Pattern ORG_HEADLINE = Pattern.compile("^(\\*+)\\s+(\\S.*)$");
    private static final Pattern ORG_LINK = Pattern.compile("\\[\\[([^\\[\\]]{0,2000})\\](?:\\[([^\\[\\]]{0,2000})\\])?\\]");

    private TextBlocks() {
    }

    static Read read(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        boolean org = lines.stream().anyMatch(l -> l.startsWith("#+") || l.startsWith("** ") || l.strip().equals(":PROPERTIES:"));
        List<Element> blocks = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        String title = null;
        List<String> paragraph = new ArrayList<>();
        boolean drawer = false;
        boolean directive = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (org) {
                if (stripped.equals(":PROPERTIES:") || stripped.equals(":LOGBOOK:")) {
                    drawer = true;
                    continue;
                }
                if (drawer) {
                    drawer = !stripped.equals(":END:");
                    continue;
                }
                if (line.startsWith("#+")) {
                    if (line.regionMatches(true, 0, "#+TITLE:", 0, 8) && title == null) {
                        title = line.substring(8).strip();
                    }
                    continue;
                }
                Matcher h = ORG_HEADLINE.matcher(line);
                if (h.matches()) {
                    flush(paragraph, blocks);
                    String words = orgText(h.group(2));
                    if (h.group(1).length() == 1) {
                        blocks.add(new Element("h2").text(words));
                    } else if (h.group(1).length() == 2) {
                        // The level under a headline is what it says, a paragraph each; deeper levels are its lists.
                        blocks.add(new Element("p").text(words));
                    } else {
                        Element last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
                        Element list = last != null && last.normalName().equals("ul") ? last : new Element("ul");
                        if (list != last) {
                            blocks.add(list);
                        }
                        list.appendChild(new Element("li").text(words));
                    }
                    continue;
                }
            }
            // reStructuredText: a directive or comment (".. code-block::", ".. _label:") is markup; its
            // indented body stays text (code is part of an answer).
            if (line.startsWith(".. ") || line.equals("..")) {
                flush(paragraph, blocks);
                directive = true;
                continue;
            }
            if (directive && (stripped.isEmpty() || Character.isWhitespace(line.charAt(0)))) {
                directive = !stripped.isEmpty() || i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                        && Character.isWhitespace(lines.get(i + 1).charAt(0));
                if (stripped.isEmpty()) {
                    flush(paragraph, blocks);
                    continue;
                }
            } else {
                directive = false;
            }
            Matcher adornment = ADORNMENT.matcher(line);
            if (adornment.matches()) {
                // An underline makes the line above it a heading; an overline and underline, a heading of its own style.
                String over = i >= 2 && ADORNMENT.matcher(lines.get(i - 2)).matches() && paragraph.size() == 1 ? "o" : "";
                if (paragraph.size() == 1 && !paragraph.get(0).isBlank()) {
                    String style = over + adornment.group(1);
                    int level = levels.computeIfAbsent(style, s -> Math.min(6, levels.size() + 1));
                    String words = paragraph.get(0).strip().replaceFirst("^[-*•]\\s+", "");
                    paragraph.clear();
                    blocks.add(new Element("h" + level).text(words));
                } else {
                    flush(paragraph, blocks);
                }
                continue;
            }
            if (stripped.isEmpty()) {
                flush(paragraph, blocks);
                continue;
            }
            paragraph.add(line);
        }
        flush(paragraph, blocks);
        blocks.removeIf(b -> b.text().isBlank());
        attachDefinitions(blocks);

        if (title == null) {
            for (Element b : blocks) {
                if (QaExtractor.role(b) > 0 && QaExtractor.role(b) <= 6 && !Cues.of(b.text()).asks()) {
                    title = b.text();
                    blocks.remove(b);
                    break;
                }
                if (b.normalName().equals("p") && !b.hasAttr(NUMBERED) && b.text().length() <= 200 && !Cues.of(b.text()).asks()
                        && !Labels.isQuestion(b.text())) {
                    title = b.text();
                    blocks.remove(b);
                }
                break;
            }
        }
        return new Read(title, blocks);
    }

    private static String orgText(String s) {
        String t = ORG_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : m.group(1)));
        t = t.strip();
        // *bold*, /italic/, ~code~, =verbatim= around the whole headline
        while (t.length() >= 2 && "*/~=_+".indexOf(t.charAt(0)) >= 0 && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** One paragraph's lines as blocks: a list, a numbered question and its rest, a definition item, or a paragraph. */
    private static void flush(List<String> lines, List<Element> blocks) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> copy = List.copyOf(lines);
        lines.clear();
        String first = copy.get(0);
        if (copy.stream().allMatch(l -> BULLET.matcher(l).matches())) {
            Element ul = new Element("ul");
            copy.forEach(l -> {
                Matcher m = BULLET.matcher(l);
                m.matches();
                ul.appendChild(new Element("li").text(m.group(1)));
            });
            blocks.add(ul);
            return;
        }
        Matcher numbered = NUMBERED_LINE.matcher(first);
        if (indent(first) == 0 && numbered.matches()) {
            if (copy.size() > 1 && copy.stream().allMatch(l -> NUMBERED_LINE.matcher(l.strip()).matches())) {
                Element ol = new Element("ol");
                copy.forEach(l -> {
                    Matcher m = NUMBERED_LINE.matcher(l.strip());
                    m.matches();
                    ol.appendChild(new Element("li").text(m.group(2)));
                });
                blocks.add(ol);
                return;
            }
            // The question runs until a line that ends it (a question mark) or an answer's label.
            int end = copy.size();
            for (int i = 0; i < copy.size(); i++) {
                if (i > 0 && Labels.isAnswer(copy.get(i).strip())) {
                    end = i;
                    break;
                }
                if (Cues.of(i == 0 ? numbered.group(2) : copy.get(i)) == Cues.Cue.STRONG && !Labels.isQuestion(copy.get(i).strip())) {
                    end = i + 1;
                    break;
                }
            }
            StringBuilder question = new StringBuilder(numbered.group(2).strip());
            for (int i = 1; i < end; i++) {
                question.append(' ').append(copy.get(i).strip());
            }
            blocks.add(new Element("p").attr(NUMBERED, numbered.group(1)).text(question.toString()));
            if (end < copy.size()) {
                paragraphs(copy.subList(end, copy.size()), blocks);
            }
            return;
        }
        if (copy.size() > 1 && indent(first) == 0 && indent(copy.get(1)) > 0 && !Labels.isQuestion(first.strip())
                && !BULLET.matcher(first).matches()) {
            // A definition item: the term, then its indented definition.
            Element dl = new Element("dl");
            dl.appendChild(new Element("dt").text(first.strip()));
            Element dd = new Element("dd");
            paragraphs(copy.subList(1, copy.size()), new ListAppender(dd));
            dl.appendChild(dd);
            blocks.add(dl);
            return;
        }
        int before = blocks.size();
        paragraphs(copy, blocks);
        if (indent(first) > 0) {
            for (int i = before; i < blocks.size(); i++) {
                blocks.get(i).attr("data-indented", "");
            }
        }
    }

    /** Lines as one paragraph, or one per line where lines after the first carry labels ("Q: ...", "A: ..."). */
    private static void paragraphs(List<String> lines, List<Element> into) {
        boolean labelled = lines.stream().skip(1).anyMatch(l -> Labels.isQuestion(l.strip()) || Labels.isAnswer(l.strip()));
        if (labelled) {
            StringBuilder line = null;
            for (String l : lines) {
                if (line == null || Labels.isQuestion(l.strip()) || Labels.isAnswer(l.strip())) {
                    if (line != null) {
                        into.add(new Element("p").text(line.toString()));
                    }
                    line = new StringBuilder(l.strip());
                } else {
                    line.append(' ').append(l.strip());
                }
            }
            into.add(new Element("p").text(line.toString()));
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            text.append(text.isEmpty() ? "" : " ").append(l.strip());
        }
        into.add(new Element("p").text(text.toString()));
    }

    /** Indented paragraphs after a definition item continue its definition; items in a row make one list. */
    private static void attachDefinitions(List<Element> blocks) {
        List<Element> out = new ArrayList<>();
        Element dl = null;
        for (Element b : blocks) {
            if (b.normalName().equals("dl")) {
                if (dl != null) {
                    for (Element c : new ArrayList<>(b.children())) {
                        dl.appendChild(c);
                    }
                    continue;
                }
                dl = b;
                out.add(b);
            } else if (dl != null && b.hasAttr("data-indented")) {
                dl.children().last().appendChild(b);
            } else {
                dl = null;
                out.add(b);
            }
        }
        blocks.clear();
        blocks.addAll(out);
        blocks.forEach(b -> b.select("[data-indented]").removeAttr("data-indented"));
    }

    /** A list that appends to an element's children. */
    private static final class ListAppender extends ArrayList<Element> {
        private final Element parent;

        ListAppender(Element parent) {
            this.parent = parent;
        }

        @Override
        public boolean add(Element e) {
            parent.appendChild(e);
            return true;
        }
    }
}
