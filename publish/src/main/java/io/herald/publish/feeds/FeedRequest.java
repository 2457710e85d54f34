package io.herald.publish.feeds;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.net.URLEncoder;

/**
 * A request for a feed document, read once from its path: which feed ({@code all}, {@code qa},
 * {@code tags/<slug>}), which page (0: the subscription document; n: archive page n) and which format.
 * The server, the renderers' cache and the export all work on this, never on the path again.
 *
 * @param feed    the feed's key, as {@link FeedSpec#key()}
 * @param archive the archive page, 1 the oldest; 0 for the subscription document
 * @param format  {@code rss}, {@code atom} or {@code json}
 */
public record FeedRequest(String feed, int archive, String format) {

    private static final String PREFIX = "/feeds/";

    /**
     * The request a path makes ({@code /feeds/all.atom}, {@code /feeds/tags/x/archive/2.rss}, its
     * percent-encoded form too), or empty when it names no feed document. Read without a regular
     * expression: from the end, the format, then an archive page, then the feed.
     */
    public static Optional<FeedRequest> parse(String rawPath) {
        String path = rawPath.indexOf('%') < 0 && rawPath.indexOf('+') < 0 ? rawPath
                : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = path.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return Optional.empty();
        }
        String format = path.substring(dot + 1);
        if (!format.equals("rss") && !format.equals("atom") && !format.equals("json")) {
            return Optional.empty();
        }
        String feed = path.substring(PREFIX.length(), dot);
        int archive = 0;
        int marker = feed.lastIndexOf("/archive/");
        if (marker > 0) {
            String n = feed.substring(marker + "/archive/".length());
            if (!n.isEmpty() && n.length() <= 6 && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
                archive = Integer.parseInt(n);
                feed = feed.substring(0, marker);
                if (archive == 0) {
                    return Optional.empty();
                }
            }
        }
        return feed.isEmpty() ? Optional.empty() : Optional.of(new FeedRequest(feed, archive, format));
    }

    /** The subscription document of a feed in a format. */
    public static FeedRequest of(FeedSpec spec, String format) {
        return new FeedRequest(spec.key(), 0, format);
    }

    /** Archive page {@code n} of a feed in a format. */
    public static FeedRequest archive(FeedSpec spec, int n, String format) {
        return new FeedRequest(spec.key(), n, format);
    }

    /** Whether it asks for an archive page. */
    public boolean isArchive() {
        return archive > 0;
    }

    /** Whether it asks for a tag's feed. */
    public boolean isTag() {
        return feed.startsWith("tags/");
    }

    /** The same page and format of another feed (a tag asked for by its name, answered under its slug). */
    public FeedRequest of(String otherFeed) {
        return new FeedRequest(otherFeed, archive, format);
    }

    /** The key its document is cached under: its path without {@code /feeds/}. */
    public String cacheKey() {
        return feed + (archive > 0 ? "/archive/" + archive : "") + "." + format;
    }

    /** The path it is served at, a tag's slug URL-encoded. */
    public String path() {
        String encoded = isTag()
                ? "tags/" + URLEncoder.encode(feed.substring("tags/".length()), StandardCharsets.UTF_8).replace("+", "%20")
                : feed;
        return PREFIX + encoded + (archive > 0 ? "/archive/" + archive : "") + "." + format;
    }
}
