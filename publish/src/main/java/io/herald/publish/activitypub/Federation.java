package io.herald.publish.activitypub;

import io.herald.publish.Ledger;
import io.herald.publish.LedgerSender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.LedgerEntry;
import io.herald.publish.PostStore;
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
public final class Federation extends LedgerSender<Federation.Job> {

    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    /** One activity for one inbox, and the ledger entry it is tried under. */
    record Job(LedgerEntry entry, ObjectNode activity) implements LedgerSender.Job {
    }

    private final ActivityDocs docs;
    private final ActorKey key;
    private final OutboundHttp http;
    private final Followers followers;
    private final Consumer<String> unfollow;

    public Federation(ActivityDocs docs, ActorKey key, OutboundHttp http, PostStore store, Followers followers, Ledger ledger,
                      GroupOwnership ownership, int retries, Duration backoff, Duration hold, Consumer<LedgerEntry> ledgerWriter,
                      Consumer<String> unfollow) {
        super(LedgerEntry.ACTIVITYPUB, 4, store, ledger, ownership, retries, backoff, hold, ledgerWriter);
        this.docs = docs;
        this.key = key;
        this.http = http;
        this.followers = followers;
        this.unfollow = unfollow;
    }

    /** The activities a post's present state needs, inbox by inbox. */
    @Override
    protected List<Job> plan(String id, Optional<EnrichedPost> post, Instant now) {
        Map<String, LedgerEntry> sent = entries(id);
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

    @Override
    protected Optional<Job> retry(LedgerEntry e, Instant now) {
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

    @Override
    protected void send(Job job) {
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
        }
    }

    /** Sends an Accept to a new follower (a few quick tries: a Follow that is not answered is sent again by its server). */
    public void accept(String inbox, ObjectNode accept) {
        execute(() -> {
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
}
