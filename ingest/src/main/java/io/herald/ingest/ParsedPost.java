package io.herald.ingest;

import io.herald.events.QaPair;
import java.time.Instant;
import java.util.List;
import io.herald.events.RawPost;

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

    /** A raw post holding what was found; the caller adds how and when it arrived (id, source, body, times, hash). */
    public RawPost.Builder toRaw() {
        return RawPost.builder().title(title).author(author).published(published).url(url).tags(tags)
                .intro(intro).qa(qa).outro(outro).links(links).images(images);
    }

    /** A builder, by name, so that no two fields can be swapped unnoticed. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to make a changed copy by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.explicitId = explicitId;
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
        return b;
    }

    /** Builds a {@link ParsedPost} field by field, by name. */
    public static final class Builder {
        private String explicitId;
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

        private Builder() {
        }

        public Builder explicitId(String explicitId) {
            this.explicitId = explicitId;
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

        public ParsedPost build() {
            return new ParsedPost(explicitId, title, author, published, url, tags, intro, qa, outro, links, images);
        }
    }
}
