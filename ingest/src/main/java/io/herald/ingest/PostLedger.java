package io.herald.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.herald.events.RawPost;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content hash last accepted for each post id, so that sending the same post again answers
 * {@code unchanged} instead of producing a new version. Rebuilt from {@code herald.posts.raw} at
 * start-up; transform still checks hashes itself, so a miss here only costs a redundant record.
 */
public final class PostLedger {

    /** The record header of a tombstone written because the post's own CMS withdrew it: that CMS's name. */
    public static final String WITHDRAWN_BY_HEADER = "herald-withdrawn-by";

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Set<String> sources = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> sourceUpdated = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, String> withdrawnBy = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** What the version Herald holds says about a post, for a payload that does not carry it. */
    public record Held(List<String> tags, String author, String image, boolean needsApproval, Instant publishAt) {
    }

    /**
     * Learns a post Kafka has: its hash, source and CMS change time, the ids it has where it came from,
     * and its tags, author and image. A post written again is no longer withdrawn.
     */
    public void record(RawPost post) {
        record(post.id(), post.contentHash(), post.source(), post.sourceUpdatedAt());
        alias(post.id(), post.aliases());
        held.put(post.id(), new Held(post.tags(), post.author(), post.images().isEmpty() ? null : post.images().get(0), post.needsApproval(),
                post.publishAt()));
        withdrawnBy.remove(post.id());
    }

    /** Notes the post's ids where it came from ({@link io.herald.events.RawPost#aliases}). */
    public void alias(String id, List<String> ids) {
        for (String a : ids) {
            if (a != null && !a.isBlank() && !a.equals(id)) {
                aliases.put(a, id);
            }
        }
    }

    /** The post a notification names, by its id or one of its aliases, if Herald has it. */
    public Optional<String> resolve(List<String> refs) {
        for (String r : refs) {
            if (knows(r)) {
                return Optional.of(r);
            }
        }
        for (String r : refs) {
            String id = aliases.get(r);
            if (id != null && knows(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** What Herald holds of a post's tags, author and image. */
    public Optional<Held> held(String id) {
        return Optional.ofNullable(held.get(id));
    }

    /** The post was withdrawn by its own CMS ({@code ghost}, {@code wordpress}): no other source brings it back. */
    public void withdrawnBy(String id, String cms) {
        withdrawnBy.put(id, cms);
    }

    /** The CMS that withdrew this post, if one did and has not published it again. */
    public Optional<String> withdrawnBy(String id) {
        return Optional.ofNullable(withdrawnBy.get(id));
    }

    /** As {@link #record(String, String, String)}, with when the CMS says it last changed the post (may be null). */
    public void record(String id, String contentHash, String source, Instant sourceUpdatedAt) {
        record(id, contentHash, source);
        if (sourceUpdatedAt != null) {
            sourceUpdated.merge(id, sourceUpdatedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /**
     * Whether a CMS notification saying the post changed at {@code updatedAt} is older than the version
     * Herald holds (a replayed or late webhook), so it must not replace it.
     */
    public boolean olderThanHeld(String id, Instant updatedAt) {
        Instant held = sourceUpdated.get(id);
        return updatedAt != null && held != null && updatedAt.isBefore(held);
    }

    public boolean isUnchanged(String id, String contentHash) {
        return contentHash.equals(hashes.get(id));
    }

    /** Called only once the record is safely in Kafka; before that the post is not accepted. */
    public void record(String id, String contentHash) {
        hashes.put(id, contentHash);
    }

    /** As {@link #record(String, String)}, noting where the post came from ({@code feed:<url>}, ...). */
    public void record(String id, String contentHash, String source) {
        record(id, contentHash);
        if (source != null) {
            sources.add(source);
        }
    }

    /** Whether any post was ever accepted from this source (deleted ones count too). */
    public boolean hasPostsFrom(String source) {
        return sources.contains(source);
    }

    /**
     * Whether a version of this post waits for approval when approval is required: a post Herald does not
     * have yet does, and so does every later version of one that did (approval is kept per post, by
     * the dashboard); a post published before approval was required does not.
     */
    public boolean needsApproval(String id) {
        Held h = held.get(id);
        return !knows(id) || h != null && h.needsApproval();
    }

    /**
     * Whether a post Herald has went public by its time: it was not sent scheduled, or its time passed
     * (approval aside, which the dashboard decides). Such a post cannot be scheduled again.
     */
    public boolean publishedBy(String id, Instant now) {
        Held h = held.get(id);
        return knows(id) && (h == null || h.publishAt() == null || !h.publishAt().isAfter(now));
    }

    /** Whether this id is a post Herald has (accepted and not deleted). */
    public boolean knows(String id) {
        return hashes.containsKey(id);
    }

    /** The post was deleted (its tombstone is in Kafka): the same content sent again is a new post. */
    public void forget(String id) {
        hashes.remove(id);
        sourceUpdated.remove(id);
        held.remove(id);
    }

    public int size() {
        return hashes.size();
    }
}
