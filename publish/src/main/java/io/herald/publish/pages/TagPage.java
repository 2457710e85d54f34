package io.herald.publish.pages;

import io.herald.events.EnrichedPost;
import io.herald.publish.Html;
import io.herald.publish.PageStyle;
import io.herald.publish.PostLinks;
import io.herald.publish.Site;
import io.herald.publish.feeds.FeedSpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The page of one topic, {@code /tags/{slug}}: where a post page's tag leads a reader. The posts with
 * the tag, newest first, each with its date and summary, and the topic's feed to subscribe to (with
 * autodiscovery, so a reader given this page's address finds the feed). No script, as every page.
 */
public final class TagPage {

    /** Posts listed on the page; the feed and its archive hold every one. */
    public static final int LISTED = 50;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TagPage() {
    }

    /** Every topic's page by slug, from one walk through the posts (newest first), as {@code /tags/{slug}} serves it. */
    public static java.util.Map<String, String> renderAll(io.herald.publish.PostStore store, Site site, String baseUrl) {
        java.util.Map<String, List<io.herald.publish.PostHead>> bySlug = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> totals = new java.util.HashMap<>();
        java.util.Map<String, String> spelling = new java.util.HashMap<>();
        for (io.herald.publish.PostHead p : store.heads()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String tag : p.tags()) {
                String slug = io.herald.publish.feeds.TagSlug.of(tag);
                if (seen.add(slug)) {
                    spelling.putIfAbsent(slug, tag);
                    totals.merge(slug, 1, Integer::sum);
                    List<io.herald.publish.PostHead> listed = bySlug.computeIfAbsent(slug, k -> new java.util.ArrayList<>());
                    if (listed.size() < LISTED) {
                        listed.add(p);
                    }
                }
            }
        }
        java.util.Map<String, String> pages = new java.util.HashMap<>();
        // Only the listed posts are read whole (a post withdrawn meanwhile is left out: the next change renders again).
        java.util.Map<String, EnrichedPost> read = new java.util.HashMap<>();
        bySlug.forEach((slug, heads) -> {
            List<EnrichedPost> posts = new java.util.ArrayList<>(heads.size());
            for (io.herald.publish.PostHead h : heads) {
                EnrichedPost post = read.computeIfAbsent(h.id(), id -> store.body(h).orElse(null));
                if (post != null) {
                    posts.add(post);
                }
            }
            if (!posts.isEmpty()) {
                pages.put(slug, render(spelling.get(slug), posts, totals.get(slug), site, baseUrl));
            }
        });
        return pages;
    }

    public static String render(String tag, List<EnrichedPost> posts, int total, Site site, String baseUrl) {
        FeedSpec feed = FeedSpec.tag(site.title(), tag);
        String self = PostLinks.tagPage(baseUrl, tag);
        // The page's language is its posts' when they share one (a Korean topic reads as Korean), else English.
        String language = posts.stream().map(p -> site.languageOf(p.language())).distinct().count() == 1
                ? site.languageOf(posts.get(0).language()) : "en";
        StringBuilder h = new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"").append(Html.escape(language))
                .append("\" dir=\"").append(Site.direction(language)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(tag)).append(" – ").append(Html.escape(site.title())).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(Html.escape(total + (total == 1 ? " post" : " posts")
                        + " about " + tag + " from " + site.title() + ", newest first, and the feed to follow them.")).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(Html.escape(self)).append("\">\n");
        site.icon().ifPresent(icon -> h.append("<link rel=\"icon\" href=\"").append(Html.escape(icon)).append("\">\n"));
        String feedTitle = site.title() + ": " + tag;
        h.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(Html.escape(feedTitle))
                .append("\" href=\"").append(Html.escape(baseUrl + feed.path("atom"))).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(Html.escape(feedTitle))
                .append(" (RSS)\" href=\"").append(Html.escape(baseUrl + feed.path("rss"))).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").append(Html.escape(feedTitle))
                .append(" (JSON Feed)\" href=\"").append(Html.escape(baseUrl + feed.path("json"))).append("\">\n")
                .append("<style>").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n<header><a href=\"")
                .append(Html.escape(baseUrl + "/feeds/")).append("\">").append(Html.escape(site.title())).append("</a></header>\n<main>\n<h1>")
                .append(Html.escape(tag)).append("</h1>\n<p class=\"count\">").append(total).append(total == 1 ? " post" : " posts")
                .append("</p>\n<p class=\"subscribe\"><a class=\"primary\" href=\"").append(Html.escape(baseUrl + feed.path("atom")))
                .append("\">Follow this topic</a><a href=\"").append(Html.escape(baseUrl + feed.path("atom"))).append("\">Atom</a><a href=\"")
                .append(Html.escape(baseUrl + feed.path("rss"))).append("\">RSS</a><a href=\"").append(Html.escape(baseUrl + feed.path("json")))
                .append("\">JSON Feed</a></p>\n<ul class=\"list\">\n");
        for (EnrichedPost p : posts) {
            h.append("<li><h2><a href=\"").append(Html.escape(PostLinks.link(baseUrl, p.id(), p.url()))).append("\">").append(Html.escape(p.title()))
                    .append("</a></h2><p class=\"meta\">");
            if (p.published() != null) {
                h.append("<time datetime=\"").append(p.published()).append("\">").append(DAY.format(p.published())).append("</time> · ");
            }
            h.append(Math.max(1, p.readingTimeMinutes())).append(" min read</p>");
            if (p.summary() != null && !p.summary().isBlank()) {
                h.append("<p>").append(Html.escape(p.summary())).append("</p>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
        if (total > posts.size()) {
            h.append("<p class=\"count\">The ").append(posts.size()).append(" newest are listed; the feed holds all ").append(total)
                    .append(".</p>\n");
        }
        return h.append("</main>\n<footer><a href=\"").append(Html.escape(baseUrl + "/feeds/")).append("\">Every feed and topic</a></footer>\n")
                .append("</body>\n</html>\n").toString();
    }
}
