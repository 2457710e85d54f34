package io.herald.events;

/** One processing step that touched a post: its name and the version of its logic. */
public record Provenance(String step, String version) {
}
