package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.PostControls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a post is published: a post sent with a time ({@code publishAt}) is published at that time, one
 * that needs approval once a marketer approved it; until then it is pending, seen only in the
 * dashboard, and in no feed, page, newsletter or snippet. Whether a post is released follows from the
 * post, the marketers' decisions ({@code herald.posts.controls}) and the clock alone, so every
 * instance, and every instance after a restart, holds the same posts public.
 *
 * <p>The newsletter and snippets of a post published later ({@link #deferred}) are not sent by the
 * consumers of the enriched topic but when they are due ({@code ReleaseRoute}): with the post (the
 * default), at a time of their own, or held until a marketer sends them.
 */
public final class Release {

    private final TagControls decisions;
    private final PostStore store;
    private final Map<String, EnrichedPost> pending = new ConcurrentHashMap<>();
    /** The two channels of a post published later, each sent when its plan makes it due. */
    public enum Channel {
        NEWSLETTER, SNIPPETS
    }

    /** Public posts published later whose newsletter, or snippets, may still be due. */
    private final Map<Channel, Set<String>> due = Map.of(Channel.NEWSLETTER, ConcurrentHashMap.newKeySet(),
            Channel.SNIPPETS, ConcurrentHashMap.newKeySet());

    /** Where the pending posts are kept beside the heap (a {@link LocalStore}), so a restart from a checkpoint has them. */
    public interface Kept {
        void keep(EnrichedPost pending);

        void drop(String id);

        Kept NOWHERE = new Kept() {
            @Override
            public void keep(EnrichedPost pending) {
            }

            @Override
            public void drop(String id) {
            }
        };
    }

    private final Kept kept;

    public Release(TagControls decisions, PostStore store) {
        this(decisions, store, Kept.NOWHERE);
    }

    public Release(TagControls decisions, PostStore store, Kept kept) {
        this.decisions = decisions;
        this.store = store;
        this.kept = kept;
    }

    /** A pending post read back from a checkpoint. */
    public void restorePending(EnrichedPost post) {
        pending.merge(post.id(), post, (old, next) -> next.version() >= old.version() ? next : old);
    }

    /** A public post read back from a checkpoint by its head: as applying it made it, due on both channels when deferred. */
    public void restored(PostHead head) {
        if (head.deferred()) {
            due.values().forEach(ids -> ids.add(head.id()));
        }
    }

    /** Writes what is pending for this id now (or that nothing is) where it is kept. */
    private void keep(String id) {
        synchronized (kept) {
            EnrichedPost p = pending.get(id);
            if (p == null) {
                kept.drop(id);
            } else {
                kept.keep(p);
            }
        }
    }

    private void unpend(String id) {
        if (pending.remove(id) != null) {
            keep(id);
        }
    }

    /** Whether this version's newsletter and snippets go out when due rather than with the enriched record. */
    public static boolean deferred(EnrichedPost post) {
        return post.publishAt() != null || post.needsApproval();
    }

    /** When the post is to be published: the marketers' time, else the one it was sent with; null for now. */
    public Instant publishAt(EnrichedPost post) {
        return decisions.of(post.id()).map(PostControls::publishAt).orElse(post.publishAt());
    }

    public boolean approved(EnrichedPost post) {
        return !post.needsApproval() || decisions.of(post.id()).map(PostControls::approved).orElse(false);
    }

    public boolean released(EnrichedPost post, Instant now) {
        Instant at = publishAt(post);
        return approved(post) && (at == null || !at.isAfter(now));
    }

    /**
     * Applies one post of the enriched topic (safe, with its tags as decided), {@code null} being a
     * tombstone: to the store when it is released (or is public already: a public post stays public),
     * else to the pending posts.
     *
     * @return the post, when this made a new version of it served; else null
     */
    public EnrichedPost apply(String id, EnrichedPost post, Instant now) {
        if (post == null) {
            if (id != null) {
                unpend(id);
                due.values().forEach(ids -> ids.remove(id));
                store.delete(id);
            }
            return null;
        }
        if (store.get(post.id()).isPresent() || released(post, now)) {
            unpend(post.id());
            if (deferred(post)) {
                due.values().forEach(ids -> ids.add(post.id()));
            }
            return store.applySafe(post) ? post : null;
        }
        pending.merge(post.id(), post, (old, next) -> next.version() >= old.version() ? next : old);
        keep(post.id());
        return null;
    }

    /** Publishes the pending posts that are due now (their time came, or a decision released them). */
    public List<EnrichedPost> releaseDue(Instant now) {
        List<EnrichedPost> released = new ArrayList<>();
        for (EnrichedPost p : List.copyOf(pending.values())) {
            // Public first, then no longer pending: a reader between the two finds it either way, never
            // neither (the dashboard answering a decision reads it back at once). The one call that
            // made it public releases it; a second thread here finds it public already.
            if (released(p, now) && store.applySafe(decisions.served(p))) {
                due.values().forEach(ids -> ids.add(p.id()));
                pending.computeIfPresent(p.id(), (id, held) -> held.version() <= p.version() ? null : held);
                keep(p.id());
                released.add(p);
            }
        }
        return released;
    }

    /** A decision about a post: its pending version gets the tags as decided, and is published if that released it. */
    public void decided(String postId, Instant now) {
        if (pending.computeIfPresent(postId, (id, p) -> decisions.served(p)) != null) {
            keep(postId);
        }
        store.get(postId).filter(Release::deferred).ifPresent(p -> due.values().forEach(ids -> ids.add(postId)));
        releaseDue(now);
    }

    public Optional<EnrichedPost> pending(String id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** Every pending post, in no particular order. */
    public Collection<EnrichedPost> pending() {
        return Collections.unmodifiableCollection(pending.values());
    }

    /** The ids of public posts published later whose newsletter (or snippets) may still be due. */
    public Set<String> waiting(Channel channel) {
        return Collections.unmodifiableSet(due.get(channel));
    }

    /** Nothing more is due on this channel for this post (until a new version or a decision). */
    public void done(Channel channel, String id) {
        due.get(channel).remove(id);
    }

    /** Whether the channel of this public post is due now, by the marketers' plan for it. */
    public boolean dueNow(Channel channel, EnrichedPost post, Instant now) {
        Optional<PostControls> c = decisions.of(post.id());
        return channel == Channel.NEWSLETTER
                ? due(c.map(PostControls::newsletter).orElse(null), c.map(PostControls::newsletterAt).orElse(null), now)
                : due(c.map(PostControls::snippets).orElse(null), c.map(PostControls::snippetsAt).orElse(null), now);
    }

    /** Whether a plan ({@code with-post}, {@code held}, {@code at}) makes a channel due now. */
    public static boolean due(String plan, Instant at, Instant now) {
        if (PostControls.HELD.equals(plan)) {
            return false;
        }
        if (PostControls.AT.equals(plan)) {
            return at != null && !at.isAfter(now);
        }
        return true;
    }

    public TagControls decisions() {
        return decisions;
    }
}
