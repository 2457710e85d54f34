package io.herald.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a post lives, for every channel: feed entries, newsletters and snippets link there. */
public final class PostLinks {

    private PostLinks() {
    }

    /** The post's own URL when it has one, else its page on Herald ({@link #page}). */
    public static String link(String baseUrl, String postId, String postUrl) {
        return hasOwnUrl(postUrl) ? postUrl : page(baseUrl, postId);
    }

    /**
     * Whether a post's URL is one of its own, somewhere on the web: an http or https URL with no white
     * space in it. The one rule for every channel (feeds, pages, newsletters, snippets, the export).
     */
    public static boolean hasOwnUrl(String url) {
        if (url == null) {
            return false;
        }
        int rest = url.regionMatches(true, 0, "https://", 0, 8) ? 8 : url.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (rest < 0 || url.length() == rest) {
            return false;
        }
        for (int i = rest; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The post's page on Herald: {@code <base>/posts/<id>}. */
    public static String page(String baseUrl, String postId) {
        return baseUrl + "/posts/" + URLEncoder.encode(postId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A link to one pair on a post's page: the anchor percent-encoded, so the link is a valid URL in any script. */
    public static String anchor(String link, String pairId) {
        if (pairId == null || pairId.isEmpty()) {
            return link;
        }
        return link + "#" + URLEncoder.encode(pairId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The page of one tag, at its slug ({@code /tags/city-planning}), as the post pages' tag links point. */
    public static String tagPage(String baseUrl, String tag) {
        return baseUrl + "/tags/" + java.net.URLEncoder.encode(io.herald.publish.feeds.TagSlug.of(tag),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
