package io.herald.transform.steps;

import io.herald.support.TrackingParams;
import java.net.URI;
import java.net.URISyntaxException;

/** Links without the tracking parameters that marketing tools add to them. */
public final class Urls {

    private Urls() {
    }

    /** The link without tracking parameters ({@link TrackingParams}). */
    public static String clean(String url) {
        return TrackingParams.strip(url);
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
