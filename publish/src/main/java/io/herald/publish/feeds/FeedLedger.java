package io.herald.publish.feeds;

import io.herald.events.EnrichedPost;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.publish.Ledger;
import io.herald.publish.PostStore;
import io.herald.support.ConsumerGroups;
import io.herald.support.GroupOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The feeds' lines in the ledger: per post, the entry id its feed entries have (the same in every feed and on
 * every host), the version and content hash the feeds serve, and {@code Delete} once it left them. Feeds are
 * served by every publish instance from its own store, so an entry is written once, by the instance whose
 * social consumer holds the post's partition, when the version the feeds serve changes.
 */
public final class FeedLedger {

    /** The ledger's destination for the feeds: every feed of the site (all, per tag, per language). */
    public static final String DESTINATION = "/feeds";
    static final Duration UNOWNED = Duration.ofMinutes(2);
    /** At start-up, posts changed this recently are compared with the ledger again. */
    static final Duration RECONCILE = Duration.ofDays(7);

    private final PostStore store;
    private final Ledger ledger;
    private final GroupOwnership ownership;
    private final Consumer<LedgerEntry> writer;
    private final Map<String, Instant> changed = new ConcurrentHashMap<>();

    public FeedLedger(PostStore store, Ledger ledger, GroupOwnership ownership, Consumer<LedgerEntry> writer) {
        this.store = store;
        this.ledger = ledger;
        this.ownership = ownership;
        this.writer = writer;
        store.onChange(id -> changed.putIfAbsent(id, Instant.now()));
    }

    /** After a restart: what changed lately is compared with the ledger again. */
    public void reconcile(Instant now) {
        for (io.herald.publish.PostHead p : store.heads()) {
            if (p.receivedAt() != null && p.receivedAt().isAfter(now.minus(RECONCILE))) {
                changed.putIfAbsent(p.id(), now);
            }
        }
    }

    /** Writes what changed in the feeds of the posts this instance holds; returns how many entries it wrote. */
    public int tick(Instant now) {
        int written = 0;
        for (var c : List.copyOf(changed.entrySet())) {
            String id = c.getKey();
            if (!ownership.ownsKey(ConsumerGroups.SOCIAL, Topics.POSTS_ENRICHED.name(), id)) {
                if (c.getValue().plus(UNOWNED).isBefore(now)) {
                    changed.remove(id);
                }
                continue;
            }
            changed.remove(id);
            Optional<LedgerEntry> entry = next(id, store.get(id), ledger.get(id, LedgerEntry.FEED, DESTINATION), now);
            if (entry.isPresent()) {
                writer.accept(entry.get());
                written++;
            }
        }
        return written;
    }

    /** The entry the feeds' present state of a post calls for, if it differs from the ledger's. */
    Optional<LedgerEntry> next(String id, Optional<EnrichedPost> post, Optional<LedgerEntry> last, Instant now) {
        String entryId = FeedIds.entryId(id);
        if (post.isEmpty()) {
            if (!store.isDeleted(id) || last.isEmpty() || "Delete".equals(last.get().activity())) {
                return Optional.empty(); // waiting for its time or approval, never in a feed, or already gone from them
            }
            LedgerEntry l = last.get();
            return Optional.of(served(id, "Delete", l.version(), l.contentHash(), entryId, now));
        }
        EnrichedPost p = post.get();
        if (last.isPresent() && !"Delete".equals(last.get().activity()) && last.get().version() >= p.version()) {
            return Optional.empty();
        }
        String activity = last.isEmpty() || "Delete".equals(last.get().activity()) ? "Create" : "Update";
        return Optional.of(served(id, activity, p.version(), p.contentHash(), entryId, now));
    }

    private static LedgerEntry served(String id, String activity, int version, String hash, String entryId, Instant now) {
        return LedgerEntry.attempt(id, LedgerEntry.FEED, DESTINATION, version, hash, activity, entryId, entryId, 0, now)
                .next(LedgerEntry.DELIVERED, 1, null, now, null);
    }
}
