package io.herald.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import io.herald.publish.Release;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A marketer's decision about when a post, its newsletter and its snippets go out, as {@code POST
 * /api/posts/{id}/schedule} sends it: {@code {"approved"?, "publishAt"?, "newsletter"?, "snippets"?}},
 * where {@code publishAt} is a time or {@code "now"}, and {@code newsletter} and {@code snippets} are
 * {@code "with-post"}, {@code "held"} or a time. What is not named stays as decided before.
 */
final class ScheduleDecision {

    static final int MAX_BODY = 4 * 1024;

    private ScheduleDecision() {
    }

    /** The decision that replaces {@code before}, or why not. */
    static PostControls read(EnrichedPost post, boolean isPublic, PostControls before, byte[] body, Instant now) throws TagDecision.Refused {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            throw new TagDecision.Refused(400, "No schedule", "Send {\"approved\": true, \"publishAt\": \"2026-12-24T09:00:00Z\" or "
                    + "\"now\", \"newsletter\": \"with-post\", \"held\" or a time, \"snippets\": the same} (any of them).");
        }
        JsonNode asked;
        try {
            asked = Json.read(body, JsonNode.class);
        } catch (IllegalArgumentException e) {
            throw new TagDecision.Refused(400, "Not a schedule", e.getMessage().replaceFirst("^not a readable JsonNode: ", ""));
        }
        if (!asked.isObject()) {
            throw new TagDecision.Refused(400, "Not a schedule", "Send a JSON object.");
        }
        boolean approved = before.approved();
        Instant publishAt = before.publishAt();
        if (asked.has("approved") || asked.has("publishAt")) {
            if (isPublic) {
                throw new TagDecision.Refused(409, "Already published", "\"" + post.id() + "\" is public already: it cannot be "
                        + "held for approval or scheduled again (delete it to take it out of view).");
            }
            if (asked.has("approved")) {
                if (!asked.get("approved").isBoolean()) {
                    throw new TagDecision.Refused(400, "Not a schedule", "approved is true or false.");
                }
                approved = asked.get("approved").asBoolean();
            }
            if (asked.has("publishAt")) {
                publishAt = "now".equals(asked.get("publishAt").asText()) ? now : time(asked.get("publishAt"), "publishAt");
            }
        }
        Map.Entry<String, Instant> newsletter = plan(asked, "newsletter", before.newsletter(), before.newsletterAt(), post, isPublic);
        Map.Entry<String, Instant> snippets = plan(asked, "snippets", before.snippets(), before.snippetsAt(), post, isPublic);
        return before.withSchedule(approved, publishAt, newsletter.getKey(), newsletter.getValue(), snippets.getKey(),
                snippets.getValue(), now);
    }

    private static Map.Entry<String, Instant> plan(JsonNode asked, String field, String plan, Instant at, EnrichedPost post,
                                                   boolean isPublic) throws TagDecision.Refused {
        if (!asked.has(field)) {
            return new java.util.AbstractMap.SimpleEntry<>(plan, at);
        }
        if (isPublic && !Release.deferred(post)) {
            throw new TagDecision.Refused(409, "Already sent with the post", "\"" + post.id() + "\" was published as it arrived, "
                    + "so its " + field + " went out with it; a plan applies to posts published later (scheduled or approved).");
        }
        String text = asked.get(field).asText();
        if (PostControls.WITH_POST.equals(text) || PostControls.HELD.equals(text)) {
            return new java.util.AbstractMap.SimpleEntry<>(text, null);
        }
        return new java.util.AbstractMap.SimpleEntry<>(PostControls.AT, time(asked.get(field), field));
    }

    private static Instant time(JsonNode node, String field) throws TagDecision.Refused {
        if (node.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TagDecision.Refused(400, "Not a time", field + " is \"with-post\", \"held\" or a time as ISO 8601 with an "
                    + "offset, such as 2026-12-24T09:00:00Z; not \"" + node.asText() + "\".");
        }
    }
}
