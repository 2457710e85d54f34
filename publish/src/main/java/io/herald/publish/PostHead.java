package io.herald.publish;

import io.herald.events.EnrichedPost;
import java.time.Instant;
import java.util.List;

/**
 * What a walk through every post needs of one version, without its body (title, intro, questions and
 * answers, outro, summary, entities, provenance): the store keeps one per post on the heap and the bodies where its
 * {@link PostBodies} keep them, so the heap holds a few hundred bytes a post, not the post.
 *
 * @param questions how many question and answer pairs it has (its entries in the Q&amp;A feed)
 * @param deferred its newsletter and snippets go out when due ({@link Release#deferred})
 */
public record PostHead(String id, int version, Instant published, Instant updated, Instant receivedAt,
                       String url, String language, String sourceKind, List<String> tags, int questions,
                       String contentHash, boolean backlog, boolean deferred) {

    /**
     * Languages, kinds of source and tags recur on post after post: each held once, not once per head
     * (up to a bound, past which a value is kept as it came).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> SHARED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SHARED_MAX = 100_000;

    public PostHead {
        language = shared(language);
        sourceKind = shared(sourceKind);
        String[] t = new String[tags.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = shared(tags.get(i));
        }
        tags = List.of(t);
    }

    private static String shared(String s) {
        if (s == null) {
            return null;
        }
        String known = SHARED.get(s);
        if (known != null) {
            return known;
        }
        if (SHARED.size() >= SHARED_MAX) {
            return s;
        }
        known = SHARED.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    public static PostHead of(EnrichedPost post) {
        return new PostHead(post.id(), post.version(), post.published(), post.updated(), post.receivedAt(),
                post.url(), post.language(), post.sourceKind(), post.tags(), post.qa().size(), post.contentHash(), post.backlog(),
                Release.deferred(post));
    }
}
