package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import io.herald.support.PostIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

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
    /** The same posts kept in {@link #NEWEST_FIRST} order, so a page of the newest costs its length, not a sort. */
    private final ConcurrentSkipListSet<EnrichedPost> order = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final AtomicLong changes = new AtomicLong();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** How many posts have each tag (as spelt), kept as posts come and go: the tags in use without a pass over every post. */
    private final java.util.TreeMap<String, Integer> tagCounts = new java.util.TreeMap<>();
    private final List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told the id of every post that is published, changes version or is withdrawn (briefly: it runs under the store's lock). */
    public void onChange(java.util.function.Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Applies a record; an older version than the one held is ignored. What is kept has passed
     * {@link SafeContent}, so nothing live reaches a feed, a page or an e-mail from here.
     *
     * @return whether anything changed
     */
    public boolean apply(EnrichedPost record) {
        return applySafe(SafeContent.of(record));
    }

    /** As {@link #apply}, for a post that has passed {@link SafeContent} already ({@link EnrichedRecords}). */
    public synchronized boolean applySafe(EnrichedPost post) {
        EnrichedPost old = posts.get(post.id());
        if (old != null && post.version() <= old.version()) {
            return false;
        }
        // A reader between these steps may see the post missing or twice; the change count moves
        // last, so whatever it cached from that view is stale at once and made again.
        if (old != null) {
            order.remove(old);
            countTags(old, -1);
        }
        order.add(post);
        posts.put(post.id(), post);
        countTags(post, 1);
        deleted.remove(post.id());
        changes.incrementAndGet();
        listeners.forEach(l -> l.accept(post.id()));
        return true;
    }

    /**
     * Replaces the held version of a post with what {@code change} makes of it (the same version, its
     * published tags changed by a decision, say).
     *
     * @return whether anything changed
     */
    public synchronized boolean replace(String id, java.util.function.UnaryOperator<EnrichedPost> change) {
        EnrichedPost old = posts.get(id);
        if (old == null) {
            return false;
        }
        EnrichedPost next = change.apply(old);
        if (next == null || next.equals(old) || !next.id().equals(old.id()) || next.version() != old.version()) {
            return false;
        }
        order.remove(old);
        order.add(next);
        posts.put(id, next);
        countTags(old, -1);
        countTags(next, 1);
        changes.incrementAndGet();
        return true;
    }

    /** A tombstone: the post leaves every feed. */
    public synchronized boolean delete(String id) {
        deleted.add(id);
        EnrichedPost removed = posts.remove(id);
        if (removed != null) {
            order.remove(removed);
            countTags(removed, -1);
            changes.incrementAndGet();
            listeners.forEach(l -> l.accept(id));
        }
        return removed != null;
    }

    private void countTags(EnrichedPost post, int by) {
        for (String tag : post.tags()) {
            tagCounts.merge(tag, by, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Every tag the posts have, as spelt, sorted. */
    public synchronized List<String> tags() {
        return List.copyOf(tagCounts.keySet());
    }

    /** Whether the latest record for this id was a tombstone. */
    public boolean isDeleted(String id) {
        return deleted.contains(id);
    }

    public Optional<EnrichedPost> get(String id) {
        return Optional.ofNullable(posts.get(PostIds.normalize(id)));
    }

    public List<EnrichedPost> newest(int offset, int limit) {
        List<EnrichedPost> page = new ArrayList<>(Math.min(limit, 256));
        int skipped = 0;
        for (EnrichedPost p : order) {
            if (page.size() >= limit) {
                break;
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            page.add(p);
        }
        return List.copyOf(page);
    }

    /** A page of the posts that pass {@code filter}, newest first, and how many pass in all. */
    public record Page(int total, List<EnrichedPost> posts) {
    }

    /** One pass over the posts, newest first: the page between {@code offset} and {@code offset + limit}, and the count. */
    public Page newest(java.util.function.Predicate<EnrichedPost> filter, int offset, int limit) {
        List<EnrichedPost> page = new ArrayList<>(Math.min(limit, 256));
        int matched = 0;
        for (EnrichedPost p : order) {
            if (!filter.test(p)) {
                continue;
            }
            if (matched >= offset && page.size() < limit) {
                page.add(p);
            }
            matched++;
        }
        return new Page(matched, List.copyOf(page));
    }

    /** Every post, in no particular order. */
    public Collection<EnrichedPost> all() {
        return Collections.unmodifiableCollection(posts.values());
    }

    public int size() {
        return posts.size();
    }

    /** Grows with every change; feeds use it to know when their cached bytes are stale. */
    public long changeCount() {
        return changes.get();
    }
}
