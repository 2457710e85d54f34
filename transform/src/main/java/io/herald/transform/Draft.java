package io.herald.transform;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Entity;
import io.herald.events.Provenance;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A post while the steps work on it: mutable, so each step changes only what it owns, then
 * frozen into an {@link EnrichedPost}.
 */
public final class Draft {

    public final RawPost raw;
    public String id;
    public int version;
    public String title;
    public String author;
    public Instant published;
    public Instant updated;
    public String url;
    public String language;
    public String intro;
    public List<EnrichedQa> qa = new ArrayList<>();
    public String outro;
    public List<String> links = new ArrayList<>();
    public List<String> images = new ArrayList<>();
    public List<String> tags = new ArrayList<>();
    /** The tags among {@link #tags} that Herald found, not the author's (set by the tags step). */
    public List<String> autoTags = new ArrayList<>();
    public String summary;
    public int readingTimeMinutes;
    public int wordCount;
    public List<Entity> entities = new ArrayList<>();
    public boolean minorEdit;
    public boolean backlog;
    public Long rawOffset;
    public final List<Provenance> provenance = new ArrayList<>();

    public Draft(RawPost raw) {
        this.raw = raw;
        this.id = raw.id();
        this.title = raw.title();
        this.author = raw.author();
        this.published = raw.published();
        this.url = raw.url();
        this.intro = raw.intro();
        this.outro = raw.outro();
        this.links.addAll(raw.links());
        this.images.addAll(raw.images());
        this.tags.addAll(raw.tags());
        for (QaPair pair : raw.qa()) {
            // The answer's markup as it came (links, emphasis, lists), for sanitize-html to make safe.
            qa.add(new EnrichedQa(null, pair.question(), pair.answer(), pair.answerHtml()));
        }
    }

    private String text;
    private Object[] textOf;

    /**
     * Everything a reader reads, in order: title, intro, each question and answer, outro. Made once
     * while the parts stay as they are (the steps that read it share it); made again after a step
     * changes one (each part is an immutable value, so a change is a new one).
     */
    public String fullText() {
        Object[] parts = new Object[qa.size() + 3];
        parts[0] = title;
        parts[1] = intro;
        parts[2] = outro;
        for (int i = 0; i < qa.size(); i++) {
            parts[i + 3] = qa.get(i);
        }
        if (text == null || !sameParts(parts)) {
            text = fullText(title, intro, qa, outro);
            textOf = parts;
        }
        return text;
    }

    private boolean sameParts(Object[] parts) {
        if (textOf.length != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (textOf[i] != parts[i]) {
                return false;
            }
        }
        return true;
    }

    public static String fullText(String title, String intro, List<EnrichedQa> qa, String outro) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {title, intro}) {
            if (part != null) {
                text.append(part).append("\n\n");
            }
        }
        for (EnrichedQa pair : qa) {
            text.append(pair.question()).append("\n\n");
            if (pair.answer() != null) {
                text.append(pair.answer()).append("\n\n");
            }
        }
        if (outro != null) {
            text.append(outro);
        }
        return text.toString().strip();
    }

    public EnrichedPost freeze() {
        return EnrichedPost.builder().id(id).version(version).title(title).author(author).published(published)
                .updated(updated).url(url).language(language).intro(intro).qa(qa).outro(outro).links(links).images(images)
                .tags(tags).autoTags(autoTags).publishAt(raw.publishAt()).needsApproval(raw.needsApproval()).summary(summary).readingTimeMinutes(readingTimeMinutes).wordCount(wordCount)
                .provenance(provenance).contentHash(raw.contentHash()).entities(entities).minorEdit(minorEdit)
                .receivedAt(raw.receivedAt()).backlog(backlog).rawOffset(rawOffset).sourceKind(sourceKind(raw.source())).build();
    }

    /** {@code inbox:name.md} is {@code inbox}, {@code feed:https://…} is {@code feed}: the kind only, never the detail. */
    static String sourceKind(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        int colon = source.indexOf(':');
        String kind = (colon < 0 ? source : source.substring(0, colon)).strip();
        return switch (kind) {
            case "http", "inbox", "feed", "webhook" -> kind;
            default -> kind.startsWith("http") ? "http" : kind.startsWith("webhook") ? "webhook" : "other";
        };
    }
}
