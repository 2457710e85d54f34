package io.herald.publish;

import io.herald.events.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What went out per post, channel and destination, as {@code herald.ledger} says: every instance reads
 * the whole topic, so any of them knows what each destination has and what is still to be retried.
 */
public final class Ledger {

    private final Map<String, LedgerEntry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByPost = new ConcurrentHashMap<>();
    private final Set<String> retrying = ConcurrentHashMap.newKeySet();

    /** An entry, or a tombstone ({@code null}) for its key. */
    public synchronized void record(String key, LedgerEntry entry) {
        LedgerEntry old = entry == null ? byKey.remove(key) : byKey.put(key, entry);
        if (entry != null) {
            keysByPost.computeIfAbsent(entry.postId(), k -> ConcurrentHashMap.newKeySet()).add(key);
            if (LedgerEntry.RETRYING.equals(entry.state())) {
                retrying.add(key);
            } else {
                retrying.remove(key);
            }
        } else {
            retrying.remove(key);
            if (old != null) {
                Set<String> keys = keysByPost.get(old.postId());
                if (keys != null) {
                    keys.remove(key);
                }
            }
        }
    }

    public Optional<LedgerEntry> get(String postId, String channel, String destination) {
        return Optional.ofNullable(byKey.get(LedgerEntry.key(postId, channel, destination)));
    }

    /** Every destination the post went to (or is being sent to), on every channel. */
    public List<LedgerEntry> forPost(String postId) {
        Set<String> keys = keysByPost.get(postId);
        return keys == null ? List.of() : keys.stream().map(byKey::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(LedgerEntry::key)).toList();
    }

    /** The entries waiting for a retry. */
    public List<LedgerEntry> retrying() {
        return retrying.stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
    }

    public int size() {
        return byKey.size();
    }
}
