package io.herald.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.time.Period;
import java.util.Arrays;

/**
 * When digests go out: {@code daily@08:00} or {@code weekly@MON@08:00} (UTC), or {@code off}. A
 * digest covers the window from the previous send time up to this one.
 */
public final class DigestSchedule {

    private final boolean weekly;
    private final DayOfWeek day;
    private final LocalTime time;
    private final String spec;

    private DigestSchedule(boolean weekly, DayOfWeek day, LocalTime time, String spec) {
        this.weekly = weekly;
        this.day = day;
        this.time = time;
        this.spec = spec;
    }

    /** @return empty for {@code off} */
    public static Optional<DigestSchedule> parse(String spec) {
        String s = spec == null ? "off" : spec.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("off")) {
            return Optional.empty();
        }
        String[] parts = s.split("@");
        try {
            if (parts[0].equals("daily") && parts.length == 2) {
                return Optional.of(new DigestSchedule(false, null, LocalTime.parse(parts[1]), s));
            }
            if (parts[0].equals("weekly") && parts.length == 3) {
                DayOfWeek d = Arrays.stream(DayOfWeek.values())
                        .filter(x -> x.name().toLowerCase(Locale.ROOT).startsWith(parts[1]))
                        .findFirst().orElseThrow();
                return Optional.of(new DigestSchedule(true, d, LocalTime.parse(parts[2]), s));
            }
        } catch (RuntimeException e) {
            // fall through to the clear error below
        }
        throw new IllegalArgumentException("newsletter-digest must be off, daily@HH:MM or weekly@DAY@HH:MM (UTC), not \""
                + spec + "\"");
    }

    /** The latest send time at or before {@code now}. */
    public Instant lastSendAtOrBefore(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC).with(time).withSecond(time.getSecond()).withNano(0);
        if (weekly) {
            t = t.with(TemporalAdjusters.previousOrSame(day));
            if (t.toInstant().isAfter(now)) {
                t = t.minusWeeks(1);
            }
        } else if (t.toInstant().isAfter(now)) {
            t = t.minusDays(1);
        }
        return t.toInstant();
    }

    /** The send time before {@code send}. */
    public Instant previous(Instant send) {
        return send.atZone(ZoneOffset.UTC).minus(weekly ? Period.ofWeeks(1) : Period.ofDays(1)).toInstant();
    }

    /** The schedule as it is written in the setting. */
    @Override
    public String toString() {
        return spec;
    }
}
