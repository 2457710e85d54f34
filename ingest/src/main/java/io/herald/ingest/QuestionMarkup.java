package io.herald.ingest;

import java.util.ArrayList;
import org.jsoup.nodes.Element;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Questions given away by their markup's role rather than their words: the {@code <summary>} of a
 * {@code <details>} disclosure, the toggle of an accordion (a button or heading that expands a panel),
 * and the question elements the common FAQ blocks write into post content (WordPress Yoast and Rank
 * Math, Ghost's toggle card, Bootstrap and Elementor accordions). Each becomes a question block
 * ({@code <h6 data-herald-question>}) before the page's chrome (buttons among it) is removed, so the
 * question-heading reading finds it, and its panel's blocks become the answer.
 */
final class QuestionMarkup {

    static final String ATTRIBUTE = "data-herald-question";

    private static final String SELECTOR = String.join(", ",
            "details > summary",
            ".schema-faq-question", ".rank-math-question", ".kg-toggle-heading-text",
            ".accordion-button", ".accordion-title", ".elementor-tab-title", ".elementor-toggle-title", ".toggle-title",
            ".faq-question", ".faq__question", ".wp-block-yoast-faq-block strong",
            "button[aria-expanded]", "[role=button][aria-expanded]",
            // a class that names the question: "question", "faq-question", "qa__question", "faq-item-question"
            "[class~=(?i)(^|\\s)([\\w-]*[-_])?question(\\s|$)]");


    private QuestionMarkup() {
    }

    /** A table's header cells that say which column holds the questions and which the answers. */
    private static final Pattern QUESTION_HEADER = Pattern.compile(
            "(?iu)^(q|questions?|vraag|vragen|frage|fragen|pregunta|preguntas|问题|問題|質問|질문)$");
    private static final Pattern ANSWER_HEADER = Pattern.compile(
            "(?iu)^(a|answers?|antwoord|antwoorden|antwort|antworten|réponse|réponses|respuesta|respuestas|答案|回答|답변)$");

    static void mark(Element root) {
        checkboxToggles(root);
        questionLists(root);
        questionTables(root);
        for (Element e : new ArrayList<>(root.select(SELECTOR))) {
            if (e.parent() == null || e.closest("[" + ATTRIBUTE + "]") != null || e.text().isBlank()) {
                continue;
            }
            // A container named for its question that holds the answer too is the whole item, not the question.
            if (!e.select("[class~=(?i)answer], [itemprop=acceptedAnswer]").isEmpty()) {
                continue;
            }
            // The toggle's own text only: an icon or "expand" label inside it is not the question.
            String text = withoutIcons(e.text());
            if (text.isBlank()) {
                continue;
            }
            Element question = new Element("h6").attr(ATTRIBUTE, "");
            question.text(text);
            // A toggle inside a heading (<h3><button>Q?</button></h3>) replaces the heading.
            Element target = e.parent() != null && e.parent().normalName().matches("h[1-6]") && e.parent().text().strip()
                    .equals(e.text().strip()) ? e.parent() : e;
            target.replaceWith(question);
        }
    }

    /** A toggle's text without what it shows beside its question: "+", "−", "—", "▸", "›" (symbols and dashes). */
    static String withoutIcons(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isIcon(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isIcon(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isIcon(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL
                || type == Character.DASH_PUNCTUATION;
    }

    /**
     * A CSS-only accordion: a checkbox (or radio button) whose label is the question and whose
     * following panel opens when it is checked. The label becomes the question; the panel stays as it is.
     */
    private static void checkboxToggles(Element root) {
        Map<String, Element> toggles = new HashMap<>();
        for (Element input : root.select("input[type~=(?i)^(checkbox|radio)$][id]")) {
            toggles.putIfAbsent(input.id(), input);
        }
        for (Element label : new ArrayList<>(root.select("label"))) {
            String target = label.attr("for");
            Element input = target.isEmpty() ? label.previousElementSibling() : toggles.get(target);
            if (input == null || !input.normalName().equals("input") || !input.attr("type").matches("(?i)checkbox|radio")
                    || label.text().isBlank() || label.closest("[" + ATTRIBUTE + "]") != null) {
                continue;
            }
            label.replaceWith(new Element("h6").attr(ATTRIBUTE, "").text(label.text().strip()));
        }
    }

    /**
     * A list whose every item starts with a question ({@code 1. **Is it free?** Yes...}, or a first
     * paragraph ending in "?") is a list of pairs: each item becomes its question and the rest of the item.
     */
    private static void questionLists(Element root) {
        for (Element list : new ArrayList<>(root.select("ol, ul"))) {
            var items = list.children().stream().filter(c -> c.normalName().equals("li")).toList();
            if (items.size() < 2 || list.parent() == null || !items.stream().allMatch(li -> lead(li) != null)) {
                continue;
            }
            Element replacement = new Element("div");
            for (Element li : items) {
                Element lead = lead(li);
                String question = lead.text().strip().replaceFirst("^\\d{1,3}[.)]\\s*", "");
                replacement.appendChild(new Element("h6").attr(ATTRIBUTE, "").text(question));
                Element rest = new Element("div");
                boolean after = false;
                for (var node : new ArrayList<>(li.childNodes())) {
                    if (node == lead) {
                        after = true;
                    } else if (after) {
                        rest.appendChild(node.clone());
                    }
                }
                if (rest.select("p, ul, ol, pre, blockquote, table").isEmpty() && !rest.text().isBlank()) {
                    Element p = new Element("p");
                    rest.childNodes().forEach(n -> p.appendChild(n.clone()));
                    rest = new Element("div").appendChild(p);
                }
                replacement.appendChild(rest);
            }
            list.replaceWith(replacement);
        }
    }

    /** The element an item's question is in: a leading bold run or first paragraph ending in "?"; else null. */
    private static Element lead(Element li) {
        Element first = li.children().isEmpty() ? null : li.child(0);
        if (first == null || !li.ownText().isBlank() && li.textNodes().stream().findFirst()
                .map(t -> li.childNodes().indexOf(t) < li.childNodes().indexOf(first) && !t.isBlank()).orElse(false)) {
            return null;
        }
        boolean bold = first.normalName().matches("strong|b") || first.normalName().equals("p") && first.children().size() == 1
                && first.child(0).normalName().matches("strong|b") && first.child(0).text().strip().equals(first.text().strip());
        boolean paragraph = first.normalName().equals("p") && li.children().size() > 1;
        String text = first.text().strip();
        return (bold || paragraph) && text.endsWith("?") && text.length() <= 400 ? first : null;
    }

    /** A two-column table whose header says question and answer, or whose first column asks: one pair per row. */
    private static void questionTables(Element root) {
        for (Element table : new ArrayList<>(root.select("table"))) {
            var rows = table.select("tr");
            if (rows.size() < 2 || table.parent() == null || rows.stream().anyMatch(r -> r.children().size() != 2)) {
                continue;
            }
            var header = rows.get(0);
            boolean labelled = QUESTION_HEADER.matcher(header.child(0).text().strip()).matches()
                    && ANSWER_HEADER.matcher(header.child(1).text().strip()).matches();
            var body = labelled ? rows.subList(1, rows.size()) : rows;
            if (!labelled && !body.stream().allMatch(r -> r.child(0).text().strip().endsWith("?"))) {
                continue;
            }
            Element replacement = new Element("div");
            for (Element row : body) {
                replacement.appendChild(new Element("h6").attr(ATTRIBUTE, "").text(row.child(0).text().strip()));
                Element answer = new Element("div");
                Element cell = row.child(1);
                if (cell.select("p, ul, ol").isEmpty()) {
                    Element p = new Element("p");
                    cell.childNodes().forEach(n -> p.appendChild(n.clone()));
                    answer.appendChild(p);
                } else {
                    cell.childNodes().forEach(n -> answer.appendChild(n.clone()));
                }
                replacement.appendChild(answer);
            }
            table.replaceWith(replacement);
        }
    }
}
