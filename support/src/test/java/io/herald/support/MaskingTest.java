package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Credentials in URLs never show where Herald shows a URL (health, previews, logs, the dashboard). */
class MaskingTest {

    @Test
    void credentials_in_a_url_are_masked_and_the_rest_kept() {
        assertEquals("https://hooks.example/nl?api_key=***&list=7", Masking.url("https://hooks.example/nl?api_key=abc123&list=7"));
        assertEquals("https://***@feeds.example/rss?token=***#top", Masking.url("https://user:pa55@feeds.example/rss?token=xyz#top"));
        assertEquals("https://example.org/feed.xml", Masking.url("https://example.org/feed.xml"));
        assertEquals("http://h/x?access_token=***&secret=***&page=2", Masking.url("http://h/x?access_token=a&secret=b&page=2"));
    }

    @Test
    void every_url_in_a_reason_is_masked() {
        String reason = Masking.text("delivery to https://h.example/hook?key=s3cret failed; next https://u:p@x.example/ in 30 s");
        assertFalse(reason.contains("s3cret") || reason.contains("u:p"), reason);
        assertEquals("no url here", Masking.text("no url here"));
    }
}
