package io.herald.publish.api;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.feeds.TagSlug;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code GET /api/posts} lists: every post, or those whose title, summary, questions, answers or
 * tags contain {@code q} (any case, any Unicode form: a Korean word typed on a Mac finds the post
 * written on Windows), with a tag (by its slug, as the tag feeds name it), in a language, or from a
 * kind of door ({@link EnrichedPost#sourceKind()}). Each test reads the post once: linear in its size.
 */
public record PostQuery(Optional<String> text, Optional<String> tagSlug, Optional<String> language, Optional<String> sourceKind)
        implements Predicate<EnrichedPost> {

    /** Longer search text is refused, not truncated (nobody types 200 characters into a search box). */
    public static final int MAX_TEXT = 200;

    public static PostQuery of(String q, String tag, String language, String source) {
        return new PostQuery(given(q).map(PostQuery::fold), given(tag).map(TagSlug::ofRequested),
                given(language).map(l -> l.toLowerCase(Locale.ROOT)), given(source).map(s -> s.toLowerCase(Locale.ROOT)));
    }

    public boolean everything() {
        return text.isEmpty() && tagSlug.isEmpty() && language.isEmpty() && sourceKind.isEmpty();
    }

    /** The tests a post's head answers (all but the text): a post that fails one is not read whole. */
    public boolean passes(io.herald.publish.PostHead post) {
        if (language.isPresent() && !language.get().equals(post.language() == null ? "" : post.language().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (sourceKind.isPresent() && !sourceKind.get().equals(post.sourceKind() == null ? "" : post.sourceKind())) {
            return false;
        }
        return tagSlug.isEmpty() || TagSlug.has(post, tagSlug.get());
    }

    @Override
    public boolean test(EnrichedPost post) {
        if (language.isPresent() && !language.get().equals(post.language() == null ? "" : post.language().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (sourceKind.isPresent() && !sourceKind.get().equals(post.sourceKind() == null ? "" : post.sourceKind())) {
            return false;
        }
        if (tagSlug.isPresent() && !TagSlug.has(post, tagSlug.get())) {
            return false;
        }
        return text.isEmpty() || contains(post, text.get());
    }

    private static boolean contains(EnrichedPost post, String folded) {
        if (has(post.title(), folded) || has(post.summary(), folded) || has(post.intro(), folded) || has(post.outro(), folded)
                || has(post.author(), folded)) {
            return true;
        }
        for (String tag : post.tags()) {
            if (has(tag, folded)) {
                return true;
            }
        }
        for (EnrichedQa qa : post.qa()) {
            if (has(qa.question(), folded) || has(qa.answer(), folded)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(String field, String folded) {
        return field != null && fold(field).contains(folded);
    }

    /** NFKC, lower case, white space as single spaces: how both the text and the search are compared. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> given(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
