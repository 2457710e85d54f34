package io.herald.publish.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Json;
import io.herald.publish.Html;
import io.herald.publish.PageStyle;
import io.herald.publish.PostLinks;
import io.herald.publish.Site;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.QaHtml;
import io.herald.support.Excerpt;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The page a reader lands on: {@code /posts/{id}}. The post with every question as a heading with its
 * stable anchor, readable on a phone, with no script; in its head the canonical URL, Open Graph and
 * Twitter Card data, feed autodiscovery, the post as schema.org {@code BlogPosting} and its pairs as
 * {@code FAQPage} JSON-LD. Every
 * field comes from a post made safe on the way in (answers through the allow-list), and is escaped
 * again here; the route adds a Content-Security-Policy that allows no script at all.
 */
public final class PostPage {

    /** Served with every page: nothing may run, styles only from the page itself, images from anywhere. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PostPage() {
    }

    public static String render(EnrichedPost post, Site site, String baseUrl) {
        String page = PostLinks.page(baseUrl, post.id());
        String canonical = PostLinks.hasOwnUrl(post.url()) ? post.url() : page;
        String language = site.languageOf(post.language());
        String description = post.summary() == null ? "" : post.summary();
        String image = post.images().isEmpty() ? null : post.images().get(0);
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(Html.escape(language)).append("\" dir=\"").append(Site.direction(language))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(post.title())).append(" – ").append(Html.escape(site.title())).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(Html.escape(description)).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(Html.escape(canonical)).append("\">\n");
        site.icon().ifPresent(icon -> h.append("<link rel=\"icon\" href=\"").append(Html.escape(icon)).append("\">\n"));
        FeedSpec all = FeedSpec.all(site.title());
        h.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(Html.escape(site.title()))
                .append("\" href=\"").append(Html.escape(baseUrl + all.path("atom"))).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(Html.escape(site.title()))
                .append(" (RSS)\" href=\"").append(Html.escape(baseUrl + all.path("rss"))).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").append(Html.escape(site.title()))
                .append(" (JSON Feed)\" href=\"").append(Html.escape(baseUrl + all.path("json"))).append("\">\n");
        String imageAlt = image == null ? site.imageAltText() : post.title();
        if (image == null) {
            image = site.imageUrl(baseUrl);
        }
        meta(h, "property", "og:type", "article");
        meta(h, "property", "og:title", post.title());
        meta(h, "property", "og:description", description);
        meta(h, "property", "og:url", canonical);
        meta(h, "property", "og:site_name", site.title());
        meta(h, "property", "og:locale", ogLocale(language));
        meta(h, "property", "og:image", image);
        meta(h, "property", "og:image:alt", imageAlt);
        if (post.published() != null) {
            meta(h, "property", "article:published_time", post.published().toString());
        }
        if (post.updated() != null) {
            meta(h, "property", "article:modified_time", post.updated().toString());
        }
        for (String tag : post.tags()) {
            meta(h, "property", "article:tag", tag);
        }
        meta(h, "name", "twitter:card", post.images().isEmpty() ? "summary" : "summary_large_image");
        meta(h, "name", "twitter:title", post.title());
        meta(h, "name", "twitter:description", description);
        meta(h, "name", "twitter:image", image);
        meta(h, "name", "twitter:image:alt", imageAlt);
        h.append("<script type=\"application/ld+json\">").append(blogPosting(post, site, canonical, image, language, baseUrl))
                .append("</script>\n");
        if (!post.qa().isEmpty()) {
            h.append("<script type=\"application/ld+json\">").append(faqPage(post, canonical)).append("</script>\n");
        }
        h                .append("<style>").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><a href=\"").append(Html.escape(baseUrl + "/feeds/")).append("\">").append(Html.escape(site.title()))
                .append("</a></header>\n<main>\n<article>\n<h1>").append(Html.escape(post.title())).append("</h1>\n<p class=\"meta\">");
        h.append("By ").append(Html.escape(site.authorOf(post.author())));
        if (post.published() != null) {
            h.append(" · <time datetime=\"").append(post.published()).append("\">").append(DAY.format(post.published())).append("</time>");
        }
        if (post.updated() != null && post.published() != null && post.updated().isAfter(post.published().plusSeconds(60))) {
            h.append(" · updated <time datetime=\"").append(post.updated()).append("\">").append(DAY.format(post.updated())).append("</time>");
        }
        h.append(" · ").append(Math.max(1, post.readingTimeMinutes())).append(" min read</p>\n");
        h.append(QaHtml.render(post).replace("<h3 ", "<h2 ").replace("</h3>", "</h2>"));
        if (!post.tags().isEmpty()) {
            h.append("<ul class=\"tags\" aria-label=\"Tags\">\n");
            for (String tag : post.tags()) {
                h.append("<li><a href=\"").append(Html.escape(PostLinks.tagPage(baseUrl, tag))).append("\">")
                        .append(Html.escape(tag)).append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</article>\n</main>\n<footer><a href=\"").append(Html.escape(baseUrl + all.path("atom"))).append("\">Atom</a> · ")
                .append("<a href=\"").append(Html.escape(baseUrl + all.path("rss"))).append("\">RSS</a> · ")
                .append("<a href=\"").append(Html.escape(baseUrl + all.path("json"))).append("\">JSON Feed</a></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The post as schema.org BlogPosting (an Article): what search engines and link previews read
     * for any post, with the properties Google's Article documentation names (headline, author,
     * dates, image, publisher with its logo). Beside it, the pairs as FAQPage.
     */
    static String blogPosting(EnrichedPost post, Site site, String url, String image, String language, String baseUrl) {
        ObjectNode article = Json.mapper().createObjectNode();
        article.put("@context", "https://schema.org");
        article.put("@type", "BlogPosting");
        article.put("headline", Excerpt.of(post.title(), 110));
        if (!post.title().equals(Excerpt.of(post.title(), 110))) {
            article.put("name", post.title());
        }
        article.put("url", url);
        article.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        article.put("inLanguage", language);
        if (post.summary() != null && !post.summary().isBlank()) {
            article.put("description", post.summary());
        }
        article.putArray("image").add(image);
        String author = site.authorOf(post.author());
        article.putObject("author").put("@type", author.equals(site.title()) ? "Organization" : "Person").put("name", author);
        ObjectNode publisher = article.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", site.title());
        publisher.putObject("logo").put("@type", "ImageObject").put("url", site.logoUrl(baseUrl));
        if (post.published() != null) {
            article.put("datePublished", post.published().toString());
        }
        if (post.updated() != null) {
            article.put("dateModified", post.updated().toString());
        }
        if (!post.tags().isEmpty()) {
            article.put("keywords", String.join(", ", post.tags()));
        }
        article.put("wordCount", post.wordCount());
        return scriptSafe(article);
    }

