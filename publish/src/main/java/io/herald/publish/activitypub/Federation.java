package io.herald.publish.activitypub;

import io.herald.publish.Ledger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.LedgerEntry;
import io.herald.events.Topics;
import io.herald.publish.PostStore;
import io.herald.support.ConsumerGroups;
import io.herald.support.GroupOwnership;
import io.herald.support.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * What each follower's server is sent, and sending it. A post that became public (or changed, or was
 * withdrawn) is compared with the ledger for each (shared) inbox: a Create where the post never went and
 * this version reached Herald after the inbox's first follower followed, an Update where an earlier version went
 * and this one is not a minor edit, a Delete where any version went; nothing for a minor edit or an edit
 * of a post never sent. Each activity is sent by the instance whose social consumer holds the post's
 * partition, once per post, version and inbox: its outcome goes to the ledger, which every instance and
 * every restart read, and a retry resends the same activity id (a server that took it drops the repeat).
 */
public final class Federation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    /** How long after a change an instance that does not hold the post keeps it in mind (its holder is known by then). */
    static final Duration UNOWNED = Duration.ofMinutes(2);
    /** At start-up, posts changed this recently are compared with the ledger again (a change may not have gone out). */
    static final Duration RECONCILE = Duration.ofDays(7);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** One activity for one inbox, and the ledger entry it is tried under. */
    record Job(LedgerEntry entry, ObjectNode activity) {
    }

    private final ActivityDocs docs;
    private final ActorKey key;
    private final OutboundHttp http;
    private final PostStore store;
    private final Followers followers;
    private final Ledger ledger;
    private final GroupOwnership ownership;
    private final int retries;
    private final Duration backoff;
    private final Duration hold;
    private final Consumer<LedgerEntry> ledgerWriter;
    private final Consumer<String> unfollow;
    private final Map<String, Instant> changed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "herald-activitypub");
        t.setDaemon(true);
        return t;
    });

    public Federation(ActivityDocs docs, ActorKey key, OutboundHttp http, PostStore store, Followers followers, Ledger ledger,
                      GroupOwnership ownership, int retries, Duration backoff, Duration hold, Consumer<LedgerEntry> ledgerWriter,
                      Consumer<String> unfollow) {
        this.docs = docs;
        this.key = key;
        this.http = http;
        this.store = store;
        this.followers = followers;
        this.ledger = ledger;
        this.ownership = ownership;
        this.retries = retries;
        this.backoff = backoff;
        this.hold = hold;
        this.ledgerWriter = ledgerWriter;
        this.unfollow = unfollow;
    }

    /** A post became public, changed or was withdrawn (every instance hears of it). */
    public void changed(String postId) {
        changed.putIfAbsent(postId, Instant.now());
    }

    /** After a restart: what changed lately is compared with the ledger again, in case it did not go out. */
    public void reconcile(Instant now) {
        for (EnrichedPost p : store.all()) {
            if (p.receivedAt() != null && p.receivedAt().isAfter(now.minus(RECONCILE))) {
                changed(p.id());
            }
        }
        ledger.retrying().stream().filter(e -> LedgerEntry.ACTIVITYPUB.equals(e.channel())).forEach(e -> changed(e.postId()));
    }

    /** Plans what is due and hands it to the senders; returns how many activities it started. */
    public int tick(Instant now) {
        List<Job> jobs = new ArrayList<>();
        for (var c : List.copyOf(changed.entrySet())) {
            String id = c.getKey();
            if (!owns(id)) {
                if (c.getValue().plus(UNOWNED).isBefore(now)) {
                    changed.remove(id);
                }
                continue;
            }
            Optional<EnrichedPost> post = store.get(id);
            if (post.isPresent() && post.get().receivedAt() != null && post.get().receivedAt().plus(hold).isAfter(now)) {
                continue; // its hold is not over: a withdrawal meanwhile sends nothing
            }
            if (ledger.forPost(id).stream().anyMatch(e -> inFlight.contains(e.key()))) {
                continue; // one activity at a time per inbox: the next plan sees its outcome
            }
            changed.remove(id);
            jobs.addAll(plan(id, post, now));
        }
        for (LedgerEntry e : ledger.retrying()) {
            if (LedgerEntry.ACTIVITYPUB.equals(e.channel()) && e.nextAttemptAt() != null && !e.nextAttemptAt().isAfter(now) && owns(e.postId()) && !inFlight.contains(e.key())
                    && jobs.stream().noneMatch(j -> j.entry().key().equals(e.key()))) {
                retry(e, now).ifPresent(jobs::add);
            }
        }
        for (Job j : jobs) {
            if (inFlight.add(j.entry().key())) {
                senders.execute(() -> send(j));
            }
        }
        return jobs.size();
    }

    private boolean owns(String postId) {
        return ownership.ownsKey(ConsumerGroups.SOCIAL, Topics.POSTS_ENRICHED.name(), postId);
    }

    /** The activities a post's present state needs, inbox by inbox. */
    List<Job> plan(String id, Optional<EnrichedPost> post, Instant now) {
        Map<String, LedgerEntry> sent = new LinkedHashMap<>();
        ledger.forPost(id).stream().filter(e -> LedgerEntry.ACTIVITYPUB.equals(e.channel())).forEach(e -> sent.put(e.destination(), e));
        List<Job> jobs = new ArrayList<>();
        if (post.isEmpty()) {
            if (!store.isDeleted(id)) {
                return jobs; // waiting for its time or approval: nothing went out
            }
            for (LedgerEntry e : sent.values()) {
                if (e.deliveredVersion() > 0 || "Delete".equals(e.activity()) && LedgerEntry.RETRYING.equals(e.state())) {
                    int version = Math.max(e.version(), e.deliveredVersion());
                    jobs.add(job(id, e.destination(), "Delete", version, null, e.deliveredVersion(), docs.delete(id, version, now), now));
                } else if (e.deliveredVersion() == 0 && LedgerEntry.RETRYING.equals(e.state())) {
                    ledgerWriter.accept(e.next(LedgerEntry.FAILED, e.attempts(), "the post was withdrawn before the inbox took it",
                            now, null));
                }
            }
            return jobs;
        }
        EnrichedPost p = post.get();
        if (p.backlog()) {
            return jobs; // an upstream feed's backlog is not news
        }
        for (var inbox : followers.inboxes().entrySet()) {
            LedgerEntry e = sent.get(inbox.getKey());
            if (e == null) {
                // What reached Herald after the inbox's first follower followed: a new post, or a significant edit
                // of an older one (news to a follower, whatever date the author gave it).
                Instant arrived = p.receivedAt() != null ? p.receivedAt() : p.published();
                if (!arrived.isBefore(inbox.getValue().minus(Duration.ofMinutes(1))) && (p.version() == 1 || !p.minorEdit())) {
                    jobs.add(job(p, inbox.getKey(), "Create", 0, now));
                }
            } else if (e.deliveredVersion() == 0) {
                if (e.version() < p.version()) {
                    jobs.add(job(p, inbox.getKey(), "Create", 0, now)); // never taken: the latest version instead
                }
            } else if (e.deliveredVersion() > 0 && p.version() > e.version() && !p.minorEdit()) {
                jobs.add(job(p, inbox.getKey(), "Update", e.deliveredVersion(), now));
            }
        }
        return jobs;
    }

    private Optional<Job> retry(LedgerEntry e, Instant now) {
        Optional<EnrichedPost> post = store.get(e.postId());
        Job j;
        if ("Delete".equals(e.activity())) {
            j = new Job(e, docs.delete(e.postId(), e.version(), now));
        } else if (post.isPresent()) {
            EnrichedPost p = post.get();
            // The latest version under the same activity: a newer one replaces what was being retried.
            j = p.version() == e.version() ? new Job(e, docs.activity(e.activity(), p)) : job(p, e.destination(), e.activity(),
                    e.deliveredVersion(), now);
        } else {
            changed(e.postId()); // withdrawn or held back meanwhile: planned again
            return Optional.empty();
        }
        return Optional.of(j);
    }

    private Job job(EnrichedPost p, String inbox, String type, int deliveredVersion, Instant now) {
        return job(p.id(), inbox, type, p.version(), p.contentHash(), deliveredVersion, docs.activity(type, p), now);
    }

    private Job job(String id, String inbox, String type, int version, String hash, int deliveredVersion, ObjectNode activity,
                    Instant now) {
        return new Job(LedgerEntry.attempt(id, LedgerEntry.ACTIVITYPUB, inbox, version, hash, type, activity.path("id").asText(),
                docs.objectId(id), deliveredVersion, now), activity);
    }

    private void send(Job job) {
        LedgerEntry e = job.entry();
        int attempts = e.attempts() + 1;
        try {
            int status = post(URI.create(e.destination()), job.activity());
            Instant now = Instant.now();
            if (status / 100 == 2) {
                ledgerWriter.accept(e.next(LedgerEntry.DELIVERED, attempts, null, now, null));
            } else if (status == 410) {
                List<String> gone = followers.at(e.destination());
                gone.forEach(unfollow);
                ledgerWriter.accept(e.next(LedgerEntry.FAILED, attempts, "the inbox answered 410 Gone: its " + gone.size()
                        + " followers were removed", now, null));
            } else {
                failed(e, attempts, "the inbox answered HTTP " + status, now);
            }
        } catch (IOException | IllegalArgumentException ex) {
            failed(e, attempts, ex.getMessage(), Instant.now());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ex) {
            LOG.warn("Could not record what became of {} to {}: {}", e.externalId(), e.destination(), ex.toString());
        } finally {
            inFlight.remove(e.key());
        }
    }

    private void failed(LedgerEntry e, int attempts, String reason, Instant now) {
        if (attempts > retries) {
            LOG.warn("{} of post {} did not reach {} after {} tries: {}", e.activity(), e.postId(), e.destination(), attempts, reason);
            ledgerWriter.accept(e.next(LedgerEntry.FAILED, attempts, reason, now, null));
            return;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        ledgerWriter.accept(e.next(LedgerEntry.RETRYING, attempts, reason, now, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)));
    }

    /** Sends an Accept to a new follower (a few quick tries: a Follow that is not answered is sent again by its server). */
    public void accept(String inbox, ObjectNode accept) {
        senders.execute(() -> {
            for (int i = 0; i < 3; i++) {
                try {
                    int status = post(URI.create(inbox), accept);
                    if (status / 100 == 2) {
                        return;
                    }
                    LOG.info("{} answered HTTP {} to the Accept of a Follow", inbox, status);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.info("Could not send the Accept of a Follow to {}: {}", inbox, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** A signed POST of an activity; the status it was answered with. */
    int post(URI inbox, ObjectNode activity) throws IOException, InterruptedException {
        byte[] body = Json.write(activity).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.sign("POST", inbox, body, docs.keyId(), key.privateKey(),
                Instant.now()));
        headers.put("Content-Type", ActivityDocs.MEDIA_TYPE);
        headers.put("Accept", ActivityDocs.MEDIA_TYPE);
        return http.send(inbox, "POST", headers, body, Duration.ofSeconds(15), 64 * 1024).status();
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
