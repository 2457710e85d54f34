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

    /** Issue 23, item 9: a Korean title typed on a Mac (NFD) and in a browser (NFC) is one post with an NFC id. */
    @Test
    void korean_ids_and_slugs_are_composed_nfc_whatever_form_they_arrive_in() {
        String composed = "주말 텃밭 질문과 답변";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertEquals(false, composed.equals(decomposed));
        String slug = PostIdentity.slug(decomposed);
        assertEquals("주말-텃밭-질문과-답변", slug);
        assertEquals(true, java.text.Normalizer.isNormalized(slug, java.text.Normalizer.Form.NFC));
        assertEquals(PostIdentity.slug(composed), slug);
        assertEquals("https://blog.example/텃밭", PostIdentity.idFor(post(null,
                java.text.Normalizer.normalize("https://blog.example/텃밭", java.text.Normalizer.Form.NFD), "A")));
    }

    @Test
    void japanese_voiced_kana_keep_their_marks_in_a_slug() {
        assertEquals("がっこうの質問", PostIdentity.slug("がっこうの質問"));
        assertEquals("ガイド", PostIdentity.slug("ｶﾞｲﾄﾞ"), "half-width katakana are the full-width ones");
    }
}
