package io.herald.publish.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Entry ids and links for feeds. Ids derive from the post id alone, never from the base URL or
 * the version, so a reader sees an edited post as the same item, whatever host serves it.
 */
public final class FeedIds {

    private FeedIds() {
    }

    public static String entryId(String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("herald:post:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A media type for an image URL, from its extension. */
    public static String imageType(String url) {
        String u = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        if (u.endsWith(".png")) {
            return "image/png";
        }
        if (u.endsWith(".gif")) {
            return "image/gif";
        }
        if (u.endsWith(".webp")) {
            return "image/webp";
        }
        if (u.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "image/jpeg";
    }
}
