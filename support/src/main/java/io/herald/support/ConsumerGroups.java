package io.herald.support;

import java.util.List;

/**
 * The consumer groups Herald's stages share work through. Instances of a stage in the same group
 * split the partitions; operators and tests watch their lag under these names.
 */
public final class ConsumerGroups {

    /** transform: every raw post enriched once across instances. */
    public static final String TRANSFORM = "herald-transform";
    /** publish: each newsletter decided and sent once across instances. */
    public static final String NEWSLETTER = "herald-newsletter";
    /** publish: each post's snippets sent once across instances. */
    public static final String SOCIAL = "herald-social";
    /** publish: each newsletter payload delivered to the webhook once across instances. */
    public static final String NEWSLETTER_DELIVERY = "herald-newsletter-delivery";
    /** publish: each social snippet delivered to the social webhook once across instances. */
    public static final String SOCIAL_DELIVERY = "herald-social-delivery";
    /** publish: every instance reads the whole enriched topic, so its group is its own. */
    public static final String STORE_PREFIX = "herald-publish-";

    /** The groups instances share work through (not the per-instance store groups): whose lag is watched. */
    public static final List<String> SHARED = List.of(TRANSFORM, NEWSLETTER, SOCIAL, NEWSLETTER_DELIVERY, SOCIAL_DELIVERY);

    private ConsumerGroups() {
    }
}
