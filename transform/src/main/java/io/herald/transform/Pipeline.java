package io.herald.transform;

import io.herald.events.EnrichedPost;
import io.herald.events.Provenance;
import io.herald.events.RawPost;
import io.herald.transform.steps.QaAnchors;
import io.herald.transform.steps.ReadingTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Raw post in, enriched post out. The steps below are the whole transformation, in order;
 * each stamps its name and version into the post's provenance.
 */
public final class Pipeline {

    /** The version of the versioning rule itself, recorded first in every provenance. */
    static final Provenance VERSIONING = new Provenance("versioning", "1");

    private final List<Step> steps = List.of(
            new QaAnchors(),
            new ReadingTime());

    private final VersionLedger ledger;
    private final Clock clock;

    public Pipeline(VersionLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * Enriches a raw post into its next version, or returns empty when its content is what the
     * latest version already has (a repeat delivery, or the same post sent twice).
     */
    public Optional<EnrichedPost> process(RawPost raw) {
        Optional<VersionLedger.Latest> latest = ledger.latest(raw.id());
        if (latest.isPresent() && latest.get().contentHash().equals(raw.contentHash())) {
            return Optional.empty();
        }
        Draft draft = new Draft(raw);
        draft.version = latest.map(l -> l.version() + 1).orElse(1);
        draft.updated = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The first publication time is kept across versions: an edit is not a new post.
        draft.published = latest.map(VersionLedger.Latest::published)
                .orElse(raw.published() != null ? raw.published() : raw.receivedAt());
        draft.provenance.add(VERSIONING);
        for (Step step : steps) {
            step.apply(draft);
            draft.provenance.add(new Provenance(step.name(), step.version()));
        }
        EnrichedPost post = draft.freeze();
        ledger.record(post);
        return Optional.of(post);
    }
}
