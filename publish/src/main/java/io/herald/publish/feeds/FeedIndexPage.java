package io.herald.publish.feeds;

import io.herald.publish.Html;
import java.util.List;

/** The HTML page at {@code /feeds/}: every feed, with autodiscovery links for feed readers. */
public final class FeedIndexPage {

    private FeedIndexPage() {
    }

    public static String render(Feeds feeds, FeedLinks links) {
        List<FeedSpec> specs = feeds.specs();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(feeds.siteTitle())).append(": feeds</title>\n");
        for (FeedSpec spec : specs) {
            html.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(Html.escape(spec.title()))
                    .append("\" href=\"").append(Html.escape(links.baseUrl() + spec.path("atom"))).append("\">\n");
            html.append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(Html.escape(spec.title()))
                    .append(" (RSS)\" href=\"").append(Html.escape(links.baseUrl() + spec.path("rss"))).append("\">\n");
            html.append("<link rel=\"alternate\" type=\"application/feed+json\" title=\"").append(Html.escape(spec.title()))
                    .append(" (JSON Feed)\" href=\"").append(Html.escape(links.baseUrl() + spec.path("json"))).append("\">\n");
        }
        html.append("</head>\n<body>\n<h1>").append(Html.escape(feeds.siteTitle())).append(": feeds</h1>\n<ul>\n");
        for (FeedSpec spec : specs) {
            html.append("<li>").append(Html.escape(spec.title())).append(": ");
            html.append("<a href=\"").append(Html.escape(links.baseUrl() + spec.path("atom"))).append("\">Atom</a> · ");
            html.append("<a href=\"").append(Html.escape(links.baseUrl() + spec.path("rss"))).append("\">RSS</a> · ");
            html.append("<a href=\"").append(Html.escape(links.baseUrl() + spec.path("json"))).append("\">JSON Feed</a></li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }
}
