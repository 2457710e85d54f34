package io.herald.publish.activitypub;

import io.herald.events.Follower;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Who follows the site, as {@code herald.activitypub.followers} says: rebuilt from the topic, never the truth itself. */
public final class Followers {

    private final Map<String, Follower> byActor = new ConcurrentHashMap<>();

    /** A follower, or its tombstone ({@code null}). */
    public void record(String actor, Follower follower) {
        if (follower == null) {
            byActor.remove(actor);
        } else {
            byActor.put(actor, follower);
        }
    }

    public int size() {
        return byActor.size();
    }

    public Collection<Follower> all() {
        return List.copyOf(byActor.values());
    }

    public java.util.Optional<Follower> of(String actor) {
        return java.util.Optional.ofNullable(byActor.get(actor));
    }

    /**
     * Where deliveries go, once per server: each (shared) inbox, with the time its first follower there
     * followed (a post published after it is sent there), in a stable order.
     */
    public Map<String, Instant> inboxes() {
        Map<String, Instant> inboxes = new TreeMap<>();
        for (Follower f : byActor.values()) {
            inboxes.merge(f.deliveryInbox(), f.followedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return inboxes;
    }

    /** The followers whose deliveries go to this inbox (all of them leave when it is gone). */
    public List<String> at(String inbox) {
        return byActor.values().stream().filter(f -> f.deliveryInbox().equals(inbox)).map(Follower::actor).toList();
    }
}
