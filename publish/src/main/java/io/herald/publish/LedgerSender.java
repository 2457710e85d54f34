package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.support.ConsumerGroups;
import io.herald.support.GroupOwnership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a channel that keeps the ledger (ActivityPub, Bluesky) has in common: the posts that changed, looked at
 * once a second by the instance whose social consumer holds the post's partition (after its hold); one job at
 * a time per post and destination, on sender threads of the channel's own; the retries the ledger says are
 * due; and the backoff after a failed try, doubling up to an hour, until the retries are spent.
 *
 * @param <J> one thing to send to one destination, and the ledger entry it is tried under
 */
public abstract class LedgerSender<J extends LedgerSender.Job> implements AutoCloseable {

    /** A job: what it is tried under. */
    public interface Job {
        LedgerEntry entry();
    }

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSender.class);

    /** How long after a change an instance that does not hold the post keeps it in mind (its holder is known by then). */
    public static final Duration UNOWNED = Duration.ofMinutes(2);
    /** At start-up, posts changed this recently are compared with the ledger again (a change may not have gone out). */
    public static final Duration RECONCILE = Duration.ofDays(7);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    protected final PostStore store;
    protected final Ledger ledger;
    protected final Consumer<LedgerEntry> ledgerWriter;
    private final String channel;
    private final GroupOwnership ownership;
    private final int retries;
    private final Duration backoff;
    private final Duration hold;
    /** Posts to look at, each with when it may be looked at. */
    private final Map<String, Instant> changed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;

    protected LedgerSender(String channel, int threads, PostStore store, Ledger ledger, GroupOwnership ownership, int retries,
                           Duration backoff, Duration hold, Consumer<LedgerEntry> ledgerWriter) {
        this.channel = channel;
        this.store = store;
        this.ledger = ledger;
        this.ownership = ownership;
        this.retries = retries;
        this.backoff = backoff;
        this.hold = hold;
        this.ledgerWriter = ledgerWriter;
        this.senders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "herald-" + channel);
            t.setDaemon(true);
            return t;
        });
    }

    /** A post became public, changed or was withdrawn (every instance hears of it). */
    public void changed(String postId) {
        changed.putIfAbsent(postId, Instant.now());
    }

    /** The post is looked at again, not before {@code notBefore}. */
    protected void later(String postId, Instant notBefore) {
        changed.put(postId, notBefore);
    }

    /** After a restart: what changed lately, and what was being retried, is compared with the ledger again. */
    public void reconcile(Instant now) {
        for (PostHead p : store.heads()) {
            if (p.receivedAt() != null && p.receivedAt().isAfter(now.minus(RECONCILE))) {
                changed(p.id());
            }
        }
        ledger.retrying().stream().filter(this::ours).forEach(e -> changed(e.postId()));
    }

    /** Plans what is due and hands it to the senders; returns how many jobs it started. */
    public int tick(Instant now) {
        List<J> jobs = new ArrayList<>();
        for (var c : List.copyOf(changed.entrySet())) {
            String id = c.getKey();
            if (!owns(id)) {
                if (c.getValue().plus(UNOWNED).isBefore(now)) {
                    changed.remove(id);
                }
                continue;
            }
            if (c.getValue().isAfter(now)) {
                continue; // its last try could not even begin: it waits
            }
            Optional<EnrichedPost> post = store.get(id);
            if (post.isPresent() && post.get().receivedAt() != null && post.get().receivedAt().plus(hold).isAfter(now)) {
                continue; // its hold is not over: a withdrawal meanwhile sends nothing
            }
            if (entries(id).values().stream().anyMatch(e -> inFlight.contains(e.key()))) {
                continue; // one job at a time per post: the next plan sees its outcome
            }
            changed.remove(id);
            jobs.addAll(plan(id, post, now));
        }
        for (LedgerEntry e : ledger.retrying()) {
            if (ours(e) && e.nextAttemptAt() != null && !e.nextAttemptAt().isAfter(now) && owns(e.postId()) && !inFlight.contains(e.key())
                    && jobs.stream().noneMatch(j -> j.entry().key().equals(e.key()))) {
                retry(e, now).ifPresent(jobs::add);
            }
        }
        for (J j : jobs) {
            String key = j.entry().key();
            if (inFlight.add(key)) {
                senders.execute(() -> {
                    try {
                        send(j);
                    } finally {
                        inFlight.remove(key);
                    }
                });
            }
        }
        return jobs.size();
    }

    /** What the post's present state needs, destination by destination. */
    protected abstract List<J> plan(String id, Optional<EnrichedPost> post, Instant now);

    /** The job a due retry makes; none when the post should be planned again instead. */
    protected abstract Optional<J> retry(LedgerEntry e, Instant now);

    /** Tries a job once and writes its outcome to the ledger. */
    protected abstract void send(J job);

    /** Runs something on this channel's sender threads. */
    protected void execute(Runnable task) {
        senders.execute(task);
    }

    protected boolean ours(LedgerEntry e) {
        return channel.equals(e.channel());
    }

    private boolean owns(String postId) {
        return ownership.ownsKey(ConsumerGroups.SOCIAL, Topics.POSTS_ENRICHED.name(), postId);
    }

    /** This channel's entries of a post, by destination. */
    protected Map<String, LedgerEntry> entries(String postId) {
        Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        ledger.forPost(postId).stream().filter(this::ours).forEach(e -> entries.put(e.destination(), e));
        return entries;
    }

    /** After a failed try: retrying after the backoff (doubling with every try, at most an hour), or failed once the retries are spent. */
    protected void failed(LedgerEntry e, int attempts, String reason, Instant now) {
        if (attempts > retries) {
            LOG.warn("{} {} of post {} did not reach {} after {} tries: {}", channel, e.activity(), e.postId(), e.destination(), attempts,
                    reason);
            ledgerWriter.accept(e.next(LedgerEntry.FAILED, attempts, reason, now, null));
            return;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        Instant next = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        LOG.warn("{} {} of post {} to {}: try {} failed: {}; next try at {}", channel, e.activity(), e.postId(), e.destination(), attempts,
                reason, next);
        ledgerWriter.accept(e.next(LedgerEntry.RETRYING, attempts, reason, now, next));
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
