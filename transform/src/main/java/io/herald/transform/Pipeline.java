package io.herald.transform;

import io.herald.support.Settings;
import io.herald.events.EnrichedPost;
import io.herald.events.Provenance;
import io.herald.events.RawPost;
import io.herald.transform.steps.CleanLinks;
import io.herald.transform.steps.DetectLanguage;
import io.herald.transform.steps.Entities;
import io.herald.transform.steps.NormalizeText;
import io.herald.transform.steps.QaAnchors;
import io.herald.transform.steps.ReadingTime;
import io.herald.transform.steps.SanitizeHtml;
import io.herald.transform.steps.Summary;
import io.herald.transform.steps.Tags;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Raw post in, enriched post out. The steps below are the whole transformation, in order; each
 * stamps its name and version into the post's provenance.
 */
public final class Pipeline {

    /** The version of the versioning rule itself, recorded first in every provenance. */
    static final Provenance VERSIONING = new Provenance("versioning", "3");

    /** Up to 2% of words changed (and the title and the number of questions kept) is a typo-level edit. */
    public static final double DEFAULT_MINOR_EDIT_SHARE = Settings.defaultOf(Settings.MINOR_EDIT_THRESHOLD);

    private final List<Step> steps = List.of(
            new NormalizeText(),
            new CleanLinks(),
            new SanitizeHtml(),
            new QaAnchors(),
            new DetectLanguage(),
            new ReadingTime(),
            new Entities(),
            new Tags(),
            new Summary());

    private final VersionLedger ledger;
    private final Clock clock;
    private final double minorEditShare;

    public Pipeline(VersionLedger ledger, Clock clock) {
        this(ledger, clock, DEFAULT_MINOR_EDIT_SHARE);
    }

    public Pipeline(VersionLedger ledger, Clock clock, double minorEditShare) {
        this.ledger = ledger;
        this.clock = clock;
        this.minorEditShare = minorEditShare;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * Enriches a raw post into its next version and remembers it as the latest: for callers whose
     * output cannot fail. A stage that writes the version somewhere calls {@link #enrich} and, once
     * the write succeeded, {@link #remember}.
     */
    public Optional<EnrichedPost> process(RawPost raw) {
        Optional<EnrichedPost> post = enrich(raw);
        post.ifPresent(this::remember);
        return post;
    }

    /** The post was deleted (its tombstone is written): the same content again will be a new post. */
    public void forget(String id) {
        ledger.forget(id);
    }

    /** Makes a version the latest one, once it is safely written. */
    public void remember(EnrichedPost post) {
        ledger.record(post);
    }

    /** As {@link #enrich(RawPost, Long)}, for a raw post whose offset is not known (tests, tools). */
    public Optional<EnrichedPost> enrich(RawPost raw) {
        return enrich(raw, null);
    }

    /**
     * Enriches a raw post into its next version, or returns empty when it brings nothing new: the
     * latest version already has its content (a repeat), or it was made from a raw post at a higher
     * offset of {@code herald.posts.raw} (this one is a stale redelivery). Versions are ordered by that
     * offset, never by clocks: every version of a post is on one partition, so its offset cannot go
     * backwards, while two ingest instances' clocks (or one clock stepped back) can. Remembers nothing:
     * if writing the version fails, the same raw post enriched again is still the next version.
     *
     * @param rawOffset the raw post's offset on its partition, or null when unknown
     */
    public Optional<EnrichedPost> enrich(RawPost raw, Long rawOffset) {
        Optional<VersionLedger.Latest> latest = ledger.latest(raw.id());
        if (latest.isPresent() && (latest.get().contentHash().equals(raw.contentHash())
                || rawOffset != null && latest.get().rawOffset() != null && rawOffset < latest.get().rawOffset())) {
            return Optional.empty();
        }
        Draft draft = new Draft(raw);
        draft.rawOffset = rawOffset;
        draft.version = latest.map(l -> l.version() + 1).orElse(1);
        // The first publication time is kept across versions: an edit is not a new post.
        draft.published = latest.map(VersionLedger.Latest::published)
                .orElse(raw.published() != null ? raw.published() : raw.receivedAt());
        // Backlog of a newly added feed stays backlog: a later edit upstream is not its first publication.
        draft.backlog = latest.map(VersionLedger.Latest::backlog).orElse(raw.backlog());
        draft.provenance.add(VERSIONING);
        for (Step step : steps) {
            step.apply(draft);
            draft.provenance.add(new Provenance(step.name(), step.version()));
        }
        draft.minorEdit = latest.isPresent() && isMinor(latest.get(), draft);
        // "updated" is when the change reached Herald (the raw post's receipt), not when it was
        // enriched, so enriching the same raw post again (a repeat after a rebalance) gives the
        // identical version. A typo fix does not move it: readers and publishers see nothing new.
        Instant changed = raw.receivedAt() != null ? raw.receivedAt() : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        draft.updated = draft.minorEdit && latest.get().updated() != null ? latest.get().updated() : changed;
        // Readers sort by it: a version is never older than the one it follows, whatever ingest's clock said.
        if (latest.isPresent() && latest.get().updated() != null && draft.updated.isBefore(latest.get().updated())) {
            draft.updated = latest.get().updated();
        }
        return Optional.of(draft.freeze());
    }

    private boolean isMinor(VersionLedger.Latest before, Draft after) {
        // A typo fix is minor in a post of any length: a share alone would make one fixed letter in a
        // 32-word post a 3 % edit, and send a correction.
        return Objects.equals(before.title(), after.title) && before.questions() == after.qa.size()
                && (EditSize.onlyTypos(before.text(), after.fullText())
                        || EditSize.changedShare(before.text(), after.fullText()) <= minorEditShare);
    }
}
