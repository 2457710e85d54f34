package io.herald.publish.newsletter;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.NewsletterPayload;
import io.herald.events.Schema;
import io.herald.publish.Html;
import io.herald.publish.PostLinks;
import io.herald.publish.Utm;
import io.herald.publish.Site;
import io.herald.support.Excerpt;
import java.util.List;
import io.herald.support.HeaderSafe;
import java.util.Optional;

/**
 * Newsletter payloads that e-mail clients show as meant: a table layout with inline styles (many
 * clients drop {@code <style>}), no scripts, every image with alt text, and a plain-text body for
 * clients that show no HTML. Answers are rendered from their plain text, so nothing from a post's
 * markup reaches a mailbox. Links carry {@code utm_medium=email}.
 */
public final class NewsletterRenderer {

    static final String FONT = "font-family:Helvetica,Arial,sans-serif;color:#1f2933;";

    private final String baseUrl;
    private final String siteTitle;
    private final Site site;

    public NewsletterRenderer(String baseUrl) {
        this(baseUrl, "Herald");
    }

    /** @param siteTitle the site's name, which every newsletter is signed with */
    public NewsletterRenderer(String baseUrl, String siteTitle) {
        this(baseUrl, new Site(siteTitle, "", "en", Optional.empty(), siteTitle));
    }

