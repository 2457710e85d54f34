package io.herald.publish;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Entry ids for feeds. They derive from the post id alone, never from the base URL or the
 * version, so a reader sees an edited post as the same item, whatever host serves it.
 */
public final class FeedIds {

    private FeedIds() {
    }

    public static String entryId(String postId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("herald:post:" + postId).getBytes(StandardCharsets.UTF_8));
    }

    /** A link to the post: its own URL when it has one, else Herald's API view of it. */
    public static String link(String baseUrl, String postId, String postUrl) {
        if (postUrl != null && postUrl.matches("(?i)https?://.+")) {
            return postUrl;
        }
        return baseUrl + "/api/posts/" + java.net.URLEncoder.encode(postId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
