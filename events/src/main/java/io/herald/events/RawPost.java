package io.herald.events;

import java.time.Instant;
import java.util.List;

/**
 * A post as it arrived, on {@code herald.posts.raw}: the verbatim body with how and when it came,
 * plus the structure the ingest parser found in it. Everything downstream can be recomputed from it.
 *
 * @param schema      the event schema version ({@link Schema#VERSION})
 * @param id          the post id (see the README, "Post identity"); also the record key
 * @param source      where it came from: {@code http}, {@code inbox:<file name>}, {@code feed:<url>}, {@code webhook}
 * @param contentType the media type it arrived as, e.g. {@code text/plain}
 * @param body        the body, verbatim
 * @param receivedAt  when ingest accepted it
 * @param contentHash SHA-256 (hex) of the body; the same id with the same hash is unchanged
 * @param backlog     an entry of an upstream feed's first poll, published before Herald first read that feed:
 *                    it goes into the feeds; newsletters and social announce it only with {@code feed-backlog=announce}
 * @param sourceUpdatedAt when the CMS that sent it last changed the post, as its notification says (Ghost's
 *                    {@code updated_at}, WordPress's {@code modified_gmt}); a notification older than this is never
 *                    let replace the post (a replayed or late webhook). Absent for other sources
 * @param publishAt   when the post is to be published, if it was sent scheduled ({@code ?publishAt=}); until then
 *                    only the dashboard shows it
 * @param needsApproval the post waits for a marketer's approval before it is published (the setting
 *                    {@code approval=required} when its first version arrived); once approved, every version is
 * @param aliases     the post's ids where it came from, besides its URL: Ghost's id and uuid, WordPress's
 *                    {@code ?p=<id>} link and guid, a feed entry's guid. A CMS notification that names the post
 *                    only by those (Ghost's unpublish and delete, WordPress's trash) still finds it
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
        List<String> images,
        boolean backlog,
        Instant sourceUpdatedAt,
        List<String> aliases,
        Instant publishAt,
        boolean needsApproval) implements Event {

    public RawPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
        qa = qa == null ? List.of() : List.copyOf(qa);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A builder, by name, so that no two fields can be swapped unnoticed. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to make a changed copy by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schema = schema;
        b.id = id;
        b.source = source;
        b.contentType = contentType;
        b.body = body;
        b.receivedAt = receivedAt;
        b.contentHash = contentHash;
        b.title = title;
        b.author = author;
        b.published = published;
        b.url = url;
        b.tags = tags;
        b.intro = intro;
        b.qa = qa;
        b.outro = outro;
        b.links = links;
        b.images = images;
        b.backlog = backlog;
        b.sourceUpdatedAt = sourceUpdatedAt;
        b.aliases = aliases;
        b.publishAt = publishAt;
        b.needsApproval = needsApproval;
        return b;
    }

    /** Builds a {@link RawPost} field by field, by name. */
    public static final class Builder {
        private int schema = Schema.VERSION;
        private String id;
        private String source;
        private String contentType;
        private String body;
        private Instant receivedAt;
        private String contentHash;
        private String title;
        private String author;
        private Instant published;
        private String url;
        private List<String> tags;
        private String intro;
        private List<QaPair> qa;
        private String outro;
        private List<String> links;
        private List<String> images;
        private boolean backlog;
        private Instant sourceUpdatedAt;
        private List<String> aliases;
        private Instant publishAt;
        private boolean needsApproval;

        private Builder() {
        }

        public Builder schema(int schema) {
            this.schema = schema;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder contentHash(String contentHash) {
            this.contentHash = contentHash;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder published(Instant published) {
            this.published = published;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder intro(String intro) {
            this.intro = intro;
            return this;
        }

        public Builder qa(List<QaPair> qa) {
            this.qa = qa;
            return this;
        }

        public Builder outro(String outro) {
            this.outro = outro;
            return this;
        }

        public Builder links(List<String> links) {
            this.links = links;
            return this;
        }

        public Builder images(List<String> images) {
            this.images = images;
            return this;
        }

        public Builder sourceUpdatedAt(Instant sourceUpdatedAt) {
            this.sourceUpdatedAt = sourceUpdatedAt;
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder backlog(boolean backlog) {
            this.backlog = backlog;
            return this;
        }


        public Builder publishAt(Instant publishAt) {
            this.publishAt = publishAt;
            return this;
        }

        public Builder needsApproval(boolean needsApproval) {
            this.needsApproval = needsApproval;
            return this;
        }
        public RawPost build() {
            return new RawPost(schema, id, source, contentType, body, receivedAt, contentHash, title, author, published, url, tags, intro, qa, outro, links, images, backlog, sourceUpdatedAt, aliases, publishAt, needsApproval);
        }
    }
}
