package io.herald.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters marketing tools add to links to identify a campaign or a click, never the page. A
 * post's id and its links are the URL without them, so the same post found through a newsletter link,
 * a feed and a CMS is one post.
 */
public final class TrackingParams {

    /** Besides every {@code utm_*}: parameters that identify a click or a campaign. */
    public static final Set<String> NAMES = Set.of("ref", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi", "igshid", "yclid");

    private TrackingParams() {
    }

    /** The URL without tracking parameters (its other parameters and its fragment kept, in order). */
    public static String strip(String url) {
        if (url == null || url.indexOf('?') < 0) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash) : "";
        String base = hash >= 0 ? url.substring(0, hash) : url;
        int q = base.indexOf('?');
        List<String> kept = new ArrayList<>();
        for (String param : base.substring(q + 1).split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !name.startsWith("utm_") && !NAMES.contains(name)) {
                kept.add(param);
            }
        }
        return base.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
    }
}
