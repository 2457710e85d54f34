package io.herald.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * YAML front matter at the top of a Markdown post, in the subset people write there: {@code key:
 * value} lines, quoted or not, and lists either inline ({@code [a, b]}) or as {@code - item} lines.
 * Anything fancier is read as plain text rather than refused.
 */
final class FrontMatter {

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
        Map<String, Object> fields = new LinkedHashMap<>();
        String listKey = null;
        for (String line : lines.subList(1, end)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String s = line.strip();
            if (s.startsWith("- ") && listKey != null) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) fields.computeIfAbsent(listKey, k -> new ArrayList<String>());
                list.add(unquote(s.substring(2)));
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = s.substring(colon + 1).strip();
            if (value.isEmpty()) {
                listKey = key;
                fields.put(key, new ArrayList<String>());
            } else if (value.startsWith("[") && value.endsWith("]")) {
                List<String> items = new ArrayList<>();
                for (String item : value.substring(1, value.length() - 1).split(",")) {
                    if (!item.isBlank()) {
                        items.add(unquote(item.strip()));
                    }
                }
                fields.put(key, items);
                listKey = null;
            } else {
                fields.put(key, unquote(value));
                listKey = null;
            }
        }
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        return new Split(fields, body);
    }

    private static String unquote(String s) {
        String v = s.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("''", "'");
        }
        return v;
    }
}
