package io.herald.publish.feeds;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.Html;

/** The HTML body of a post as readers see it in a feed: intro, each question with its answer, outro. */
public final class QaHtml {

    private QaHtml() {
    }

    public static String render(EnrichedPost post) {
        StringBuilder html = new StringBuilder();
        paragraphs(html, post.intro());
        for (EnrichedQa pair : post.qa()) {
            html.append("<h3 id=\"").append(Html.escape(pair.id() == null ? "" : pair.id())).append("\">")
                    .append(Html.escape(pair.question())).append("</h3>\n");
            if (pair.answerHtml() != null) {
                html.append(pair.answerHtml()).append('\n');
            } else {
                paragraphs(html, pair.answer());
            }
        }
        paragraphs(html, post.outro());
        return html.toString();
    }

    /** One pair's answer as HTML, for the Q&amp;A feed. */
    public static String answer(EnrichedQa pair) {
        if (pair.answerHtml() != null) {
            return pair.answerHtml();
        }
        StringBuilder html = new StringBuilder();
        paragraphs(html, pair.answer());
        return html.toString();
    }

    private static void paragraphs(StringBuilder html, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String p : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(Html.escape(p.strip())).append("</p>\n");
        }
    }
}
