package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long newsletters and snippets wait before they go out, and whether a post was deleted in the
 * meantime (a tombstone seen by an outbound consumer, or by the store's own consumer), which cancels
 * what was held for it.
 */
public final class HoldWindow {

    private final Duration hold;
    private final PostStore store;
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    public HoldWindow(Duration hold, PostStore store) {
        this.hold = hold;
        this.store = store;
    }

    public Duration hold() {
        return hold;
    }

    /** Milliseconds still to wait, at {@code now}, for what was written at {@code writtenAt} (0 once its hold is over). */
    public long remaining(long writtenAt, long now) {
        return Math.max(0, Math.min(writtenAt, now) + hold.toMillis() - now);
    }

    /** Notes what a record of the enriched topic says: a post ({@code post}), or its deletion ({@code null}). */
    public void observe(String postId, EnrichedPost post) {
        if (post != null) {
            deleted.remove(post.id());
        } else if (postId != null) {
            deleted.add(postId);
        }
    }

    /** Whether what was held for this post must not go out. */
    public boolean cancels(String postId) {
        return postId != null && (deleted.contains(postId) || store.isDeleted(postId));
    }
}
