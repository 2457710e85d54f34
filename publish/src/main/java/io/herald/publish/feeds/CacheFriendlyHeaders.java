package io.herald.publish.feeds;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, less its ban on {@code Cache-Control}: feed responses must tell
 * readers and proxies how long they may reuse a feed. Bound in the registry as {@link #NAME}.
 */
public final class CacheFriendlyHeaders extends HttpHeaderFilterStrategy {

    public static final String NAME = "heraldCacheFriendlyHeaders";

    public CacheFriendlyHeaders() {
        getOutFilter().remove("cache-control");
    }
}
