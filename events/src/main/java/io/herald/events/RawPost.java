package io.herald.events;

import java.time.Instant;
import java.util.List;

/**
 * A post as it arrived, on {@code herald.posts.raw}: the verbatim body with how and when it came,
 * plus the structure the ingest parser found in it. Everything downstream can be recomputed from it.
 *
 * @param schema      the event schema version ({@link Schema#VERSION})
 * @param id          the post id (see CONTRACT.md, "Post identity"); also the record key
 * @param source      where it came from: {@code http}, {@code inbox:<file name>}, {@code feed:<url>}, {@code webhook}
 * @param contentType the media type it arrived as, e.g. {@code text/plain}
 * @param body        the body, verbatim
 * @param receivedAt  when ingest accepted it
 * @param contentHash SHA-256 (hex) of the body; the same id with the same hash is unchanged
 */
public record RawPost(
        int schema,
        String id,
        String source,
        String contentType,
        String body,
        Instant receivedAt,
        String contentHash,
        String title,
        String author,
        Instant published,
        String url,
        List<String> tags,
        String intro,
        List<QaPair> qa,
        String outro,
        List<String> links,
        List<String> images) implements Event {

    public RawPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
        qa = qa == null ? List.of() : List.copyOf(qa);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
