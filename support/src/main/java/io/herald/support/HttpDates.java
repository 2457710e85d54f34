package io.herald.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 section 5.6.7). Herald sends only the IMF-fixdate form
 * ({@code Tue, 01 Dec 2026 09:05:00 GMT}: a two-digit day, always {@code GMT}); it reads the two
 * obsolete forms too (RFC 850 and asctime), as a recipient must.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** The IMF-fixdate of an instant, to the second (HTTP dates have no finer precision). */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** An HTTP date in any of the three forms; empty when it is none of them. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        String v = value.strip();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME, DateTimeFormatter.RFC_1123_DATE_TIME}) {
            try {
                return Optional.of(Instant.from(f.parse(v)));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }
}
