package io.herald.publish.feeds;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import java.time.Instant;
import java.util.List;

/**
 * What one feed document shows: its entries (newest first) and its place among the archive pages
 * (RFC 5005): the subscription document links to the newest archive page, each archive page to its
 * neighbours.
 *
 * @param archivePage  0 for the subscription document, else the archive page number (1 = oldest)
 * @param prevArchive  the archive page with older entries, or 0
 * @param nextArchive  the archive page with newer entries, or 0 (the subscription document is newer still)
 */
public record FeedPage(FeedSpec spec, List<Item> items, int archivePage, int prevArchive, int nextArchive) {

    /**
     * One entry: a whole post, or (in the Q&amp;A feed) one pair of a post.
     *
     * @param position the pair's place in its post (0 = the first question); 0 for a whole post
     */
    public record Item(EnrichedPost post, EnrichedQa pair, int position) {

        public Item(EnrichedPost post, EnrichedQa pair) {
            this(post, pair, 0);
        }

        /** Never changes across edits, restarts, re-ingestion or a new base URL. */
        public String id() {
            return pair == null ? FeedIds.entryId(post.id()) : FeedIds.entryId(post.id() + "#" + pair.id());
        }

        public String title() {
            return pair == null ? post.title() : pair.question();
        }

        /**
         * The post's; a pair's is a millisecond earlier per question before it, so in the Q&amp;A feed
         * no two entries share a time (RFC 4287 readers order by it; the W3C validator warns on
         * duplicates) and a reader sorting by time keeps the post's order of questions.
         */
        public Instant updated() {
            return post.updated().minusMillis(position);
        }

        public Instant published() {
            return post.published().minusMillis(position);
        }
    }

    public Instant updated() {
        return items.stream().map(Item::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /**
     * When what the page shows last changed: the latest receipt of any entry's version (a typo fix too,
     * which keeps the entry's {@code updated}) or update time. The HTTP validator moves with it.
     */
    public Instant lastChanged() {
        return items.stream().map(i -> i.post().receivedAt() != null && i.post().receivedAt().isAfter(i.updated())
                ? i.post().receivedAt() : i.updated()).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** Identity of what the page shows: when it is unchanged, so are the rendered bytes. */
    public String fingerprint() {
        StringBuilder f = new StringBuilder().append(archivePage).append('/').append(prevArchive).append('/').append(nextArchive);
        for (Item i : items) {
            f.append('|').append(i.post().id()).append('@').append(io.herald.publish.TagControls.stamp(i.post()));
        }
        return f.toString();
    }
}
