package io.herald.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content hash last accepted for each post id, so that sending the same post again answers
 * {@code unchanged} instead of producing a new version. Rebuilt from {@code herald.posts.raw} at
 * start-up; transform still checks hashes itself, so a miss here only costs a redundant record.
 */
public final class PostLedger {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final java.util.Set<String> sources = ConcurrentHashMap.newKeySet();
    private final Map<String, java.time.Instant> sourceUpdated = new ConcurrentHashMap<>();

    /** As {@link #record(String, String, String)}, with when the CMS says it last changed the post (may be null). */
    public void record(String id, String contentHash, String source, java.time.Instant sourceUpdatedAt) {
        record(id, contentHash, source);
        if (sourceUpdatedAt != null) {
            sourceUpdated.merge(id, sourceUpdatedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /**
     * Whether a CMS notification saying the post changed at {@code updatedAt} is older than the version
     * Herald holds (a replayed or late webhook), so it must not replace it.
     */
    public boolean olderThanHeld(String id, java.time.Instant updatedAt) {
        java.time.Instant held = sourceUpdated.get(id);
        return updatedAt != null && held != null && updatedAt.isBefore(held);
    }

    public boolean isUnchanged(String id, String contentHash) {
        return contentHash.equals(hashes.get(id));
    }

    /** Called only once the record is safely in Kafka; before that the post is not accepted. */
    public void record(String id, String contentHash) {
        hashes.put(id, contentHash);
    }

    /** As {@link #record(String, String)}, noting where the post came from ({@code feed:<url>}, ...). */
    public void record(String id, String contentHash, String source) {
        record(id, contentHash);
        if (source != null) {
            sources.add(source);
        }
    }

    /** Whether any post was ever accepted from this source (deleted ones count too). */
    public boolean hasPostsFrom(String source) {
        return sources.contains(source);
    }

    /** Whether this id is a post Herald has (accepted and not deleted). */
    public boolean knows(String id) {
        return hashes.containsKey(id);
    }

    /** The post was deleted (its tombstone is in Kafka): the same content sent again is a new post. */
    public void forget(String id) {
        hashes.remove(id);
        sourceUpdated.remove(id);
    }

    public int size() {
        return hashes.size();
    }
}
