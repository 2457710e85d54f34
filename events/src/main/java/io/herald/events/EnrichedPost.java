package io.herald.events;

import java.time.Instant;
import java.util.List;

/**
 * The latest version of a post, normalized and enriched, on the compacted {@code herald.posts.enriched}
 * topic and from {@code GET /api/posts/{id}}. A {@code null} value for a key (tombstone) deletes the post.
 *
 * @param version     1 for the first publication, growing by one with every change of content
 * @param published   first publication time (UTC)
 * @param updated     time of the latest change (UTC)
 * @param contentHash hash of the raw body this version was made from
 * @param entities    organizations, people, places and programs the post mentions
 * @param minorEdit   this version only fixes typos (a small share of words changed): publishers need not
 *                    announce it again, and {@code updated} keeps the previous significant edit's time
 * @param receivedAt  when ingest received the raw post this version was made from; an older raw post
 *                    arriving later (a redelivery) never replaces this version
 */
public record EnrichedPost(
        int schema,
        String id,
        int version,
        String title,
        String author,
        Instant published,
        Instant updated,
        String url,
        String language,
        String intro,
        List<EnrichedQa> qa,
        String outro,
        List<String> links,
        List<String> images,
        List<String> tags,
        String summary,
        int readingTimeMinutes,
        int wordCount,
        List<Provenance> provenance,
        String contentHash,
        List<Entity> entities,
        boolean minorEdit,
        Instant receivedAt) implements Event {

    public EnrichedPost {
        qa = qa == null ? List.of() : List.copyOf(qa);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
        tags = tags == null ? List.of() : List.copyOf(tags);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
