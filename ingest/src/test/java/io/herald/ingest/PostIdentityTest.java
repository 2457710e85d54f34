package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Post ids: explicit id over canonical URL over a slug of the title, and slugs people can read. */
class PostIdentityTest {

    private static ParsedPost post(String id, String url, String title) {
        return ParsedPost.builder().explicitId(id).title(title).url(url).build();
    }

    @Test
    void an_explicit_id_wins_over_the_url_and_the_url_over_the_title() {
        assertEquals("x1", PostIdentity.idFor(post("x1", "https://e.org/a", "A")));
        assertEquals("https://e.org/a", PostIdentity.idFor(post(null, "https://e.org/a", "A")));
        assertEquals("a", PostIdentity.idFor(post(null, null, "A")));
    }

    @Test
    void slugs_drop_accents_and_punctuation_but_keep_other_scripts() {
        assertEquals("creme-brulee-q-a", PostIdentity.slug("Crème Brûlée — Q&A!"));
        assertEquals("中国科技-问答", PostIdentity.slug("中国科技 问答"));
        assertEquals("post", PostIdentity.slug("?!"));
    }

    @Test
    void long_titles_are_cut_at_a_word() {
        String slug = PostIdentity.slug("word ".repeat(40));
        assertEquals(true, slug.length() <= 80);
        assertEquals(false, slug.endsWith("-"));
    }

    @Test
    void a_canonical_url_is_the_id_without_its_tracking_parameters() {
        assertEquals("https://www.brightwater.example/blog/community-solar-ama",
                PostIdentity.idFor(post(null, "https://www.brightwater.example/blog/community-solar-ama?utm_source=newsletter&utm_medium=email", "A")));
        assertEquals("https://e.org/a?page=2#q1", PostIdentity.idFor(post(null, "https://e.org/a?fbclid=x&page=2&ref=tw#q1", "A")));
    }
}
