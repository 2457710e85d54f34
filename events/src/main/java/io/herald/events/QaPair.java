package io.herald.events;

/** One question and its answer as the parser found them, in plain text. */
public record QaPair(String question, String answer) {
}
