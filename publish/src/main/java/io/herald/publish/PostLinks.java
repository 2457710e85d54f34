package io.herald.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a post lives, for every channel: feed entries, newsletters and snippets link there. */
public final class PostLinks {

    private PostLinks() {
    }

    /** The post's own URL when it has one, else its page on Herald ({@link #page}). */
    public static String link(String baseUrl, String postId, String postUrl) {
        if (postUrl != null && postUrl.matches("(?i)https?://.+")) {
            return postUrl;
        }
        return page(baseUrl, postId);
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
}
