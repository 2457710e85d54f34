package io.herald.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the dates people and CMSs write (ISO-8601 with or without offset or time, RFC 1123 as in
 * feeds and HTTP) and returns them in UTC. A date without a zone is taken as UTC.
 */
public final class Dates {

    private static final List<Function<String, Instant>> FORMS = List.of(
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> ZonedDateTime.parse(s).toInstant(),
            Instant::parse,
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC),
            s -> OffsetDateTime.parse(s.replace(' ', 'T')).toInstant(),
            s -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant(),
            // Jekyll's and Hugo's "2026-02-11 10:00:00 +0800"
            s -> OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss] xx")).toInstant(),
            s -> OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss] xxx")).toInstant(),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());

    private Dates() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip();
        for (Function<String, Instant> form : FORMS) {
            try {
                return Optional.of(form.apply(s));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** As {@link #parse}, but a value that is there and unreadable is refused, naming the field. */
    public static Instant required(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(value).orElseThrow(() -> RejectedPost.badRequest("\"" + field + "\" is not a date: \"" + value
                + "\" (use ISO-8601, e.g. 2026-02-11 or 2026-02-11T10:00:00Z)."));
    }
}
