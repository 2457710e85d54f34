package io.herald.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.EnrichedPost;
import io.herald.events.LedgerEntry;
import io.herald.events.SocialSnippet;
import io.herald.publish.Ledger;
import io.herald.publish.LedgerSender;
import io.herald.publish.Outbox;
import io.herald.publish.PostStore;
import io.herald.support.Failures;
import io.herald.support.GroupOwnership;
import io.herald.support.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each post's Bluesky snippet posted to the account, and its thread as replies, and deleted when the post is
 * withdrawn. Every record is written under a key Herald chose ({@link Tid}) and named in the ledger before the
 * first try, so a retry, a restart after a crash, or a second instance writes under the same key: a record
 * the PDS already has is found ({@code getRecord}) and counted as posted, never posted twice. A reply is
 * posted once the post before it is, as a reply to it and to the thread's first post. Posts are never edited
 * on Bluesky (an edit of the post sends nothing there). Each post is sent by the instance whose social
 * consumer holds its partition, as its ActivityPub activities are.
 */
public final class BlueskyPosts extends LedgerSender<BlueskyPosts.Job> {

    private static final Logger LOG = LoggerFactory.getLogger(BlueskyPosts.class);

    /** The most of an image uploaded as a card's thumbnail: the PDS refuses bigger blobs. */
    static final int THUMB_BYTES = 1_000_000;

    /** A record to write (its snippet and key, and the thread part it is) or to delete ({@code snippet} null). */
    record Job(LedgerEntry entry, SocialSnippet snippet, String rkey, int part) implements LedgerSender.Job {
    }

    private final BlueskyClient client;
    private final OutboundHttp http;
    private final Outbox outbox;
    private final Duration backoff;

    public BlueskyPosts(BlueskyClient client, OutboundHttp http, PostStore store, Outbox outbox, Ledger ledger, GroupOwnership ownership,
                        int retries, Duration backoff, Duration hold, Consumer<LedgerEntry> ledgerWriter) {
        super(LedgerEntry.BLUESKY, 2, store, ledger, ownership, retries, backoff, hold, ledgerWriter);
        this.client = client;
        this.http = http;
        this.outbox = outbox;
        this.backoff = backoff;
    }

    public BlueskyClient client() {
        return client;
    }

    /** The destination of a thread's part: the account, and {@code #n} for the n-th reply. */
    String destination(int part) {
        return client.handle() + (part == 0 ? "" : "#" + part);
    }

    /** The post's Bluesky snippets as they went out on herald.social, the first post of the thread first. */
    List<SocialSnippet> thread(String postId) {
        List<SocialSnippet> all = outbox.snippets(postId).stream().filter(s -> "bluesky".equals(s.platform())).toList();
        int first = all.stream().mapToInt(SocialSnippet::version).min().orElse(0);
        return all.stream().filter(s -> s.version() == first).sorted(Comparator.comparingInt(BlueskyPosts::part)).toList();
    }

    /** A snippet's place in its thread: 0 for the post itself, n for the n-th reply (its key ends in {@code :n}). */
    static int part(SocialSnippet s) {
        String key = s.idempotencyKey();
        String tail = key.substring(key.lastIndexOf(':') + 1);
        return tail.chars().allMatch(Character::isDigit) && !tail.isEmpty() ? Integer.parseInt(tail) : 0;
    }

    /** What the post's present state needs: the next part of its thread, or the deletion of what went out. */
    @Override
    protected List<Job> plan(String id, Optional<EnrichedPost> post, Instant now) {
        Map<String, LedgerEntry> sent = entries(id);
        List<Job> jobs = new ArrayList<>();
        if (post.isEmpty()) {
            if (!store.isDeleted(id)) {
                return jobs; // waiting for its time or approval: nothing went out
            }
            // Every record named in the ledger is deleted (a try that got no answer may have written it): deleting a key
            // with no record is fine.
            for (LedgerEntry e : sent.values()) {
                if (!"Delete".equals(e.activity())) {
                    jobs.add(new Job(LedgerEntry.attempt(id, LedgerEntry.BLUESKY, e.destination(), e.version(), e.contentHash(), "Delete",
                            e.externalId(), e.objectId(), e.deliveredVersion(), now), null, rkey(e), -1));
                }
            }
            return jobs;
        }
        if (sent.values().stream().anyMatch(e -> "Delete".equals(e.activity()))) {
            return jobs; // withdrawn once: its records are gone, and a post published again is not posted again
        }
        List<SocialSnippet> thread = thread(id);
        for (int i = 0; i < thread.size(); i++) {
            SocialSnippet s = thread.get(i);
            LedgerEntry e = sent.get(destination(part(s)));
            if (e == null) {
                EnrichedPost p = post.get();
                Instant at = p.published() != null ? p.published() : p.receivedAt() != null ? p.receivedAt() : now;
                jobs.add(new Job(LedgerEntry.attempt(id, LedgerEntry.BLUESKY, destination(part(s)), s.version(), p.contentHash(), "Create",
                        null, null, 0, now), s, Tid.of(at, s.idempotencyKey()), part(s)));
                return jobs;
            }
            if (!LedgerEntry.DELIVERED.equals(e.state())) {
                return jobs; // being retried, or failed: the replies after it wait
            }
        }
        return jobs;
    }

