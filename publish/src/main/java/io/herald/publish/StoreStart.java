package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Topics;
import io.herald.support.TopicFacts;
import io.herald.support.TopicReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.StateRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the publish store starts and where its consumer goes on from. With a {@link LocalStore}, from its
 * checkpoint when that can be trusted (the same format, build, settings and topic, every offset within
 * the topic's records, taken more recently than the topic keeps its tombstones): its heads and pending
 * posts are read back and the topic is read from the checkpoint on. Otherwise, and without a local
 * store, from the topic's beginning. Either way the store's consumer ({@code publish-store}) then
 * starts where this replay ended ({@link #offsets()}), not from the beginning again.
 */
public final class StoreStart {

    private static final Logger LOG = LoggerFactory.getLogger(StoreStart.class);

    private final Optional<LocalStore> local;
    private final String settingsStamp;
    /** Per partition of the enriched topic, the next offset this process has not applied. */
    private final Map<Integer, Long> reached = new ConcurrentHashMap<>();

    /**
     * @param settingsStamp what else the stored posts were made under (the auto-tags policy): a store made
     *                      under other settings is rebuilt
     */
    public StoreStart(Optional<LocalStore> local, String settingsStamp) {
        this.local = local;
        this.settingsStamp = settingsStamp;
    }

    /** What a start read: records from the topic, and whether it began from the checkpoint. */
    public record Started(long records, boolean fromCheckpoint, int restored) {
    }

    /**
     * Fills the store (and the pending posts) before the routes start.
     *
     * @param apply applies one record of the enriched topic (its key and the post, null for a tombstone)
     */
    public Started start(String bootstrapServers, Map<String, String> clientProperties, PostStore store, Release release,
                         java.util.function.BiConsumer<String, byte[]> apply) {
        Duration timeout = Duration.ofMinutes(5);
        Map<Integer, Long> from = Map.of();
        int restored = 0;
        boolean fromCheckpoint = false;
        if (local.isPresent()) {
            LocalStore kept = local.get();
            String stamp;
            String why;
            try {
                Map<String, TopicFacts> facts = TopicFacts.of(bootstrapServers, clientProperties,
                        List.of(Topics.POSTS_ENRICHED, Topics.POSTS_CONTROLS), timeout);
                stamp = stamp(facts.get(Topics.POSTS_ENRICHED.name()).id());
                Duration tombstones = facts.values().stream().map(TopicFacts::tombstonesKept).min(Duration::compareTo).orElseThrow();
                why = distrust(kept, stamp, tombstones, TopicReplay.bounds(bootstrapServers, clientProperties, Topics.POSTS_ENRICHED, timeout));
            } catch (Exception e) {
                // Not allowed to ask (an ACL without DescribeConfigs), say: nothing to check the checkpoint against, so it is not trusted.
                stamp = stamp("unknown");
                why = "the cluster did not say which topic this is, or how long it keeps tombstones (" + e.getMessage() + ")";
            }
            if (why == null) {
                try {
                    List<PostHead> heads = kept.heads();
                    List<EnrichedPost> pending = kept.pending();
                    for (PostHead h : heads) {
                        store.restore(h);
                        release.restored(h);
                    }
                    pending.forEach(release::restorePending);
                    restored = heads.size();
                    from = kept.offsets();
                    fromCheckpoint = true;
                } catch (RuntimeException unreadable) {
                    why = "its checkpoint cannot be read (" + unreadable.getMessage() + ")";
                }
            }
            if (why != null) {
                LOG.info("The publish store in {} is rebuilt from the topic: {}", kept.dir(), why);
                if (restored > 0 || store.size() > 0) {
                    throw new IllegalStateException("the publish store was half restored from " + kept.dir() + ": " + why);
                }
                kept.clear();
                kept.stamp(stamp);
                from = Map.of();
            } else {
                LOG.info("The publish store holds {} posts from its checkpoint in {}; the topic is read from {}", restored, kept.dir(), from);
            }
        }
        reached.putAll(from);
        TopicReplay.Replayed replayed = TopicReplay.replayFrom(bootstrapServers, clientProperties, Topics.POSTS_ENRICHED, timeout, from,
                (ConsumerRecord<String, byte[]> r) -> {
                    apply.accept(r.key(), r.value());
                    applied(r.partition(), r.offset());
                });
        // Partitions this replay found nothing to read in: the consumer starts at their end too.
        replayed.end().forEach((p, end) -> reached.merge(p, end, Math::max));
        return new Started(replayed.records(), fromCheckpoint, restored);
    }

    /** Why the checkpoint cannot be trusted, or null when it can. */
    private static String distrust(LocalStore kept, String stamp, Duration tombstonesKept, TopicReplay.Replayed bounds) {
        Optional<String> was = kept.stamp();
        if (was.isEmpty()) {
            return "it has no checkpoint yet";
        }
        if (!was.get().equals(stamp)) {
            return "it was written for " + was.get() + ", this process is " + stamp;
        }
        Optional<Instant> at = kept.checkpointedAt();
        if (at.isPresent() && at.get().plus(tombstonesKept).isBefore(Instant.now())) {
            return "its checkpoint (" + at.get() + ") is older than the topics keep their tombstones (" + tombstonesKept + "): a deletion may be gone";
        }
        for (var e : kept.offsets().entrySet()) {
            Long first = bounds.start().get(e.getKey());
            Long end = bounds.end().get(e.getKey());
            if (first == null || end == null || e.getValue() < first || e.getValue() > end) {
                return "its checkpoint for partition " + e.getKey() + " (" + e.getValue() + ") is outside the topic's records ["
                        + first + ", " + end + ")";
            }
        }
        return null;
    }

    private String stamp(String topicId) {
        String build = Optional.ofNullable(StoreStart.class.getPackage().getImplementationVersion()).orElse("development");
        return "format " + LocalStore.FORMAT + ", build " + build + ", " + settingsStamp + ", topic " + topicId;
    }

    /** The record at this offset is applied: the checkpoint (and where the consumer goes on from) moves past it. */
    public void applied(int partition, long offset) {
        reached.merge(partition, offset + 1, Math::max);
        local.ifPresent(l -> l.applied(partition, offset));
    }

    /**
     * Where the store's consumer starts, as camel-kafka's {@code offsetRepository} reads it: the key is
     * {@code topic/partition}, the value the last offset applied (it resumes after it). What it writes
     * back is ignored: {@link #applied} keeps the checkpoint.
     */
    public StateRepository<String, String> offsets() {
        return new StateRepository<>() {
            @Override
            public void setState(String key, String value) {
            }

            @Override
            public String getState(String key) {
                int slash = key.lastIndexOf('/');
                if (slash < 0 || !key.substring(0, slash).equals(Topics.POSTS_ENRICHED.name())) {
                    return null;
                }
                Long next = reached.get(Integer.parseInt(key.substring(slash + 1)));
                return next == null ? null : Long.toString(next - 1);
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
    }
}
