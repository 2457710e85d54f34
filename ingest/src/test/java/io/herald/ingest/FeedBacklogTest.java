package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backlog of a newly added feed is told from what the feed publishes once Herald reads it. */
class FeedBacklogTest {

    static final String FEED = "https://upstream.example/feed.xml";
    static final Instant FIRST_READ = Instant.parse("2026-03-01T09:00:00Z");

    final PostLedger ledger = new PostLedger();
    final FeedBacklog backlog = new FeedBacklog(ledger);

    @Test
    void on_the_first_read_of_a_new_feed_its_entries_so_far_are_backlog() {
        Optional<Instant> cutoff = backlog.cutoff(FEED, FIRST_READ);
        assertTrue(FeedBacklog.isBacklog(cutoff, FIRST_READ.minusSeconds(86_400)), "published yesterday");
        assertTrue(FeedBacklog.isBacklog(cutoff, null), "no date: as old as the feed");
        assertFalse(FeedBacklog.isBacklog(cutoff, FIRST_READ.plusSeconds(60)), "published after Herald started reading");
    }

    @Test
    void once_the_feed_gave_a_post_nothing_from_it_is_backlog_also_after_a_restart() {
        backlog.cutoff(FEED, FIRST_READ);
        ledger.record("https://upstream.example/a", "h", FeedBacklog.source(FEED));
        assertTrue(backlog.cutoff(FEED, FIRST_READ.plusSeconds(300)).isEmpty());
        FeedBacklog afterRestart = new FeedBacklog(ledger); // the ledger is rebuilt from herald.posts.raw
        assertFalse(FeedBacklog.isBacklog(afterRestart.cutoff(FEED, FIRST_READ.plusSeconds(900)), FIRST_READ.minusSeconds(86_400)));
    }

    @Test
    void a_feed_whose_first_reads_had_nothing_new_announces_what_it_publishes_later() {
        Optional<Instant> first = backlog.cutoff(FEED, FIRST_READ);
        Optional<Instant> later = backlog.cutoff(FEED, FIRST_READ.plusSeconds(3_600));
        assertTrue(FeedBacklog.isBacklog(later, FIRST_READ.minusSeconds(60)), "still old");
        assertFalse(FeedBacklog.isBacklog(later, FIRST_READ.plusSeconds(1_800)), "new since the first read: " + first);
        assertFalse(FeedBacklog.isBacklog(backlog.cutoff("https://other.example/feed", FIRST_READ), FIRST_READ.plusSeconds(1)));
    }
}
