package io.herald.publish.newsletter;

import io.herald.events.EnrichedPost;
import io.herald.events.NewsletterPayload;
import io.herald.publish.Outbox;
import io.herald.support.Settings.FeedBacklog;
import io.herald.support.Settings.NewsletterOnEdit;
import java.util.Optional;

/**
 * Which newsletter a version of a post sends: an announcement on its first publication; for a
 * significant edit, nothing or a correction ({@code newsletter-on-edit}); nothing for a typo fix; and
 * never a payload whose key already went out.
 */
public final class NewsletterDecision {

    /** Why a newly added feed's backlog gets no newsletter and no snippets, as the previews say it. */
    public static final String BACKLOG_SKIPPED = "part of the backlog of a newly added feed (feed-backlog=skip)";

    private final NewsletterRenderer renderer;
    private final boolean correctOnEdit;
    private final boolean announceBacklog;

    public NewsletterDecision(NewsletterRenderer renderer, NewsletterOnEdit onEdit) {
        this(renderer, onEdit, FeedBacklog.SKIP);
    }

    /** @param backlog what a newly added feed's backlog gets */
    public NewsletterDecision(NewsletterRenderer renderer, NewsletterOnEdit onEdit, FeedBacklog backlog) {
        this.renderer = renderer;
        this.correctOnEdit = onEdit == NewsletterOnEdit.CORRECTION;
        this.announceBacklog = backlog == FeedBacklog.ANNOUNCE;
    }

    /** Whether this post gets no newsletter at all: it is a newly added feed's backlog, and backlog is skipped. */
    public boolean skips(EnrichedPost post) {
        return post.backlog() && !announceBacklog;
    }

    public Optional<NewsletterPayload> decide(EnrichedPost post, Outbox outbox) {
        NewsletterPayload payload = null;
        if (skips(post)) {
            return Optional.empty();
        }
        if (!outbox.announced(post.id())) {
            payload = renderer.announce(post, "announcement");
        } else if (!post.minorEdit() && correctOnEdit) {
            payload = renderer.announce(post, "correction");
        }
        return Optional.ofNullable(payload).filter(p -> !outbox.sent(p.idempotencyKey()));
    }

    /** What the newsletter of a post looks like before it went out: its announcement. */
    public NewsletterPayload preview(EnrichedPost post) {
        return renderer.announce(post, "announcement");
    }
}
