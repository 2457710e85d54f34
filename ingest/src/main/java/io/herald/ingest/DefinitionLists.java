package io.herald.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Definition lists as PHP Markdown Extra, Pandoc, kramdown and Python-Markdown write them, which
 * CommonMark does not know:
 * <pre>
 * What is it?
 *
 * :   An installer.
 *
 *     More about it, indented.
 * </pre>
 * Each becomes {@code <dl><dt>term</dt><dd>} and {@code </dd></dl>} HTML blocks around the definition's
 * own Markdown (un-indented), so CommonMark renders the definition as Markdown and the reading sees a
 * definition list. Lines inside fenced code blocks are never taken for terms. One pass over the lines.
 */
final class DefinitionLists {

    private DefinitionLists() {
    }

    static String asHtmlBlocks(String markdown) {
        if (!markdown.contains("\n:")) {
            return markdown;
        }
        List<String> lines = markdown.lines().toList();
        List<String> out = new ArrayList<>(lines.size() + 16);
        boolean fenced = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fenced = !fenced;
            }
            int colon = fenced ? -1 : definitionAfter(lines, i);
            if (colon < 0) {
                out.add(line);
                i++;
                continue;
            }
            // lines[i] is the term; lines[colon] starts its definition.
            out.add("<dl><dt>" + Entities.escape(line.strip()) + "</dt><dd>");
            out.add("");
            out.add(lines.get(colon).replaceFirst("^:\\s{1,4}", ""));
            int j = colon + 1;
            while (j < lines.size()) {
                String next = lines.get(j);
                if (next.isBlank() || next.startsWith("    ") || next.startsWith("\t")) {
                    out.add(next.startsWith("\t") ? next.substring(1) : next.startsWith("    ") ? next.substring(4) : next);
                    j++;
                } else {
                    break;
                }
            }
            // Trailing blank lines belong after the list, not inside it.
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            out.add("");
            out.add("</dd></dl>");
            out.add("");
            i = j;
        }
        return String.join("\n", out);
    }

    /** The index of the ":   definition" line that makes line i a term (directly below, or after one blank line); else -1. */
    private static int definitionAfter(List<String> lines, int i) {
        String term = lines.get(i);
        if (term.isBlank() || Character.isWhitespace(term.charAt(0)) || term.startsWith(":") || term.startsWith("#")
                || term.startsWith("<") || term.startsWith("|") || PlainTextParser.LIST_ITEM.matcher(term).lookingAt()
                || i > 0 && !lines.get(i - 1).isBlank()) {
            return -1;
        }
        int next = i + 1;
        if (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        return next < lines.size() && lines.get(next).matches(":\\s{1,4}\\S.*") ? next : -1;
    }
}
