package io.herald.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.herald.support.Masking;

/**
 * How each upstream feed is doing: the last fetch's outcome, and after failures a backoff (the poll
 * period doubled per failure in a row, at most an hour) so a dead feed is not hammered every poll.
 */
public final class FeedHealth {

    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private record State(int failures, String reason, Instant nextAttempt) {
    }

    private final Duration period;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public FeedHealth(Duration period) {
        this.period = period;
    }

    /** Whether the feed should be fetched now (it is not backing off). */
    public boolean due(String url, Instant now) {
        State s = states.get(url);
        return s == null || s.failures() == 0 || !now.isBefore(s.nextAttempt());
    }

    public void ok(String url) {
        states.put(url, new State(0, null, null));
    }

    /** Records a failed fetch and when to try again. */
    public Duration failed(String url, String reason, Instant now) {
        int failures = states.getOrDefault(url, new State(0, null, null)).failures() + 1;
        Duration wait = period.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        states.put(url, new State(failures, reason, now.plus(wait)));
        return wait;
    }

    /** One line per feed polled so far: {@code UP}, or {@code DOWN (reason; n failures in a row, next try at ...)}. */
    public Map<String, String> states() {
        Map<String, String> out = new LinkedHashMap<>();
        states.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(Masking.url(e.getKey()), e.getValue().failures() == 0
                ? "UP" : "DOWN (" + Masking.text(e.getValue().reason()) + "; " + e.getValue().failures() + " failure"
                        + (e.getValue().failures() == 1 ? "" : "s") + " in a row, next try at " + e.getValue().nextAttempt() + ")"));
        return out;
    }
}
