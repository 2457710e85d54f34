package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The last line of defence before a post reaches readers. Transform already sanitizes every post, but
 * the enriched topic is a contract any producer can write to, and feeds, pages and e-mails are shown by
 * clients that run markup. So publish takes nothing live from a record: {@code answerHtml} goes through
 * an allow-list of formatting and links again, plain-text fields lose anything that parses as a tag,
 * and URLs that are not http(s) are dropped. For a post transform made, this changes nothing.
 */
public final class SafeContent {

    private static final Safelist HTML = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Pattern TAG = Pattern.compile("<\\s*[A-Za-z!/?]");
    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://\\S+");

    private SafeContent() {
    }

    public static EnrichedPost of(EnrichedPost p) {
        List<EnrichedQa> qa = p.qa().stream()
                .map(q -> new EnrichedQa(q.id(), text(q.question()), text(q.answer()), html(q.answerHtml())))
                .toList();
        EnrichedPost safe = p.toBuilder().title(text(p.title())).author(text(p.author())).url(url(p.url()))
                .intro(text(p.intro())).qa(qa).outro(text(p.outro())).links(urls(p.links())).images(urls(p.images()))
                .tags(p.tags().stream().map(SafeContent::text).toList()).autoTags(p.autoTags().stream().map(SafeContent::text).toList()).summary(text(p.summary())).build();
        return safe.equals(p) ? p : safe;
    }

    /** Text with anything a browser would take as a tag removed (a "<" that starts no tag stays). */
    static String text(String s) {
        if (s == null || !TAG.matcher(s).find()) {
            return s;
        }
        String text = s;
        // Markup nested to survive one pass ("<scr<script>ipt>") is taken apart pass by pass.
        for (int pass = 0; pass < 4 && TAG.matcher(text).find(); pass++) {
            Document d = Jsoup.parseBodyFragment(text);
            d.select("script, style, template, noscript").remove();
            text = d.body().wholeText();
        }
        // Whatever still looks like the start of a tag loses its "<".
        return TAG.matcher(text).find() ? text.replaceAll("<(?=\\s*[A-Za-z!/?])", "") : text;
    }

    static String html(String html) {
        if (html == null) {
            return null;
        }
        String cleaned = Jsoup.clean(html, "", HTML, new Document.OutputSettings().prettyPrint(false)
                .escapeMode(Entities.EscapeMode.xhtml));
        return Objects.equals(cleaned, html) ? html : cleaned;
    }

    /** An http(s) URL with the characters a URL may not hold raw (quotes, angle brackets...) percent-encoded; else null. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (!WEB_URL.matcher(u).matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder(u.length());
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            switch (c) {
                case '"' -> out.append("%22");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '`' -> out.append("%60");
                case '\\' -> out.append("%5C");
                case '^' -> out.append("%5E");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                case '|' -> out.append("%7C");
                case '\'' -> out.append("%27");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> urls(List<String> urls) {
        return urls.stream().map(SafeContent::url).filter(Objects::nonNull).toList();
    }
}