    @Override
    protected Optional<Job> retry(LedgerEntry e, Instant now) {
        if ("Delete".equals(e.activity())) {
            return Optional.of(new Job(e, null, rkey(e), -1));
        }
        Optional<SocialSnippet> s = thread(e.postId()).stream().filter(x -> destination(part(x)).equals(e.destination())).findFirst();
        if (s.isEmpty() || store.get(e.postId()).isEmpty()) {
            changed(e.postId()); // withdrawn or held back meanwhile: planned again
            return Optional.empty();
        }
        return Optional.of(new Job(e, s.get(), rkey(e), part(s.get())));
    }

    private static String rkey(LedgerEntry e) {
        return e.externalId().substring(e.externalId().lastIndexOf('/') + 1);
    }

    @Override
    protected void send(Job job) {
        LedgerEntry e = job.entry();
        try {
            if (e.externalId() == null) {
                // Named in the ledger before the first try: whatever happens next, a retry writes under the same key.
                LedgerEntry named = LedgerEntry.attempt(e.postId(), e.channel(), e.destination(), e.version(), e.contentHash(),
                        e.activity(), "at://" + client.did() + "/" + BlueskyClient.POSTS + "/" + job.rkey(), null, 0, e.at());
                ledgerWriter.accept(named);
                e = named;
            }
            int attempts = e.attempts() + 1;
            if (job.snippet() == null) {
                client.delete(job.rkey());
                ledgerWriter.accept(e.next(LedgerEntry.DELIVERED, attempts, null, Instant.now(), null));
            } else {
                BlueskyClient.Ref ref = create(job, e);
                ledgerWriter.accept(posted(e, ref, attempts));
                LOG.info("Posted {} of post {} to Bluesky: {}", job.part() == 0 ? "the snippet" : "reply " + job.part(), e.postId(), ref.uri());
                changed(e.postId()); // the next reply of its thread, if any
            }
        } catch (IOException | RuntimeException ex) {
            if (e.externalId() == null) {
                // Not named in the ledger yet (no session, or the ledger could not be written): planned again later.
                LOG.warn("Could not post the Bluesky snippet of post {}: {}", e.postId(), Failures.describe(ex));
                later(e.postId(), Instant.now().plus(backoff));
            } else {
                failed(e, e.attempts() + 1, ex instanceof IOException io ? io.getMessage() : Failures.describe(ex), Instant.now());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The record written, or (a try before may have written it) found: never written twice under its key. */
    private BlueskyClient.Ref create(Job job, LedgerEntry e) throws IOException, InterruptedException {
        if (e.attempts() > 0) {
            Optional<Map.Entry<BlueskyClient.Ref, String>> there = client.get(job.rkey());
            if (there.isPresent()) {
                return there.get().getKey();
            }
        }
        EnrichedPost post = store.get(e.postId()).orElseThrow(() -> new IOException("the post was withdrawn meanwhile"));
        BlueskyClient.Ref root = null;
        BlueskyClient.Ref parent = null;
        if (job.part() > 0) {
            root = ref(e.postId(), 0);
            parent = ref(e.postId(), job.part() - 1);
        }
        JsonNode thumb = job.part() == 0 ? thumb(post) : null;
        try {
            return client.create(job.rkey(), PostRecord.of(job.snippet(), post, Instant.now(), thumb, root, parent));
        } catch (IOException refused) {
            // The PDS answers an error when the key already has a record (this try's, had its answer been lost).
            Optional<Map.Entry<BlueskyClient.Ref, String>> there = client.get(job.rkey());
            if (there.isPresent()) {
                return there.get().getKey();
            }
            throw refused;
        }
    }

    private BlueskyClient.Ref ref(String postId, int part) throws IOException {
        LedgerEntry e = entries(postId).get(destination(part));
        if (e == null || e.objectId() == null || !LedgerEntry.DELIVERED.equals(e.state())) {
            throw new IOException("part " + part + " of the thread is not posted yet");
        }
        return new BlueskyClient.Ref(e.externalId(), e.objectId());
    }

    /** The post's first image, uploaded for its card; none (and a line in the log) when it cannot be. */
    private JsonNode thumb(EnrichedPost post) throws InterruptedException {
        if (post.images() == null || post.images().isEmpty()) {
            return null;
        }
        String image = post.images().get(0);
        try {
            var r = http.send(URI.create(image), "GET", Map.of("Accept", "image/*"), null, Duration.ofSeconds(15), THUMB_BYTES);
            String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
            if (r.status() / 100 != 2 || !type.startsWith("image/")) {
                LOG.info("Post {} goes to Bluesky without a thumbnail: {} answered HTTP {} ({})", post.id(), image, r.status(), type);
                return null;
            }
            return client.uploadBlob(r.body(), type);
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("Post {} goes to Bluesky without a thumbnail: {}", post.id(), Failures.describe(e));
            return null;
        }
    }

    private static LedgerEntry posted(LedgerEntry e, BlueskyClient.Ref ref, int attempts) {
        LedgerEntry done = e.next(LedgerEntry.DELIVERED, attempts, null, Instant.now(), null);
        return new LedgerEntry(done.schema(), done.postId(), done.channel(), done.destination(), done.version(), done.contentHash(),
                done.activity(), ref.uri(), ref.cid(), done.state(), done.attempts(), null, done.at(), null, done.deliveredVersion());
    }
}
