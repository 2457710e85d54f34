package io.herald.ingest.routes;

import io.herald.ingest.RejectedPost;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code ?publishAt=} on {@code POST /api/posts}: when a post sent now is to be published (ISO 8601 with an offset). */
final class PublishAt {

    private PublishAt() {
    }

    static Optional<Instant> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.strip()));
            } catch (DateTimeParseException again) {
                throw RejectedPost.badRequest("publishAt is not a time: give it as ISO 8601 with an offset, such as "
                        + "2026-12-24T09:00:00Z or 2026-12-24T10:00:00+01:00.");
            }
        }
    }
}
