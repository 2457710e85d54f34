package io.herald.events;

/**
 * One question and its answer as the parser found them.
 *
 * @param question   plain text
 * @param answer     plain text; paragraphs separated by blank lines, list items on lines of their own
 * @param answerHtml the answer's markup as it came (unsanitized; transform sanitizes it), or {@code null}
 *                   for plain-text sources
 */
public record QaPair(String question, String answer, String answerHtml) {

    public QaPair(String question, String answer) {
        this(question, answer, null);
    }
}