    /** Newsletters signed with the site's name, in its language where a post's is unknown (digests: always). */
    public NewsletterRenderer(String baseUrl, Site site) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.siteTitle = site.title();
        this.site = site;
    }

    /** The announcement of a post (kind {@code announcement}, or {@code correction} for a significant edit). */
    public NewsletterPayload announce(EnrichedPost post, String kind) {
        String link = Utm.tag(PostLinks.link(baseUrl, post.id(), post.url()), "email", Utm.campaign(post));
        String subject = (kind.equals("correction") ? "Updated: " : "") + post.title();
        String preheader = preheader(post);
        StringBuilder html = new StringBuilder();
        open(html, subject, preheader, site.languageOf(post.language()));
        if (!post.images().isEmpty()) {
            row(html, "<img src=\"" + attr(post.images().get(0)) + "\" alt=\"" + attr(post.title())
                    + "\" width=\"560\" style=\"display:block;width:100%;max-width:560px;height:auto;border:0;\">");
        }
        row(html, "<h1 style=\"" + FONT + "font-size:24px;line-height:30px;margin:0 0 12px 0;\">" + Html.escape(subject) + "</h1>");
        paragraphs(html, post.intro());
        StringBuilder text = new StringBuilder(subject).append("\n\n");
        if (post.intro() != null) {
            text.append(post.intro()).append("\n\n");
        }
        for (EnrichedQa pair : post.qa()) {
            row(html, "<h2 style=\"" + FONT + "font-size:18px;line-height:24px;margin:16px 0 6px 0;\">"
                    + Html.escape(pair.question()) + "</h2>");
            paragraphs(html, pair.answer());
            text.append("Q: ").append(pair.question()).append("\n").append("A: ").append(pair.answer() == null ? "" : pair.answer())
                    .append("\n\n");
        }
        paragraphs(html, post.outro());
        if (post.outro() != null) {
            text.append(post.outro()).append("\n\n");
        }
        row(html, "<a href=\"" + attr(link) + "\" style=\"" + FONT + "display:inline-block;padding:10px 18px;background:#1f6feb;"
                + "color:#ffffff;text-decoration:none;border-radius:4px;\">Read it on the web</a>");
        row(html, "<p style=\"" + FONT + "font-size:13px;line-height:18px;color:#555555;margin:16px 0 0 0;\">"
                + Html.escape(siteTitle) + "</p>");
        close(html);
        text.append("Read it on the web: ").append(link).append("\n\n").append(siteTitle).append("\n");
        return new NewsletterPayload(Schema.VERSION, key(post, kind), post.id(), post.version(), kind, subject, preheader,
                html.toString(), text.toString(), PostLinks.link(baseUrl, post.id(), post.url()), post.tags());
    }

    /** A digest of the posts published in a window, newest first. */
    public NewsletterPayload digest(List<EnrichedPost> posts, String windowKey, String title) {
        StringBuilder html = new StringBuilder();
        String preheader = posts.size() + (posts.size() == 1 ? " new post" : " new posts") + ": "
                + String.join(" · ", posts.stream().limit(3).map(EnrichedPost::title).toList());
        open(html, title, preheader, site.language());
        row(html, "<h1 style=\"" + FONT + "font-size:24px;line-height:30px;margin:0 0 12px 0;\">" + Html.escape(title) + "</h1>");
        StringBuilder text = new StringBuilder(title).append("\n\n");
        for (EnrichedPost post : posts) {
            String link = Utm.tag(PostLinks.link(baseUrl, post.id(), post.url()), "email", "digest-" + windowKey);
            row(html, "<h2 style=\"" + FONT + "font-size:18px;line-height:24px;margin:16px 0 6px 0;\"><a href=\"" + attr(link)
                    + "\" style=\"color:#1f6feb;text-decoration:none;\">" + Html.escape(post.title()) + "</a></h2>");
            paragraphs(html, post.summary());
            text.append(post.title()).append("\n").append(post.summary() == null ? "" : post.summary() + "\n").append(link).append("\n\n");
        }
        close(html);
        return new NewsletterPayload(Schema.VERSION, "digest:" + windowKey, null, 0, "digest", title, preheader,
                html.toString(), text.toString(), null, List.of());
    }

    /** The payload's idempotency key: ASCII, since it travels as a header ({@link io.herald.support.HeaderSafe}). */
    public static String key(EnrichedPost post, String kind) {
        return HeaderSafe.of(post.id()) + ":v" + post.version() + ":newsletter:" + kind;
    }

    /** The preview line: the summary whole (it is made to fit 160 characters), else the intro or the title cut to that. */
    static final int PREHEADER = 160;

    static String preheader(EnrichedPost post) {
        String s = post.summary() != null ? post.summary() : post.intro() != null ? post.intro() : post.title();
        return Excerpt.of(s, PREHEADER);
    }

    /**
     * The document's start: its language and direction (so a screen reader reads a Chinese newsletter
     * with a Chinese voice, an Arabic one right to left), the preheader, and the message inside one
     * landmark ({@code main}, named after the subject) as accessible e-mail templates do.
     */
    private static void open(StringBuilder html, String title, String preheader, String language) {
        String lang = Html.escape(language);
        String dir = Site.direction(language);
        html.append("<!DOCTYPE html><html lang=\"").append(lang).append("\" dir=\"").append(dir).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(Html.escape(title)).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f4f5f7;\">")
                // The preheader: shown by mail clients next to the subject, hidden in the message itself.
                .append("<div style=\"display:none;max-height:0;overflow:hidden;\">").append(Html.escape(preheader)).append("</div>")
                .append("<div role=\"main\" aria-label=\"").append(Html.escape(title)).append("\" lang=\"").append(lang)
                .append("\" dir=\"").append(dir).append("\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"background:#f4f5f7;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"width:100%;max-width:600px;background:#ffffff;\">");
    }

    private static void row(StringBuilder html, String content) {
        html.append("<tr><td style=\"padding:8px 20px;\">").append(content).append("</td></tr>");
    }

    private static void paragraphs(StringBuilder html, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String p : text.split("\n\n")) {
            row(html, "<p style=\"" + FONT + "font-size:16px;line-height:24px;margin:0;\">"
                    + Html.escape(p.strip()).replace("\n", "<br>") + "</p>");
        }
    }

    private static void close(StringBuilder html) {
        html.append("</table></td></tr></table></div></body></html>");
    }

    private static String attr(String s) {
        return Html.escape(s);
    }
}
