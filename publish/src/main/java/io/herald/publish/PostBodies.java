package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the {@link PostStore} keeps each post's latest version whole. The store calls these under its
 * lock, so a body and its {@link PostHead} change together.
 */
public interface PostBodies extends AutoCloseable {

    /** Keeps the post, whose head the store made ({@code head}: kept beside it where a restart reads heads back). */
    void put(EnrichedPost post, PostHead head);

    Optional<EnrichedPost> get(String id);

    void remove(String id);

    @Override
    default void close() {
    }

    /** The bodies on the heap: what a store without a data folder (and every unit test) uses. */
    static PostBodies onHeap() {
        Map<String, EnrichedPost> held = new ConcurrentHashMap<>();
        return new PostBodies() {
            @Override
            public void put(EnrichedPost post, PostHead head) {
                held.put(post.id(), post);
            }

            @Override
            public Optional<EnrichedPost> get(String id) {
                return Optional.ofNullable(held.get(id));
            }

            @Override
            public void remove(String id) {
                held.remove(id);
            }
        };
    }
}
