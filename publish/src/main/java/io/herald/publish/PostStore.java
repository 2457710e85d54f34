package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.support.PostIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The latest version of every post, as the compacted {@code herald.posts.enriched} topic says.
 * A cache of the topic, never the source of truth: it is rebuilt from the topic at start-up (or from
 * the checkpoint of its {@link LocalStore}, and the topic after it).
 *
 * <p>On the heap it keeps a {@link PostHead} per post, in {@link #NEWEST_FIRST} order: what the walks
 * through every post (feeds, pages, facets, the ledger's scans) read. The posts whole are in its
 * {@link PostBodies}, read for what is shown: a feed's entries, a page, one post.
 */
public final class PostStore {

    /** Newest first; ties broken by id so the order, and so the feeds, are the same on every instance. */
    static final Comparator<PostHead> NEWEST_FIRST = Comparator
            .comparing(PostHead::published, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PostHead::id);

    private final PostBodies bodies;
    private final Map<String, PostHead> heads = new ConcurrentHashMap<>();
    /** The same heads kept in {@link #NEWEST_FIRST} order, so a page of the newest costs its length, not a sort. */
    private final ConcurrentSkipListSet<PostHead> order = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final AtomicLong changes = new AtomicLong();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** How many posts have each tag (as spelt), kept as posts come and go: the tags in use without a pass over every post. */
    private final TreeMap<String, Integer> tagCounts = new TreeMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** A store whose bodies are on the heap. */
    public PostStore() {
        this(PostBodies.onHeap());
    }

    public PostStore(PostBodies bodies) {
        this.bodies = bodies;
    }

    /** Told the id of every post that is published, changes version or is withdrawn (briefly: it runs under the store's lock). */
    public void onChange(Consumer<String> listener) {
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
        PostHead old = heads.get(post.id());
        if (old != null && post.version() <= old.version()) {
            return false;
        }
        PostHead head = PostHead.of(post);
        bodies.put(post, head);
        hold(old, head);
        deleted.remove(post.id());
        changes.incrementAndGet();
        listeners.forEach(l -> l.accept(post.id()));
        return true;
    }

    /** A post whose body its {@link PostBodies} hold already (a checkpoint read back): its head only. */
    synchronized void restore(PostHead head) {
        hold(heads.get(head.id()), head);
        deleted.remove(head.id());
        changes.incrementAndGet();
    }

    // A reader between these steps may see the post missing or twice; the change count moves last
    // (in the callers), so whatever it cached from that view is stale at once and made again.
    private void hold(PostHead old, PostHead next) {
        if (old != null) {
            order.remove(old);
            countTags(old, -1);
        }
        order.add(next);
        heads.put(next.id(), next);
        countTags(next, 1);
    }

    /**
     * Replaces the held version of a post with what {@code change} makes of it (the same version, its
     * published tags changed by a decision, say).
     *
     * @return whether anything changed
     */
    public synchronized boolean replace(String id, UnaryOperator<EnrichedPost> change) {
        PostHead head = heads.get(id);
        Optional<EnrichedPost> held = head == null ? Optional.empty() : bodies.get(id);
        if (held.isEmpty()) {
            return false;
        }
        EnrichedPost old = held.get();
        EnrichedPost next = change.apply(old);
        if (next == null || next.equals(old) || !next.id().equals(old.id()) || next.version() != old.version()) {
            return false;
        }
        PostHead nextHead = PostHead.of(next);
        bodies.put(next, nextHead);
        hold(head, nextHead);
        changes.incrementAndGet();
        return true;
    }

    /** A tombstone: the post leaves every feed. */
    public synchronized boolean delete(String id) {
        deleted.add(id);
        PostHead removed = heads.remove(id);
        if (removed != null) {
            order.remove(removed);
            countTags(removed, -1);
            bodies.remove(id);
            changes.incrementAndGet();
            listeners.forEach(l -> l.accept(id));
        }
        return removed != null;
    }

    private void countTags(PostHead post, int by) {
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
        String key = PostIds.normalize(id);
        return heads.containsKey(key) ? bodies.get(key) : Optional.empty();
    }

    /** Every post's head, newest first: for walks through every post, which read no body. */
    public Iterable<PostHead> heads() {
        return Collections.unmodifiableSet(order);
    }

    /** The post a head is of, whole; empty when it was withdrawn since the head was read. */
    public Optional<EnrichedPost> body(PostHead head) {
        return bodies.get(head.id());
    }

    public List<EnrichedPost> newest(int offset, int limit) {
        return newest(h -> true, ANY, offset, limit).posts();
    }

    /** A page of the posts that pass {@code filter}, newest first, and how many pass in all. */
    public record Page(int total, List<EnrichedPost> posts) {
    }

    /** One pass over the heads, newest first: the page between {@code offset} and {@code offset + limit}, and the count. */
    public Page newest(Predicate<PostHead> filter, int offset, int limit) {
        return newest(filter, ANY, offset, limit);
    }

    /**
     * As {@link #newest(Predicate, int, int)}, with a test that needs the post whole ({@code bodyFilter},
     * none when null): it reads the body of every post that passes {@code headFilter}, so it costs the bodies' reads.
     */
    public Page newest(Predicate<PostHead> headFilter, Predicate<EnrichedPost> bodyFilter, int offset, int limit) {
        Predicate<EnrichedPost> test = bodyFilter == null ? ANY : bodyFilter;
        List<EnrichedPost> page = new ArrayList<>(Math.min(limit, 256));
        boolean everyBody = test != ANY;
        int matched = 0;
        for (PostHead h : order) {
            if (!headFilter.test(h)) {
                continue;
            }
            boolean wanted = matched >= offset && page.size() < limit;
            if (!everyBody && !wanted) {
                matched++;
                continue;
            }
            Optional<EnrichedPost> post = bodies.get(h.id());
            if (post.isEmpty() || !test.test(post.get())) {
                continue;
            }
            if (wanted) {
                page.add(post.get());
            }
            matched++;
        }
        return new Page(matched, List.copyOf(page));
    }

    private static final Predicate<EnrichedPost> ANY = p -> true;

    public int size() {
        return heads.size();
    }

    /** Grows with every change; feeds use it to know when their cached bytes are stale. */
    public long changeCount() {
        return changes.get();
    }
}
