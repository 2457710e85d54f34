package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 23, item 8: an id that travels in a header is visible ASCII, the same for the same id, and stable once safe. */
class HeaderSafeTest {

    @Test
    void a_japanese_or_korean_id_becomes_visible_ascii_and_an_ascii_one_stays_as_it_is() {
        String key = HeaderSafe.of("週末の質問:v2:newsletter:announcement");
        assertTrue(key.chars().allMatch(c -> c > 0x20 && c < 0x7f), key);
        assertEquals("%E9%80%B1%E6%9C%AB%E3%81%AE%E8%B3%AA%E5%95%8F:v2:newsletter:announcement", key);
        assertEquals(key, HeaderSafe.of(key), "a safe value is itself");
        assertEquals("https://blog.example/faq?x=1:v1", HeaderSafe.of("https://blog.example/faq?x=1:v1"));
        assertEquals("a%20b%0A", HeaderSafe.of("a b\n"), "spaces and line breaks never split or end a header");
        assertEquals(HeaderSafe.of("주말"), HeaderSafe.of(java.text.Normalizer.normalize("주말", java.text.Normalizer.Form.NFC)));
    }
}
