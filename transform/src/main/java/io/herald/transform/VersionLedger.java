package io.herald.transform;

import io.herald.events.EnrichedPost;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest published version of every post: its number, content hash and first publication
 * time. Rebuilt from the compacted {@code herald.posts.enriched} topic at start-up.
 */
public final class VersionLedger {

    /** What is known of a post's latest version. */
    public record Latest(int version, String contentHash, Instant published) {
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    public Optional<Latest> latest(String id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** Remembers a version, unless a newer one is already known (a stale event never wins). */
    public void record(EnrichedPost post) {
        latest.merge(post.id(), new Latest(post.version(), post.contentHash(), post.published()),
                (old, now) -> now.version() >= old.version() ? now : old);
    }

    public void forget(String id) {
        latest.remove(id);
    }

    public int size() {
        return latest.size();
    }
}
