package io.herald.transform.steps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Links without the tracking parameters that marketing tools add to them. */
public final class Urls {

    /** Parameters that identify a campaign or a click, never the page. */
    public static final Set<String> TRACKING = Set.of("ref", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi", "igshid", "yclid");

    private Urls() {
    }

    public static String clean(String url) {
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
            if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(param);
            }
        }
        return base.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
    }

    /** {@code href} made absolute against {@code base}; {@code null} when it cannot be. */
    public static String absolute(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(href.strip());
            if (uri.isAbsolute()) {
                return uri.toString();
            }
            return base == null ? null : new URI(base).resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
