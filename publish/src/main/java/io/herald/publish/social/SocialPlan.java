package io.herald.publish.social;

import io.herald.events.EnrichedPost;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import io.herald.publish.PostLinks;
import io.herald.publish.Utm;
import io.herald.support.Settings.FeedBacklog;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snippets a post gets: one per platform (and a numbered thread per platform when threads are on),
 * each linking to the post with the platform's UTM tags. What is sent and what the preview shows are
 * both made here, so they cannot differ.
 */
public final class SocialPlan {

    private final SnippetComposer composer = new SnippetComposer();
    private final String baseUrl;
    private final List<Platform> platforms;
    private final boolean threads;
    private final boolean announceBacklog;
    private volatile java.util.function.Function<String, java.util.Map<String, String>> edits = id -> java.util.Map.of();

    public SocialPlan(String baseUrl, List<Platform> platforms, boolean threads) {
        this(baseUrl, platforms, threads, FeedBacklog.SKIP);
    }

    /** @param backlog what a newly added feed's backlog gets */
    public SocialPlan(String baseUrl, List<Platform> platforms, boolean threads, FeedBacklog backlog) {
        this.baseUrl = baseUrl;
        this.platforms = List.copyOf(platforms);
        this.threads = threads;
        this.announceBacklog = backlog == FeedBacklog.ANNOUNCE;
    }

    /** Where a marketer's own snippet texts come from: by post id, the text per network. */
    public SocialPlan edits(java.util.function.Function<String, java.util.Map<String, String>> edits) {
        this.edits = edits;
        return this;
    }

    /** The networks snippets are written for. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** Whether this post gets no snippets at all: it is a newly added feed's backlog, and backlog is skipped. */
    public boolean skips(EnrichedPost post) {
        return post.backlog() && !announceBacklog;
    }

    /** Every snippet of the post, in platform order. */
    public List<SocialSnippet> snippets(EnrichedPost post) {
        List<SocialSnippet> snippets = new ArrayList<>();
        String link = PostLinks.link(baseUrl, post.id(), post.url());
        java.util.Map<String, String> own = edits.apply(post.id());
        for (Platform p : platforms) {
            String tagged = Utm.tag(link, "social-" + p.id(), Utm.campaign(post));
            SocialSnippet composed = composer.compose(post, p, tagged);
            String text = own.get(p.id());
            snippets.add(text == null ? composed : SnippetComposer.edited(composed, text, p));
            if (threads) {
                snippets.addAll(composer.thread(post, p, tagged));
            }
        }
        return snippets;
    }

    /**
     * What to send for this version: nothing once an earlier version had its snippets, and no key twice (so the
     * snippets of a version a crash came in the middle of are completed, not sent again).
     */
    public List<SocialSnippet> toSend(EnrichedPost post, Outbox outbox) {
        if (skips(post) || outbox.socialSentBefore(post.id(), post.version())) {
            return List.of();
        }
        List<SocialSnippet> snippets = snippets(post);
        snippets.removeIf(s -> outbox.sent(s.idempotencyKey()));
        // Never over the network's limit: a snippet that cannot be cut to fit is held, with its reason
        // in the post's social preview and the log.
        snippets.removeIf(s -> {
            if (s.length() <= s.limit()) {
                return false;
            }
            LOG.warn("snippet {} held: {}", s.idempotencyKey(), tooLong(s));
            return true;
        });
        return snippets;
    }

    /** Why a snippet is held. */
    public static String tooLong(SocialSnippet s) {
        return "Even cut to its title and link it is " + s.length() + " long as " + s.platform() + " counts, over its limit of "
                + s.limit() + ", so it is held rather than sent over the limit.";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocialPlan.class);
}
