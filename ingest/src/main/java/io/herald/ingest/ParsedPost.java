package io.herald.ingest;

import io.herald.events.QaPair;
import java.time.Instant;
import java.util.List;

/** What a parser found in a document. Fields it could not find are {@code null} or empty. */
public record ParsedPost(
        String explicitId,
        String title,
        String author,
        Instant published,
        String url,
        List<String> tags,
        String intro,
        List<QaPair> qa,
        String outro,
        List<String> links,
        List<String> images) {

    public ParsedPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
        qa = qa == null ? List.of() : List.copyOf(qa);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
