package io.herald.publish.feeds;

import io.herald.publish.PostLinks;
import java.util.Optional;
import io.herald.publish.Site;

/** Where the feeds live: the public base URL and the WebSub hub, if any; and the site they belong to. */
public record FeedLinks(String baseUrl, Optional<String> hub, Site site) {

    public FeedLinks {
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public FeedLinks(String baseUrl, Optional<String> hub) {
        this(baseUrl, hub, Site.DEFAULT);
    }

    public String self(FeedPage page, String format) {
        return baseUrl + (page.archivePage() == 0 ? page.spec().path(format) : page.spec().archivePath(page.archivePage(), format));
    }

    public String archive(FeedPage page, int n, String format) {
        return baseUrl + page.spec().archivePath(n, format);
    }

    public String current(FeedPage page, String format) {
        return baseUrl + page.spec().path(format);
    }

    public String index() {
        return baseUrl + "/feeds/";
    }

    /** The entry's link: the post's URL (with the pair's anchor in the Q&amp;A feed). */
    public String entryLink(FeedPage.Item item) {
        String link = PostLinks.link(baseUrl, item.post().id(), item.post().url());
        return item.pair() == null ? link : PostLinks.anchor(link, item.pair().id());
    }
}
