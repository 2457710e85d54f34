package io.herald.events;

/**
 * One Q&amp;A pair of an enriched post.
 *
 * @param id         stable within the post, usable as an anchor slug
 * @param question   plain text
 * @param answer     plain text
 * @param answerHtml the answer as sanitized HTML
 */
public record EnrichedQa(String id, String question, String answer, String answerHtml) {
}
