package io.herald.ingest;

import java.util.ArrayList;
import org.jsoup.nodes.Element;

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
            "button[aria-expanded]", "[role=button][aria-expanded]");

    private QuestionMarkup() {
    }

    static void mark(Element root) {
        for (Element e : new ArrayList<>(root.select(SELECTOR))) {
            if (e.parent() == null || e.closest("[" + ATTRIBUTE + "]") != null || e.text().isBlank()) {
                continue;
            }
            // The toggle's own text only: an icon or "expand" label inside it is not the question.
            Element question = new Element("h6").attr(ATTRIBUTE, "");
            question.text(e.text().strip());
            // A toggle inside a heading (<h3><button>Q?</button></h3>) replaces the heading.
            Element target = e.parent() != null && e.parent().normalName().matches("h[1-6]") && e.parent().text().strip()
                    .equals(e.text().strip()) ? e.parent() : e;
            target.replaceWith(question);
        }
    }
}
