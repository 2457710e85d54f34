package io.herald.publish.newsletter;

import io.herald.events.Delivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest delivery state of every newsletter payload, as on {@code herald.deliveries}: what the
 * previews show, what the retries pick up. Rebuilt from the topic at start-up, so a retry that was
 * waiting when Herald stopped is made after the restart.
 */
public final class Deliveries {

    private final Map<String, Delivery> latest = new ConcurrentHashMap<>();

    /** Records a state once it is written to the topic. */
    public void record(Delivery d) {
        latest.put(d.idempotencyKey(), d);
    }

    public Optional<Delivery> of(String idempotencyKey) {
        return Optional.ofNullable(latest.get(idempotencyKey));
    }

    /** The payloads waiting for a retry whose time has come, the longest-waiting first. */
    public List<Delivery> due(Instant now) {
        return latest.values().stream()
                .filter(d -> Delivery.RETRYING.equals(d.state()) && d.nextAttemptAt() != null && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                .toList();
    }

    public int size() {
        return latest.size();
    }
}
