package io.herald.transform.steps;

import io.herald.events.EnrichedQa;
import io.herald.transform.Draft;
import io.herald.transform.Step;
import io.herald.transform.text.TextRepair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;
import java.util.Objects;

/**
 * Every answer gets {@code answerHtml} that is safe anywhere it is shown (feeds, e-mail, previews):
 * an allow-list of formatting and links ({@link Safelist#relaxed()}), so no scripts, styles, event
 * handlers, {@code javascript:} URLs or frames. A YouTube embed becomes a link to the video; links and
 * images are made absolute against the post's URL and lose their tracking parameters. Plain-text
 * answers are turned into paragraphs and lists.
 */
public final class SanitizeHtml implements Step {

    private static final Pattern YOUTUBE = Pattern.compile(
            "(?i)^(?:https?:)?//(?:www\\.)?(?:youtube(?:-nocookie)?\\.com/embed/|youtu\\.be/)([\\w-]{6,})");
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addTags("img", "figure", "figcaption")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addProtocols("img", "src", "http", "https")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    @Override
    public String name() {
        return "sanitize-html";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void apply(Draft d) {
        d.qa.replaceAll(p -> new EnrichedQa(p.id(), p.question(), p.answer(),
                p.answerHtml() != null ? sanitize(p.answerHtml(), d.url) : fromText(p.answer())));
    }

    public static String sanitize(String html, String baseUrl) {
        Document dirty = Jsoup.parseBodyFragment(TextRepair.xmlSafe(html), baseUrl == null ? "" : baseUrl);
        dirty.outputSettings().prettyPrint(false);
        for (Element frame : dirty.select("iframe, embed, object")) {
            String src = frame.hasAttr("src") ? frame.attr("src") : frame.attr("data");
            Matcher m = YOUTUBE.matcher(src);
            String href = m.find() ? "https://www.youtube.com/watch?v=" + m.group(1) : Urls.absolute(baseUrl, src);
            if (href != null && href.matches("(?i)https?://.+")) {
                Element p = new Element("p");
                p.appendElement("a").attr("href", href).text(m.find(0) ? "Watch the video on YouTube" : "Open the embedded content");
                frame.replaceWith(p);
            } else {
                frame.remove();
            }
        }
        String cleaned = Jsoup.clean(dirty.body().html(), baseUrl == null ? "" : baseUrl, SAFE,
                new Document.OutputSettings().prettyPrint(false));
        Document safe = Jsoup.parseBodyFragment(cleaned);
        safe.select("a[href]").forEach(a -> a.attr("href", Urls.clean(a.attr("href"))));
        // Markup that was entity-encoded in the source ("&lt;script&gt;") is text here; as in the plain
        // fields, it goes, so no reader that decodes once more ever meets it.
        safe.body().select("*").textNodes().forEach(t -> {
            String text = t.getWholeText();
            if (text.indexOf('<') >= 0) {
                t.text(Objects.requireNonNullElse(NormalizeText.plain(text), ""));
            }
        });
        safe.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml);
        return safe.body().html().strip();
    }

    /** Paragraphs for blank-line breaks; lines starting "- " or "1. " become a list. */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            // A paragraph is runs of lines: list items ("- ", "* ", "1. ") become a list, other lines a
            // paragraph with line breaks, so "We suggest:" followed by items is a sentence and a list.
            List<String> run = new ArrayList<>();
            String runKind = null;
            for (String line : paragraph.split("\n")) {
                String kind = BULLET.matcher(line).lookingAt() ? "ul" : NUMBER.matcher(line).lookingAt() ? "ol" : "p";
                if (runKind != null && !kind.equals(runKind)) {
                    appendRun(html, runKind, run);
                    run.clear();
                }
                runKind = kind;
                run.add(line);
            }
            appendRun(html, runKind, run);
        }
        return html.toString();
    }

    private static final Pattern BULLET = Pattern.compile("[-*•]\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}[.)]\\s+");

    private static void appendRun(StringBuilder html, String kind, List<String> lines) {
        if (kind == null || lines.isEmpty()) {
            return;
        }
        if (kind.equals("p")) {
            html.append("<p>").append(Entities.escape(String.join("\n", lines)).replace("\n", "<br />")).append("</p>");
            return;
        }
        html.append('<').append(kind).append('>');
        for (String l : lines) {
            Pattern marker = kind.equals("ul") ? BULLET : NUMBER;
            html.append("<li>").append(Entities.escape(marker.matcher(l).replaceFirst(""))).append("</li>");
        }
        html.append("</").append(kind).append('>');
    }
}
