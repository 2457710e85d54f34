package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.PostControls;
import io.herald.support.Settings.AutoTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which of a post's auto-tags are published, as marketers decided ({@code herald.posts.controls}) and
 * the {@code auto-tags} setting says: under {@code public} every auto-tag not removed, under
 * {@code approved} only the accepted ones. The author's own tags are always published.
 *
 * <p>{@link #served} turns any version of a post into the one Herald publishes. It can be applied to
 * a post it already made (the author's tags are those not among {@link EnrichedPost#autoTags()}), so a
 * later decision re-applies to the post a store holds.
 */
public final class TagControls {

    private final AutoTags policy;
    private final Map<String, PostControls> decisions = new ConcurrentHashMap<>();

    public TagControls(AutoTags policy) {
        this.policy = policy;
    }

    public AutoTags policy() {
        return policy;
    }

    /** Notes the latest decision about a post; a tombstone ({@code controls} null) forgets it. */
    public void record(String postId, PostControls controls) {
        if (controls == null) {
            if (postId != null) {
                decisions.remove(postId);
            }
        } else {
            decisions.merge(controls.postId(), controls,
                    (old, next) -> next.updated() != null && old.updated() != null && next.updated().isBefore(old.updated()) ? old : next);
        }
    }

    public Optional<PostControls> of(String postId) {
        return Optional.ofNullable(decisions.get(postId));
    }

    /** The post as Herald publishes it: its author's tags, then the auto-tags kept; the same post when nothing changes. */
    public EnrichedPost served(EnrichedPost post) {
        if (post == null || post.autoTags().isEmpty()) {
            return post;
        }
        Set<String> auto = keys(post.autoTags());
        List<String> tags = new ArrayList<>();
        for (String t : post.tags()) {
            if (!auto.contains(key(t))) {
                tags.add(t);
            }
        }
        PostControls c = decisions.get(post.id());
        for (String t : post.autoTags()) {
            if (state(c, t) != State.REMOVED && (policy == AutoTags.PUBLIC || state(c, t) == State.ACCEPTED)) {
                tags.add(t);
            }
        }
        return tags.equals(post.tags()) ? post : post.toBuilder().tags(tags).build();
    }

    /** What became of one auto-tag. */
    public enum State {
        SUGGESTED, ACCEPTED, REMOVED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The state of each of a post's auto-tags, in their order. */
    public Map<String, State> states(EnrichedPost post) {
        PostControls c = decisions.get(post.id());
        Map<String, State> out = new java.util.LinkedHashMap<>();
        post.autoTags().forEach(t -> out.put(t, state(c, t)));
        return out;
    }

    /** Whether an auto-tag in this state is published under the setting. */
    public boolean published(State state) {
        return state == State.ACCEPTED || state == State.SUGGESTED && policy == AutoTags.PUBLIC;
    }

    private static State state(PostControls c, String tag) {
        if (c == null) {
            return State.SUGGESTED;
        }
        String k = key(tag);
        if (c.removedTags().stream().anyMatch(t -> key(t).equals(k))) {
            return State.REMOVED;
        }
        return c.acceptedTags().stream().anyMatch(t -> key(t).equals(k)) ? State.ACCEPTED : State.SUGGESTED;
    }

    /** A tag as compared: case and spacing do not count. */
    static String key(String tag) {
        return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Set<String> keys(List<String> tags) {
        return tags.stream().map(TagControls::key).collect(Collectors.toSet());
    }

    /**
     * What of a post a rendering shows: its version and its published tags. A cache of rendered feeds
     * or pages keyed by it renders a post again when a decision changes its tags.
     */
    public static String stamp(EnrichedPost post) {
        return stamp(post.version(), post.tags());
    }

    /** As {@link #stamp(EnrichedPost)}, from a version and its tags (a {@link PostHead}'s). */
    public static String stamp(int version, java.util.List<String> tags) {
        return version + "#" + Integer.toHexString(tags.hashCode());
    }
}
