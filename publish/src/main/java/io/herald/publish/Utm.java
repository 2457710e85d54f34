package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Campaign parameters for links in outgoing payloads, so marketing can see what each channel
 * brought. Only on links people click; never in ids or keys.
 */
public final class Utm {

    private Utm() {
    }

    public static String tag(String url, String medium, String campaign) {
        if (url == null || !url.matches("(?i)https?://.+")) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash) : "";
        String base = hash >= 0 ? url.substring(0, hash) : url;
        String params = "utm_source=herald&utm_medium=" + enc(medium) + "&utm_campaign=" + enc(campaign);
        return base + (base.contains("?") ? "&" : "?") + params + fragment;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The campaign name of a post, the same on every channel: its id, as letters, digits and dashes. */
    public static String campaign(EnrichedPost post) {
        return post.id().replaceAll("(?i)^https?://", "").replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }
}
