package io.herald.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the backlog of a newly added upstream feed from what it publishes afterwards, as
 * RSS-to-email services do: on a feed that has given Herald no post yet, an entry published before
 * Herald first read the feed (or with no date at all) is backlog. Backlog goes into the feeds; whether
 * it is announced is the publishers' call ({@code feed-backlog}).
 *
 * <p>A feed "has given a post" once any raw post from it is on {@code herald.posts.raw} (the ledger is
 * rebuilt from there), so a restart does not turn the next poll into a first one. When Herald was
 * first able to read the feed is kept for this run: an entry published later, on a feed whose first
 * polls found nothing new, is news.
 */
public final class FeedBacklog {

    private final PostLedger ledger;
    private final Map<String, Instant> firstRead = new ConcurrentHashMap<>();

    public FeedBacklog(PostLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Called for every successful read of a feed: the time before which its entries are backlog, or
     * empty when the feed has given Herald posts before (nothing it has now is backlog).
     */
    public Optional<Instant> cutoff(String feedUrl, Instant now) {
        Instant first = firstRead.computeIfAbsent(feedUrl, u -> now);
        return ledger.hasPostsFrom(source(feedUrl)) ? Optional.empty() : Optional.of(first);
    }

    /** Whether an entry published at {@code published} (null: no date) is backlog under a cut-off. */
    public static boolean isBacklog(Optional<Instant> cutoff, Instant published) {
        return cutoff.isPresent() && (published == null || !published.isAfter(cutoff.get()));
    }

    /** The source raw posts from a feed carry. */
    public static String source(String feedUrl) {
        return "feed:" + feedUrl;
    }
}
