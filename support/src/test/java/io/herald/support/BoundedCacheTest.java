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
}
