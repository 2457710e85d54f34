package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import java.time.Instant;
import java.util.List;

/**
 * What a walk through every post needs of one version, without its body (intro, answers, outro,
 * summary, entities, provenance): the store keeps one per post on the heap and the bodies where its
 * {@link PostBodies} keep them, so the heap holds a few hundred bytes a post, not the post.
 *
 * @param qaIds    the ids of its question and answer pairs, in order (the Q&amp;A feed's entries)
 * @param deferred its newsletter and snippets go out when due ({@link Release#deferred})
 */
public record PostHead(String id, int version, Instant published, Instant updated, Instant receivedAt, String title,
                       String url, String language, String sourceKind, List<String> tags, List<String> qaIds,
                       String contentHash, boolean backlog, boolean deferred) {

    public PostHead {
        tags = List.copyOf(tags);
        qaIds = java.util.Collections.unmodifiableList(java.util.Arrays.asList(qaIds.toArray(new String[0])));
    }

    public static PostHead of(EnrichedPost post) {
        List<EnrichedQa> qa = post.qa();
        String[] ids = new String[qa.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = qa.get(i).id();
        }
        return new PostHead(post.id(), post.version(), post.published(), post.updated(), post.receivedAt(), post.title(),
                post.url(), post.language(), post.sourceKind(), post.tags(), java.util.Arrays.asList(ids), post.contentHash(), post.backlog(),
                Release.deferred(post));
    }
}
