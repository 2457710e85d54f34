package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest version of every post, as the compacted {@code herald.posts.enriched} topic says.
 * A cache of the topic, never the source of truth: it is rebuilt from the topic at start-up.
 */
public final class PostStore {

    /** Newest first; ties broken by id so the order, and so the feeds, are the same on every instance. */
    static final Comparator<EnrichedPost> NEWEST_FIRST = Comparator
            .comparing(EnrichedPost::published, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(EnrichedPost::id);

    private final Map<String, EnrichedPost> posts = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final java.util.Set<String> deleted = ConcurrentHashMap.newKeySet();

    /**
     * Applies a record; an older version than the one held is ignored. What is kept has passed
     * {@link SafeContent}, so nothing live reaches a feed, a page or an e-mail from here.
     *
     * @return whether anything changed
     */
    public boolean apply(EnrichedPost record) {
        EnrichedPost post = SafeContent.of(record);
        boolean[] changed = {false};
        posts.compute(post.id(), (id, old) -> {
            if (old == null || post.version() > old.version()) {
                changed[0] = true;
                return post;
            }
            return old;
        });
        if (changed[0]) {
            deleted.remove(post.id());
            changes.incrementAndGet();
        }
        return changed[0];
    }

    /** A tombstone: the post leaves every feed. */
    public boolean delete(String id) {
        deleted.add(id);
        boolean removed = posts.remove(id) != null;
        if (removed) {
            changes.incrementAndGet();
        }
        return removed;
    }

    /** Whether the latest record for this id was a tombstone. */
    public boolean isDeleted(String id) {
        return deleted.contains(id);
    }

    public Optional<EnrichedPost> get(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    public List<EnrichedPost> newest(int offset, int limit) {
        return posts.values().stream().sorted(NEWEST_FIRST).skip(offset).limit(limit).toList();
    }

    public int size() {
        return posts.size();
    }

    /** Grows with every change; feeds use it to know when their cached bytes are stale. */
    public long changeCount() {
        return changes.get();
    }
}
