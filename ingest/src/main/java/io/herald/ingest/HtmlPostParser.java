package io.herald.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.events.QaPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a Q&amp;A post from HTML, a whole web page or a fragment: the article's content without
 * the site around it, its title, author, date, tags, canonical URL and lead image from the page's
 * metadata (Open Graph, {@code <link rel=canonical>}, schema.org JSON-LD), and its questions and
 * answers in whichever form they were written ({@link QaExtractor}).
 *
 * <p>jsoup is an HTML5 parser: it never resolves DTDs or external entities, so hostile markup
 * cannot make it read files or expand entities without bound.
 */
public final class HtmlPostParser {

    private static final Pattern CHROME_CLASS = Pattern.compile(
            "(?i)(^|[-_\\s])(nav|navbar|menu|footer|share|sharing|social|related|comments?|sidebar|breadcrumbs?|cookie|"
                    + "subscribe|newsletter-signup|advert|ads|promo|pagination)([-_\\s]|$)");
    /** Chrome named by part of a class or id: "sphinxsidebar", "md-sidebar", "table-of-contents", "toc". */
    private static final Pattern CHROME_PART = Pattern.compile(
            "(?i)sidebar|table-of-contents|on-this-page|breadcrumb|(^|[-_\\s])(toc|toctree-wrapper|md-nav|md-header|md-footer)([-_\\s]|$)");
    /** A heading's permalink: "¶", "#", "§", a link symbol, or nothing to read. */
    private static final Set<String> PERMALINK_TEXT = Set.of("", "¶", "#", "§", "🔗", "\u200b");
    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "nav", "footer",
            "aside", "form", "button", "svg", "link", "meta");

    public ParsedPost parse(String html, String baseUri) {
        return parse(html, baseUri, PostMeta.NONE);
    }

    public ParsedPost parse(String html, String baseUri, PostMeta meta) {
        Document doc = Jsoup.parse(withoutTemplateTags(html), baseUri == null ? "" : baseUri);
        String canonical = first(meta.url(), attr(doc, "link[rel=canonical]", "abs:href"),
                attr(doc, "meta[property=og:url]", "content"));
        if (canonical != null && (baseUri == null || baseUri.isEmpty())) {
            doc.setBaseUri(canonical);
        }
        JsonLd ld = JsonLd.read(doc);
        List<QaPair> knownPairs = ld.faq().isEmpty() ? microdataFaq(doc) : ld.faq();
        Element root = contentRoot(doc);
        List<Element> blocks = Blocks.of(root);

        String h1 = blocks.stream().filter(b -> b.normalName().equals("h1")).findFirst().map(Element::text).orElse(null);
        String title = first(meta.title(), ld.headline(), h1, attr(doc, "meta[property=og:title]", "content"),
                pageTitle(doc));
        if (title != null) {
            String t = title;
            blocks.removeIf(b -> b.normalName().matches("h[1-2]") && b.text().equals(t));
        } else {
            title = firstLineTitle(blocks);
        }
        blocks.removeIf(b -> Boilerplate.isChrome(b.text()));

        QaExtractor.Extraction qa = knownPairs.isEmpty()
                ? QaExtractor.extract(blocks, title)
                : QaExtractor.withKnownPairs(blocks, knownPairs);

        String author = first(meta.author(), attr(doc, "meta[name=author]", "content"), notUrl(attr(doc,
                "meta[property=article:author]", "content")), ld.author(), text(doc, "[rel=author]"), byline(doc));
        Instant published = meta.published() != null ? meta.published()
                : Dates.parse(first(attr(doc, "meta[property=article:published_time]", "content"), ld.datePublished(),
                        attr(doc, "time.published[datetime], time.entry-date[datetime], [itemprop=datePublished][datetime]", "datetime"),
                        attr(doc, "[itemprop=datePublished][content]", "content"), attr(root, "time[datetime]", "datetime"),
                        attr(doc, "meta[name=date], meta[name=dc.date], meta[name=DC.date]", "content"))).orElse(null);

        List<String> tags = new ArrayList<>(meta.tags());
        if (tags.isEmpty()) {
            doc.select("meta[property=article:tag]").forEach(m -> tags.add(m.attr("content")));
            if (tags.isEmpty()) {
                String keywords = first(attr(doc, "meta[name=keywords]", "content"), ld.keywords());
                if (keywords != null) {
                    tags.addAll(List.of(keywords.split("\\s*,\\s*")));
                }
            }
            root.select("a[rel~=tag]").forEach(a -> tags.add(a.text()));
        }

        Set<String> images = new LinkedHashSet<>();
        addIfPresent(images, meta.image());
        addIfPresent(images, attr(doc, "meta[property=og:image]", "abs:content"));
        addIfPresent(images, ld.image());
        root.select("img[src]").forEach(img -> addIfPresent(images, img.attr("abs:src")));

        Set<String> links = new LinkedHashSet<>();
        root.select("a[href]").forEach(a -> {
            String href = a.attr("abs:href");
            if (href.matches("(?i)https?://.+")) {
                links.add(href);
            }
        });
        links.addAll(Links.find(root.text()));

        return ParsedPost.builder().explicitId(meta.id()).title(clean(title)).author(clean(author)).published(published)
                .url(canonical).tags(tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList())
                .intro(qa.intro()).qa(qa.pairs()).outro(qa.outro()).links(List.copyOf(links))
                .images(images.stream().filter(i -> !i.isEmpty()).toList()).build();
    }

    /** The article itself: the largest {@code <article>}, else {@code <main>}, else the body, without chrome. */
    static Element contentRoot(Document doc) {
        Element body = doc.body();
        List<Element> candidates = new ArrayList<>(body.select("article"));
        if (candidates.isEmpty()) {
            candidates.addAll(body.select("main, [role=main], .entry-content, .post-content, .article-body"));
        }
        Element root = candidates.stream().max(Comparator.comparingInt(e -> e.text().length())).orElse(body).clone();
        // Before the chrome goes: an accordion's question is often a <button>.
        QuestionMarkup.mark(root);
        root.select(String.join(",", DROP_TAGS)).remove();
        // Navigation by its role, and the "on this page" boxes of documentation sites.
        root.select("[role=navigation], [role=complementary], [role=search], [aria-label~=(?i)on this page|contents|breadcrumb]")
                .remove();
        for (Element heading : root.select("h1, h2, h3, h4, h5, h6")) {
            heading.select("a").stream().filter(a -> PERMALINK_TEXT.contains(a.text().strip())
                    || a.className().matches("(?i).*(headerlink|header-anchor|hash-link|anchorjs-link).*")).forEach(Element::remove);
            // "## How do I update? {#update}": the anchor is markup (kramdown, Hugo, VitePress), not words.
            var texts = heading.textNodes();
            if (!texts.isEmpty()) {
                var last = texts.get(texts.size() - 1);
                last.text(Cues.withoutAttribute(last.getWholeText()));
            }
        }
        // The byline names the author (read from the page, not from here); it is not part of the intro.
        root.select(".byline, .post-meta, .entry-meta, .author, [rel=author]").remove();
        if (root == body || root.normalName().equals("body")) {
            root.select("header").remove();
        }
        for (Element e : new ArrayList<>(root.getAllElements())) {
            if (e != root && e.parent() != null
                    && (CHROME_CLASS.matcher(e.className()).find() || CHROME_CLASS.matcher(e.id()).find()
                    || CHROME_PART.matcher(e.className()).find() || CHROME_PART.matcher(e.id()).find())) {
                e.remove();
            }
        }
        return root;
    }

    /**
     * A page with no title of its own is titled by its first block, if that is short; a first block
     * that asks is its first question too, so it stays a block.
     */
    private static String firstLineTitle(List<Element> blocks) {
        if (!blocks.isEmpty()) {
            Element first = blocks.get(0);
            String text = first.text();
            if (!text.isEmpty() && text.length() <= 200 && !Labels.isQuestion(text)) {
                if (!Cues.of(text).asks()) {
                    blocks.remove(0);
                }
                return text;
            }
        }
        return null;
    }

    private static final Pattern TEMPLATE_COMMENT = Pattern.compile("\\{%\\s*comment\\s*%\\}.*?\\{%\\s*endcomment\\s*%\\}", Pattern.DOTALL);
    private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{%[^%]{0,2000}%\\}|\\{#[^#]{0,2000}#\\}");

    /**
     * A page's source as a template (Django, Jinja, Liquid: {@code {% block %}}, {@code {# note #}}) has
     * directives that are no text: they go, and what they wrap stays.
     */
    static String withoutTemplateTags(String html) {
        if (!html.contains("{%")) {
            return html;
        }
        return TEMPLATE_TAG.matcher(TEMPLATE_COMMENT.matcher(html).replaceAll("")).replaceAll("");
    }

    private static String pageTitle(Document doc) {
        String title = doc.title();
        if (title == null || title.isBlank()) {
            return null;
        }
        // "Post title | Site name" and "Post title - Site name": the site name is not part of the title
        String[] parts = title.split("\\s+[|–—]\\s+|\\s+-\\s+");
        return parts[0].strip();
    }

    private static String byline(Document doc) {
        String text = text(doc, ".byline, .author, [itemprop=author]");
        if (text == null) {
            return null;
        }
        text = text.replaceFirst("(?i)^(by|door|von|par|por)\\s+", "");
        return text.length() <= 80 ? text : null;
    }

    private static String notUrl(String s) {
        return s != null && s.matches("(?i)https?://.*") ? null : s;
    }

    private static String clean(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value.strip());
        }
    }

    static String attr(Element scope, String css, String attribute) {
        Element e = scope.selectFirst(css);
        if (e == null) {
            return null;
        }
        String v = e.attr(attribute);
        return v.isBlank() ? null : v.strip();
    }

    private static String text(Element scope, String css) {
        Element e = scope.selectFirst(css);
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }

    /**
     * schema.org FAQ written as microdata in the page itself: each {@code itemtype=".../Question"} its
     * {@code itemprop=name}, its {@code acceptedAnswer}'s {@code itemprop=text} the answer.
     */
    static List<QaPair> microdataFaq(Document doc) {
        List<QaPair> pairs = new ArrayList<>();
        for (Element q : doc.select("[itemscope][itemtype~=(?i)schema\\.org/Question$]")) {
            Element name = q.selectFirst("[itemprop=name]");
            Element answer = q.selectFirst("[itemprop=acceptedAnswer] [itemprop=text], [itemprop=acceptedAnswer][itemprop=text]");
            if (name == null || name.text().isBlank() || answer == null) {
                continue;
            }
            String html = answer.html().strip();
            pairs.add(new QaPair(name.text().strip(), Blocks.textOfHtml(html), html));
        }
        return pairs;
    }

    /** schema.org data in {@code <script type="application/ld+json">}: the article's fields and any FAQPage. */
    record JsonLd(String headline, String author, String datePublished, String keywords, String image,
                  List<QaPair> faq) {

        static JsonLd read(Document doc) {
            String headline = null;
            String author = null;
            String date = null;
            String keywords = null;
            String image = null;
            List<QaPair> faq = new ArrayList<>();
            for (Element script : doc.select("script[type=application/ld+json]")) {
                JsonNode root;
                try {
                    root = Json.mapper().readTree(script.data());
                } catch (Exception e) {
                    continue; // broken JSON-LD is common on the web; the page itself still counts
                }
                for (JsonNode node : nodes(root)) {
                    String type = node.path("@type").isArray() ? node.path("@type").toString() : node.path("@type").asText("");
                    if (type.contains("FAQPage")) {
                        for (JsonNode q : iterable(node.path("mainEntity"))) {
                            String question = htmlText(q.path("name").asText(""));
                            JsonNode answer = q.path("acceptedAnswer").isArray() ? q.path("acceptedAnswer").path(0)
                                    : q.path("acceptedAnswer");
                            String answerHtml = answer.path("text").asText("");
                            if (!question.isEmpty()) {
                                faq.add(new QaPair(question, Blocks.textOfHtml(answerHtml), answerHtml));
                            }
                        }
                    }
                    if (type.matches(".*(Article|BlogPosting|NewsArticle|WebPage|FAQPage).*")) {
                        headline = first(headline, text(node.path("headline")));
                        date = first(date, text(node.path("datePublished")));
                        JsonNode a = node.path("author").isArray() ? node.path("author").path(0) : node.path("author");
                        author = first(author, a.isTextual() ? a.asText() : text(a.path("name")));
                        JsonNode k = node.path("keywords");
                        keywords = first(keywords, k.isArray() ? String.join(",", strings(k)) : text(k));
                        JsonNode img = node.path("image");
                        image = first(image, img.isTextual() ? img.asText()
                                : img.isArray() ? text(img.path(0).isTextual() ? img.path(0) : img.path(0).path("url"))
                                : text(img.path("url")));
                    }
                }
            }
            return new JsonLd(headline, author, date, keywords, image, faq);
        }

        private static List<JsonNode> nodes(JsonNode root) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode n : iterable(root)) {
                out.add(n);
                n.path("@graph").forEach(out::add);
            }
            return out;
        }

        private static Iterable<JsonNode> iterable(JsonNode node) {
            if (node.isArray()) {
                return node;
            }
            return node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }

        private static String text(JsonNode n) {
            return n.isValueNode() && !n.asText().isBlank() ? n.asText().strip() : null;
        }

        private static String htmlText(String s) {
            return Jsoup.parse(s).text().strip();
        }
    }


}
