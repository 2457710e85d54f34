package io.herald.publish.delivery;

import io.herald.events.Delivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest delivery state of every outbound payload, as on {@code herald.deliveries}: what the
 * previews show, what the retries pick up. Rebuilt from the topic at start-up and kept up with it
 * ({@link #follow}), so every publish instance shows the same state and can retry any payload, and a
 * retry that was waiting when Herald stopped is made after the restart.
 */
public final class Deliveries {

    private final Map<String, Delivery> latest = new ConcurrentHashMap<>();
    /** States this instance wrote that its reading of the topic has not reached yet. */
    private final Map<String, Delivery> written = new ConcurrentHashMap<>();

    /** Records a state this instance has just written to the topic: seen at once here, before the topic gives it back. */
    public void record(Delivery d) {
        written.put(d.idempotencyKey(), d);
        latest.put(d.idempotencyKey(), d);
    }

    /**
     * Records a state as read from the topic, whichever instance wrote it: in the topic's order, so
     * every instance ends with the same state. A state read while one this instance wrote since is
     * still on its way is older than that one and is passed over.
     */
    public void follow(Delivery d) {
        String key = d.idempotencyKey();
        Delivery mine = written.get(key);
        if (mine == null) {
            latest.put(key, d);
        } else if (sameWrite(mine, d)) {
            written.remove(key, mine);
            latest.put(key, d);
        }
    }

    /** The same state read back (its times as the topic's JSON keeps them). */
    private static boolean sameWrite(Delivery a, Delivery b) {
        return a.state().equals(b.state()) && a.attempts() == b.attempts() && a.at() != null && b.at() != null
                && a.at().toEpochMilli() == b.at().toEpochMilli();
    }

    public Optional<Delivery> of(String idempotencyKey) {
        return Optional.ofNullable(latest.get(idempotencyKey));
    }

    /** The payloads waiting for a retry whose time has come, the longest-waiting first. */
    public List<Delivery> due(Instant now) {
        return due(null, now);
    }

    /** A channel's payloads waiting for a retry whose time has come ({@code null}: every channel's), the longest-waiting first. */
    public List<Delivery> due(String channel, Instant now) {
        return latest.values().stream()
                .filter(d -> channel == null || channel.equals(d.channel()))
                .filter(d -> Delivery.RETRYING.equals(d.state()) && d.nextAttemptAt() != null && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                .toList();
    }

    public int size() {
        return latest.size();
    }
}
