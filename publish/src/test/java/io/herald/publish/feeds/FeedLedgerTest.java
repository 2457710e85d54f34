package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.LedgerEntry;
import io.herald.publish.Ledger;
import io.herald.publish.PostStore;
import io.herald.support.GroupOwnership;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedLedgerTest {

    static EnrichedPost post(int version) {
        return EnrichedPost.builder().id("seed-swap").version(version).title("Seed swap").published(Instant.parse("2026-12-01T09:00:00Z"))
                .language("en").qa(List.of(new EnrichedQa("bring", "What can I bring?", "Seeds you saved.", null)))
                .contentHash("h" + version).receivedAt(Instant.parse("2026-12-04T09:00:00Z")).build();
    }

    @Test
    void the_ledger_names_each_post_s_feed_entry_id_once_per_version_and_says_when_it_left_the_feeds() {
        PostStore store = new PostStore();
        Ledger ledger = new Ledger();
        List<LedgerEntry> written = new ArrayList<>();
        FeedLedger feeds = new FeedLedger(store, ledger, GroupOwnership.alone(), e -> {
            written.add(e);
            ledger.record(e.key(), e);
        });
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        store.apply(post(1));
        assertEquals(1, feeds.tick(now));
        assertEquals(0, feeds.tick(now), "nothing new: nothing written");
        store.apply(post(2));
        store.apply(post(2));
        assertEquals(1, feeds.tick(now));
        store.delete("seed-swap");
        assertEquals(1, feeds.tick(now));
        assertEquals(List.of("Create 1", "Update 2", "Delete 2"), written.stream().map(e -> e.activity() + " " + e.version()).toList());
        assertTrue(written.stream().allMatch(e -> e.externalId().equals(FeedIds.entryId("seed-swap")) && e.state().equals("delivered")
                && e.channel().equals(LedgerEntry.FEED)), written.toString());
        assertEquals(-1, written.get(2).deliveredVersion());
    }
}
