package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.PostControls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A marketer's decision about a post's suggested tags, as {@code POST /api/posts/{id}/tags} sends it
 * ({@code {"accepted":[…],"removed":[…]}}), read and checked: only the post's own suggestions, none both
 * accepted and removed, kept as the suggestion is spelt (so every instance compares the same words).
 */
final class TagDecision {

    /** A decision is a few short lists; anything bigger is not one. */
    static final int MAX_BODY = 16 * 1024;

    /** Why a decision is refused, as the problem answer says it. */
    static final class Refused extends Exception {
        private final int status;
        private final String title;

        Refused(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        int status() {
            return status;
        }

        String title() {
            return title;
        }
    }

    /** What the body asks for. */
    record Asked(List<String> accepted, List<String> removed) {
    }

    private TagDecision() {
    }

    static PostControls read(EnrichedPost post, byte[] body, Instant now) throws Refused {
        if (body == null || body.length == 0) {
            throw new Refused(400, "No decision", "Send {\"accepted\":[…],\"removed\":[…]}: the suggested tags to publish and "
                    + "those to remove.");
        }
        if (body.length > MAX_BODY) {
            throw new Refused(413, "Too large", "A decision about tags is at most " + MAX_BODY / 1024 + " KiB.");
        }
        Asked asked;
        try {
            asked = Json.read(body, Asked.class);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "Not a decision", "Send {\"accepted\":[…],\"removed\":[…]} (lists of tags): "
                    + e.getMessage().replaceFirst("^not a readable Asked: ", ""));
        }
        List<String> accepted = asked.accepted() == null ? List.of() : asked.accepted();
        List<String> removed = asked.removed() == null ? List.of() : asked.removed();
        List<String> suggested = post.autoTags();
        List<String> unknown = new ArrayList<>();
        for (List<String> list : List.of(accepted, removed)) {
            for (String t : list) {
                if (suggested.stream().noneMatch(s -> same(s, t))) {
                    unknown.add(String.valueOf(t));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refused(422, "Not a suggested tag", "Only the tags Herald suggested for \"" + post.id()
                    + "\" can be accepted or removed (" + (suggested.isEmpty() ? "it has none" : String.join(", ", suggested))
                    + "); not: " + String.join(", ", unknown) + ". The author's tags change with the post.");
        }
        for (String t : accepted) {
            if (removed.stream().anyMatch(r -> same(r, t))) {
                throw new Refused(422, "Accepted and removed", "\"" + t + "\" is both accepted and removed; choose one.");
            }
        }
        return PostControls.of(post.id(), spelt(suggested, accepted), spelt(suggested, removed), now);
    }

    private static List<String> spelt(List<String> suggested, List<String> asked) {
        return suggested.stream().filter(s -> asked.stream().anyMatch(t -> same(s, t))).toList();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
