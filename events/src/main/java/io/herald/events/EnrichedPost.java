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
 * @param receivedAt  when ingest received the raw post this version was made from (by ingest's clock: shown, never
 *                    used to order versions)
 * @param autoTags    the tags among {@code tags} that Herald found in the text (the rest are the author's): suggestions
 *                    a marketer accepts or removes ({@link PostControls}); absent on versions made before it existed
 * @param publishAt   as the raw post's: when it is to be published, if it was sent scheduled
 * @param needsApproval as the raw post's: it waits for a marketer's approval ({@link PostControls#approved()})
 * @param rawOffset   the offset in {@code herald.posts.raw} of the raw post this version was made from. Every
 *                    version of a post is on one partition there (the key is the post id), so offsets order
 *                    them: a raw post at a lower offset arriving later (a redelivery) never replaces this
 *                    version, whatever the clocks of the ingest instances say. Absent on versions made before it existed
 * @param sourceKind  the kind of door the raw post came in by: {@code http} (the API and the dashboard), {@code inbox},
 *                    {@code feed} or {@code webhook} (a CMS); only the kind, never the file name or address.
 *                    Absent on versions made before it existed
 * @param backlog     the post came with the backlog of a newly added upstream feed (see {@link RawPost}); kept
 *                    by every later version
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
        Instant receivedAt,
        boolean backlog,
        Long rawOffset,
        String sourceKind,
        List<String> autoTags,
        Instant publishAt,
        boolean needsApproval) implements Event {

    public EnrichedPost {
        qa = qa == null ? List.of() : List.copyOf(qa);
        links = links == null ? List.of() : List.copyOf(links);
        images = images == null ? List.of() : List.copyOf(images);
        tags = tags == null ? List.of() : List.copyOf(tags);
        autoTags = autoTags == null ? List.of() : List.copyOf(autoTags);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        entities = entities == null ? List.of() : List.copyOf(entities);
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
        b.version = version;
        b.title = title;
        b.author = author;
        b.published = published;
        b.updated = updated;
        b.url = url;
        b.language = language;
        b.intro = intro;
        b.qa = qa;
        b.outro = outro;
        b.links = links;
        b.images = images;
        b.tags = tags;
        b.summary = summary;
        b.readingTimeMinutes = readingTimeMinutes;
        b.wordCount = wordCount;
        b.provenance = provenance;
        b.contentHash = contentHash;
        b.entities = entities;
        b.minorEdit = minorEdit;
        b.receivedAt = receivedAt;
        b.backlog = backlog;
        b.rawOffset = rawOffset;
        b.sourceKind = sourceKind;
        b.autoTags = autoTags;
        b.publishAt = publishAt;
        b.needsApproval = needsApproval;
        return b;
    }

    /** Builds a {@link EnrichedPost} field by field, by name. */
    public static final class Builder {
        private int schema = Schema.VERSION;
        private String id;
        private int version = 1;
        private String title;
        private String author;
        private Instant published;
        private Instant updated;
        private String url;
        private String language;
        private String intro;
        private List<EnrichedQa> qa;
        private String outro;
        private List<String> links;
        private List<String> images;
        private List<String> tags;
        private String summary;
        private int readingTimeMinutes;
        private int wordCount;
        private List<Provenance> provenance;
        private String contentHash;
        private List<Entity> entities;
        private boolean minorEdit;
        private Instant receivedAt;
        private boolean backlog;
        private Long rawOffset;
        private String sourceKind;
        private List<String> autoTags;
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

        public Builder version(int version) {
            this.version = version;
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

        public Builder updated(Instant updated) {
            this.updated = updated;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder intro(String intro) {
            this.intro = intro;
            return this;
        }

        public Builder qa(List<EnrichedQa> qa) {
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

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder readingTimeMinutes(int readingTimeMinutes) {
            this.readingTimeMinutes = readingTimeMinutes;
            return this;
        }

        public Builder wordCount(int wordCount) {
            this.wordCount = wordCount;
            return this;
        }

        public Builder provenance(List<Provenance> provenance) {
            this.provenance = provenance;
            return this;
        }

        public Builder contentHash(String contentHash) {
            this.contentHash = contentHash;
            return this;
        }

        public Builder entities(List<Entity> entities) {
            this.entities = entities;
            return this;
        }

        public Builder minorEdit(boolean minorEdit) {
            this.minorEdit = minorEdit;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder rawOffset(Long rawOffset) {
            this.rawOffset = rawOffset;
            return this;
        }

        public Builder autoTags(List<String> autoTags) {
            this.autoTags = autoTags;
            return this;
        }

        public Builder sourceKind(String sourceKind) {
            this.sourceKind = sourceKind;
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
        public EnrichedPost build() {
            return new EnrichedPost(schema, id, version, title, author, published, updated, url, language, intro, qa, outro, links, images, tags, summary, readingTimeMinutes, wordCount, provenance, contentHash, entities, minorEdit, receivedAt, backlog, rawOffset, sourceKind, autoTags, publishAt, needsApproval);
        }
    }
}
