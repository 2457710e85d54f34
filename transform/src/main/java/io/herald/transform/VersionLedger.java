package io.herald.transform;

import io.herald.events.EnrichedPost;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import io.herald.support.Packed;

/**
 * The latest version of every post: its number, content hash, times and text (to judge how big the
 * next edit is). Rebuilt from the compacted {@code herald.posts.enriched} topic at start-up.
 */
public final class VersionLedger {

    /** What is known of a post's latest version; its text is kept compressed (read only when the next version comes). */
    public record Latest(int version, String contentHash, Instant published, Instant updated, Instant receivedAt,
                         byte[] packedText, int questions, String title, boolean backlog, Long rawOffset) {

        public String text() {
            return Packed.text(packedText);
        }
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    public Optional<Latest> latest(String id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** Remembers a version, unless a newer one is already known (a stale event never wins). */
    public void record(EnrichedPost post) {
        Latest now = new Latest(post.version(), post.contentHash(), post.published(), post.updated(), post.receivedAt(),
                Packed.text(Draft.fullText(post.title(), post.intro(), post.qa(), post.outro())), post.qa().size(),
                post.title(), post.backlog(), post.rawOffset());
        latest.merge(post.id(), now, (old, next) -> next.version() >= old.version() ? next : old);
    }

    public void forget(String id) {
        latest.remove(id);
    }

    public int size() {
        return latest.size();
    }
}
