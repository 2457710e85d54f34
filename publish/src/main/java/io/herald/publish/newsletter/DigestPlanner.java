package io.herald.publish.newsletter;

import io.herald.support.DigestSchedule;
import io.herald.events.EnrichedPost;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a digest is due and what goes in it. The window runs from the watermark (the
 * end of the last digest sent, read back from {@code herald.newsletter}, so it survives restarts)
 * to the latest scheduled send time; with no digest ever sent, it is the one window before that
 * send time. Posts count by their first publication time. An empty window sends nothing.
 */
public final class DigestPlanner {

    /** A digest to send. */
    public record Due(Instant windowStart, Instant windowEnd, List<EnrichedPost> posts) {
    }

    private final DigestSchedule schedule;

    public DigestPlanner(DigestSchedule schedule) {
        this.schedule = schedule;
    }

    /** The window a digest sent now covers, {@code [start, end]} by publication time; empty when none is due. */
    public Optional<Instant[]> window(Instant now, Optional<Instant> watermark) {
        Instant end = schedule.lastSendAtOrBefore(now);
        Instant start = watermark.orElse(schedule.previous(end));
        return end.isAfter(start) ? Optional.of(new Instant[] {start, end}) : Optional.empty();
    }

    public Optional<Due> due(Instant now, Optional<Instant> watermark, List<EnrichedPost> posts) {
        Instant end = schedule.lastSendAtOrBefore(now);
        Instant start = watermark.orElse(schedule.previous(end));
        if (!end.isAfter(start)) {
            return Optional.empty();
        }
        List<EnrichedPost> inWindow = posts.stream()
                .filter(p -> p.published().isAfter(start) && !p.published().isAfter(end))
                .sorted(Comparator.comparing(EnrichedPost::published).reversed().thenComparing(EnrichedPost::id))
                .toList();
        return inWindow.isEmpty() ? Optional.empty() : Optional.of(new Due(start, end, inWindow));
    }
}
