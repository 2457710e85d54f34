package io.herald.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What a source says about a post outside its content: front matter, feed-entry fields, a CMS
 * payload. Each field, when set, wins over what the parser would find in the document itself.
 */
public record PostMeta(String id, String title, String author, Instant published, String url, List<String> tags,
                       String image) {

    public static final PostMeta NONE = new PostMeta(null, null, null, null, null, List.of(), null);

    public PostMeta {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
