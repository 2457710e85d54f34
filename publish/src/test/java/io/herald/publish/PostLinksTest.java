package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One rule for whether a post has a URL of its own, for every channel: its own URL there, else its page on Herald. */
class PostLinksTest {

    @Test
    void an_http_or_https_url_without_white_space_is_the_posts_own() {
        assertTrue(PostLinks.hasOwnUrl("https://blog.example/heat-pumps"));
        assertTrue(PostLinks.hasOwnUrl("HTTP://blog.example/faq"));
        assertTrue(PostLinks.hasOwnUrl("https://例え.jp/よくある質問"));
        for (String not : new String[] {null, "", "https://", "ftp://blog.example/x", "javascript:alert(1)", "/posts/x",
            "https://blog.example/a b", "blog.example/faq"}) {
            assertFalse(PostLinks.hasOwnUrl(not), String.valueOf(not));
        }
    }

    @Test
    void a_post_without_one_links_to_its_page_on_herald() {
        assertEquals("https://blog.example/x", PostLinks.link("https://h.example", "x", "https://blog.example/x"));
        assertEquals("https://h.example/posts/%E7%83%AD%E6%B3%B5", PostLinks.link("https://h.example", "热泵", "not a url"));
    }
}
