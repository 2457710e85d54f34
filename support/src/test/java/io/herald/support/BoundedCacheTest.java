package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A cache holds at most its budget in bytes, whatever the number or size of what it is given. */
class BoundedCacheTest {

    @Test
    void long_distinct_keys_cannot_grow_it_past_its_budget() {
        BoundedCache<String, String> cache = new BoundedCache<>(100_000, (k, v) -> 2L * (k.length() + v.length()));
        for (int i = 0; i < 6_000; i++) {
            String k = "tag-" + i + "-" + "x".repeat(2_000);
            cache.put(k, k);
            assertTrue(cache.heldBytes() <= 100_000, "held " + cache.heldBytes());
        }
        assertTrue(cache.size() < 20, "only the newest few fit: " + cache.size());
        assertNull(cache.get("tag-0-" + "x".repeat(2_000)), "the oldest went first");
        assertEquals("v", cache.computeIfAbsent("k", k -> "v"));
    }

    @Test
    void a_cache_keeping_the_newest_holds_the_value_just_put_even_over_the_budget_and_drops_the_eldest() {
        BoundedCache<String, String> plain = new BoundedCache<>(100, (k, v) -> v.length());
        plain.put("big", "x".repeat(150));
        assertNull(plain.get("big"), "a plain cache refuses a value heavier than its budget");
        BoundedCache<String, String> newest = BoundedCache.keepingNewest(100, (k, v) -> v.length());
        newest.put("a", "x".repeat(60));
        newest.put("b", "x".repeat(150));
        assertEquals(150, newest.get("b").length(), "the document just made stays, to be answered");
        assertNull(newest.get("a"), "the eldest went");
        newest.put("c", "x".repeat(10));
        assertNull(newest.get("b"), "and the heavy one goes once a newer one comes");
        assertEquals(10, newest.heldBytes());
        newest.remove("c");
        assertEquals(0, newest.heldBytes());
    }
}
