package io.herald.publish.feeds;

import io.herald.publish.Html;
import io.herald.publish.PageStyle;
import io.herald.publish.PostLinks;
import java.util.List;

/**
 * The page at {@code /feeds/}: how to follow the site, in the style of its post pages and readable on
 * a phone. The feeds of everything first (all posts, every question), each with a Subscribe link and
 * its address to paste into a reader; then the topics, the most followed first, each linking to its
 * page. Autodiscovery links name the main feeds and the topics listed, not every tag there is.
 */
public final class FeedIndexPage {

    /** Topics listed by name; the rest (each on fewer posts) are counted. */
    static final int TOPICS_SHOWN = 40;

    private FeedIndexPage() {
    }

    /**
     * @param tagPages whether {@code /tags/{slug}} pages are served (not in a static export, where a
     *                 topic links to its Atom feed instead)
     */
    public static String render(Feeds feeds, FeedLinks links, boolean tagPages) {
        String base = links.baseUrl();
        String site = feeds.siteTitle();
        FeedSpec all = FeedSpec.all(site);
        FeedSpec qa = FeedSpec.qa(site);
        List<Feeds.Topic> topics = feeds.topics();
        // Topics on one post only are listed when nothing is on two: a new site still shows what it has.
        boolean anyShared = topics.stream().anyMatch(t -> t.posts() > 1);
        List<Feeds.Topic> shown = topics.stream().filter(t -> !anyShared || t.posts() > 1).limit(TOPICS_SHOWN).toList();
        StringBuilder h = new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Follow ")
                .append(Html.escape(site)).append("</title>\n<meta name=\"description\" content=\"")
                .append(Html.escape("Every feed of " + site + ": all posts, every question, and each topic.")).append("\">\n");
        alternates(h, base, all, site);
        alternates(h, base, qa, qa.title());
        for (Feeds.Topic t : shown) {
            alternates(h, base, FeedSpec.tag(site, t.tag()), site + ": " + t.tag());
        }
        h.append("<style>").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n<header><a href=\"")
                .append(Html.escape(base + "/feeds/")).append("\">").append(Html.escape(site)).append("</a></header>\n<main>\n<h1>Follow ")
                .append(Html.escape(site)).append("</h1>\n<p>Subscribe in your feed reader: choose a feed, then open its Subscribe link "
                        + "or paste its address into the reader. New posts arrive there as soon as they are published.</p>\n")
                .append("<h2>Everything</h2>\n<ul class=\"list\">\n");
        feed(h, base, all, "All posts", "Every post, newest first.");
        feed(h, base, qa, "Every question", "One entry per question and its answer, across all posts.");
        h.append("</ul>\n");
        if (!shown.isEmpty()) {
            h.append("<h2>Topics</h2>\n<p>Follow only what interests you: each topic has its own page and feed.</p>\n<ul class=\"list\">\n");
            for (Feeds.Topic t : shown) {
                FeedSpec spec = FeedSpec.tag(site, t.tag());
                String page = tagPages ? PostLinks.tagPage(base, t.tag()) : base + spec.path("atom");
                h.append("<li><h3><a href=\"").append(Html.escape(page)).append("\">").append(Html.escape(t.tag())).append("</a></h3>")
                        .append("<p class=\"count\">").append(t.posts()).append(t.posts() == 1 ? " post" : " posts").append("</p>")
                        .append("<p class=\"subscribe\">");
                links(h, base, spec);
                h.append("</p></li>\n");
            }
            h.append("</ul>\n");
            int more = topics.size() - shown.size();
            if (more > 0) {
                h.append("<p class=\"count\">").append(more).append(more == 1 ? " more topic has" : " more topics have")
                        .append(" fewer posts; each post's page links to its topics.</p>\n");
            }
        }
        return h.append("</main>\n<footer>").append(Html.escape(site)).append("</footer>\n</body>\n</html>\n").toString();
    }

    /** {@link #render(Feeds, FeedLinks, boolean)} as Herald serves it, with tag pages. */
    public static String render(Feeds feeds, FeedLinks links) {
        return render(feeds, links, true);
    }

    private static void feed(StringBuilder h, String base, FeedSpec spec, String name, String what) {
        h.append("<li><h3>").append(Html.escape(name)).append("</h3><p>").append(Html.escape(what)).append("</p><p class=\"subscribe\">");
        links(h, base, spec);
        h.append("</p><label class=\"address\">Address to paste into a reader <input readonly value=\"")
                .append(Html.escape(base + spec.path("atom"))).append("\"></label></li>\n");
    }

    private static void links(StringBuilder h, String base, FeedSpec spec) {
        h.append("<a class=\"primary\" href=\"").append(Html.escape(base + spec.path("atom"))).append("\">Subscribe</a>")
                .append("<a href=\"").append(Html.escape(base + spec.path("atom"))).append("\">Atom</a>")
                .append("<a href=\"").append(Html.escape(base + spec.path("rss"))).append("\">RSS</a>")
                .append("<a href=\"").append(Html.escape(base + spec.path("json"))).append("\">JSON Feed</a>");
    }

    static void alternates(StringBuilder h, String base, FeedSpec spec, String title) {
        h.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(Html.escape(title))
                .append("\" href=\"").append(Html.escape(base + spec.path("atom"))).append("\">\n");
        h.append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(Html.escape(title))
                .append(" (RSS)\" href=\"").append(Html.escape(base + spec.path("rss"))).append("\">\n");
        h.append("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").append(Html.escape(title))
                .append(" (JSON Feed)\" href=\"").append(Html.escape(base + spec.path("json"))).append("\">\n");
    }
}
