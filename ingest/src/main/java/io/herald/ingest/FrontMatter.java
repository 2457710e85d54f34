package io.herald.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.herald.events.Json;
import java.io.IOException;

/**
 * YAML front matter at the top of a Markdown post, read with a YAML library (jackson-dataformat-yaml,
 * whose SnakeYAML refuses alias bombs): {@code key: value} lines, quoted or not, lists inline
 * ({@code [a, b]}) or as {@code - item} lines, any other YAML too. Malformed YAML is a 400 that names
 * the line.
 */
final class FrontMatter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The fields (a value is a {@code String} or a {@code List<String>}) and the Markdown after them. */
    record Split(Map<String, Object> fields, String body) {

        String string(String... keys) {
            for (String key : keys) {
                Object v = fields.get(key);
                if (v instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
            return null;
        }

        List<String> list(String... keys) {
            for (String key : keys) {
                Object v = fields.get(key);
                if (v instanceof List<?> l) {
                    return l.stream().map(String::valueOf).toList();
                }
                if (v instanceof String s && !s.isBlank()) {
                    return List.of(s.split("\\s*,\\s*"));
                }
            }
            return List.of();
        }
    }

    private FrontMatter() {
    }

    static Split split(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.startsWith("{")) {
            // Hugo's JSON front matter: one JSON object, then the body. (YAML reads JSON, so the fields read alike.)
            try (var parser = Json.mapper().createParser(t)) {
                JsonNode node = Json.mapper().readTree(parser);
                if (node != null && node.isObject()) {
                    int end = (int) parser.currentLocation().getCharOffset();
                    return new Split(fields(t.substring(0, end)), t.substring(end));
                }
            } catch (IOException e) {
                // Not JSON: a body that starts with a brace.
            }
        }
        List<String> lines = t.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new Split(Map.of(), t);
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return new Split(Map.of(), t);
        }
        String yaml = String.join("\n", lines.subList(1, end));
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        return new Split(fields(yaml), body);
    }

    /** The front matter's top-level keys (lower case) with a text or a list of texts each; nested maps are ignored. */
    private static Map<String, Object> fields(String yaml) {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            // The front matter starts on the file's second line, after the opening "---".
            String line = where == null || where.getLineNr() < 1 ? "" : " at line " + (where.getLineNr() + 1);
            throw RejectedPost.badRequest("The front matter is not valid YAML" + line + ": " + e.getOriginalMessage());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (root == null || root.isNull()) {
            return fields;
        }
        if (!root.isObject()) {
            throw RejectedPost.badRequest("The front matter must be \"key: value\" lines, not a " + root.getNodeType()
                    .toString().toLowerCase(Locale.ROOT) + ".");
        }
        root.fields().forEachRemaining(field -> {
            String key = field.getKey().strip().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> {
                    if (item.isValueNode() && !item.isNull()) {
                        items.add(item.asText().strip());
                    }
                });
                fields.put(key, items);
            } else if (value.isValueNode() && !value.isNull()) {
                fields.put(key, value.asText().strip());
            }
        });
        return fields;
    }
}
