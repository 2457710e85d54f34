package io.herald.publish.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TidTest {

    @Test
    void a_snippet_gets_the_same_record_key_on_every_try_and_each_snippet_of_a_post_its_own() {
        Instant published = Instant.parse("2026-11-30T09:00:00Z");
        String key = Tid.of(published, "heat-pumps:v1:social:bluesky");
        assertEquals(key, Tid.of(published, "heat-pumps:v1:social:bluesky"), "a retry, a restart or another instance: the same key");
        Set<String> keys = new HashSet<>();
        for (int part = 0; part < 200; part++) {
            keys.add(Tid.of(published, "heat-pumps:v1:social:bluesky" + (part == 0 ? "" : ":" + part)));
        }
        assertEquals(200, keys.size(), "each reply of a thread under a key of its own");
        assertNotEquals(key, Tid.of(published.plusMillis(1), "heat-pumps:v1:social:bluesky"));
    }

    @Test
    void a_record_key_is_a_tid_as_the_pds_checks_one_and_sorts_by_its_time() {
        // The PDS refuses a post record whose key is not a TID (13 base32-sortable characters, the top bit 0).
        for (String date : new String[] {"1970-01-01T00:00:00Z", "2001-09-09T01:46:40Z", "2026-12-04T02:00:00Z", "2200-01-01T00:00:00Z"}) {
            String tid = Tid.of(Instant.parse(date), "a:v1:social:bluesky");
            assertTrue(Tid.valid(tid), date + ": " + tid);
        }
        assertTrue(Tid.of(Instant.parse("2026-12-04T02:00:00Z"), "x").compareTo(Tid.of(Instant.parse("2026-12-04T02:00:01Z"), "x")) < 0);
        // The encoding, by hand: 1 microsecond after the epoch with clock id 0 is 1 << 10 = 1024 = 1·32², "3" then "22" in base32-sortable.
        assertEquals("2222222222322", Tid.encode(1, 0));
        // And as the AT Protocol's own TID.fromTime (@atproto/common-web, run by hand) encodes a time of this year.
        assertEquals("3n3spducv22zz", Tid.encode(1_796_350_000_000_000L, 1023));
    }
}
