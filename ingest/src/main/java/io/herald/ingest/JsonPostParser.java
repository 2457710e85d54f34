package io.herald.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.events.QaPair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a post sent as JSON with the fields the README's "Sources and formats" names: {@code id?}, {@code title},
 * {@code author?}, {@code published?}, {@code url?}, {@code tags?}, {@code intro?},
 * {@code qa: [{question, answer}]}, {@code outro?}.
 */
public final class JsonPostParser {

    public ParsedPost parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw RejectedPost.badRequest("The body is not valid JSON: " + Json.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw RejectedPost.badRequest("The JSON body must be an object with at least a \"title\".");
        }
        List<QaPair> qa = new ArrayList<>();
        JsonNode pairs = root.path("qa");
        if (!pairs.isMissingNode() && !pairs.isNull() && !pairs.isArray()) {
            throw RejectedPost.badRequest("\"qa\" must be an array of {\"question\", \"answer\"} objects.");
        }
        for (JsonNode pair : pairs) {
            String question = text(pair, "question");
            if (question == null) {
                throw RejectedPost.badRequest("Every entry of \"qa\" needs a non-empty \"question\".");
            }
            String answer = text(pair, "answer");
            qa.add(new QaPair(question, answer == null ? "" : answer));
        }
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
                tags.add(t.asText().strip());
            }
        });
        StringBuilder all = new StringBuilder();
        for (String s : new String[] {text(root, "intro"), text(root, "outro")}) {
            if (s != null) {
                all.append(s).append('\n');
            }
        }
        qa.forEach(p -> all.append(p.answer()).append('\n'));
        return ParsedPost.builder().explicitId(text(root, "id")).title(text(root, "title")).author(text(root, "author"))
                .published(Dates.required("published", text(root, "published"))).url(text(root, "url")).tags(tags)
                .intro(text(root, "intro")).qa(qa).outro(text(root, "outro")).links(Links.find(all.toString())).build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.strip();
    }

}
