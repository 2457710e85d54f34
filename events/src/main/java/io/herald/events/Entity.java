package io.herald.events;

/**
 * A named thing a post mentions.
 *
 * @param name the name as the post writes it
 * @param type {@code organization}, {@code person}, {@code place} or {@code program}
 */
public record Entity(String name, String type) {
}