    /** Open Graph's locale, {@code language_TERRITORY}: the post's language with its region, else the usual one. */
    public static String ogLocale(String language) {
        Locale l = Locale.forLanguageTag(language == null ? "" : language);
        String lang = l.getLanguage().isEmpty() ? "en" : l.getLanguage();
        String region = l.getCountry();
        if (region.isEmpty()) {
            region = USUAL_REGION.getOrDefault(lang, lang.toUpperCase(Locale.ROOT));
        }
        return lang + "_" + region;
    }

    private static final Map<String, String> USUAL_REGION = Map.ofEntries(
            Map.entry("en", "US"), Map.entry("zh", "CN"), Map.entry("ja", "JP"),
            Map.entry("ko", "KR"), Map.entry("ar", "AR"), Map.entry("he", "IL"),
            Map.entry("el", "GR"), Map.entry("da", "DK"), Map.entry("sv", "SE"),
            Map.entry("nb", "NO"), Map.entry("cs", "CZ"), Map.entry("uk", "UA"),
            Map.entry("hi", "IN"), Map.entry("vi", "VN"), Map.entry("pt", "BR"),
            Map.entry("fa", "IR"), Map.entry("sl", "SI"), Map.entry("et", "EE"));

    /** The pairs as schema.org FAQPage, its text made safe to sit inside a script element. */
    static String faqPage(EnrichedPost post, String url) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("@context", "https://schema.org");
        page.put("@type", "FAQPage");
        page.put("name", post.title());
        page.put("url", url);
        if (post.published() != null) {
            page.put("datePublished", post.published().toString());
        }
        if (post.updated() != null) {
            page.put("dateModified", post.updated().toString());
        }
        ArrayNode questions = page.putArray("mainEntity");
        for (EnrichedQa pair : post.qa()) {
            ObjectNode q = questions.addObject();
            q.put("@type", "Question");
            q.put("name", pair.question());
            q.putObject("acceptedAnswer").put("@type", "Answer").put("text", pair.answer() == null ? "" : pair.answer());
        }
        return scriptSafe(page);
    }

    /** JSON to sit inside a script element: "</script" or "<!--" inside a string would end it early. */
    private static String scriptSafe(ObjectNode json) {
        return json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void meta(StringBuilder h, String attribute, String name, String content) {
        h.append("<meta ").append(attribute).append("=\"").append(name).append("\" content=\"").append(Html.escape(content == null ? "" : content))
                .append("\">\n");
    }
}
