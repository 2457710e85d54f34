package io.herald.publish.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tags in use and each tag feed's entries are kept as posts come, change and go (one walk for every
 * tag feed, tag counts kept by the store): they must be what a pass over every post gives.
 */
class TagFeedsTest {

    private static final List<String> TAGS = List.of("Heat pumps", "heat pumps", "Économie circulaire", "economie circulaire", "城市规划",
            "solar", "Solar", "insulation", "grants");

    @Test
    void tag_feeds_and_the_tags_in_use_are_what_a_pass_over_every_post_gives_as_posts_come_change_and_go() {
        Random random = new Random(20261204L);
        PostStore store = new PostStore();
        Feeds feeds = new Feeds(store, 3, "Herald");
        int[] versions = new int[12];
        for (int step = 0; step < 600; step++) {
            int n = random.nextInt(versions.length);
            String id = "post-" + n;
            int action = random.nextInt(10);
            if (action < 6) {
                versions[n]++;
                store.apply(post(id, versions[n], Instant.parse("2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z"),
                        someTags(random)));
            } else if (action < 8) {
                List<String> tags = someTags(random);
                store.replace(id, p -> p.toBuilder().tags(tags).build());
            } else {
                store.delete(id);
                versions[n] = 0;
            }
            TreeSet<String> inUse = new TreeSet<>();
            store.newest(0, Integer.MAX_VALUE).forEach(p -> inUse.addAll(p.tags()));
            assertEquals(List.copyOf(inUse), store.tags(), "the tags in use, at step " + step);
            for (FeedSpec spec : feeds.specs()) {
                if (!spec.key().startsWith("tags/")) {
                    continue;
                }
                String slug = spec.key().substring(5);
                List<EnrichedPost> expected = store.newest(0, Integer.MAX_VALUE).stream().filter(p -> TagSlug.has(p, slug)).toList();
                List<EnrichedPost> held = new ArrayList<>();
                feeds.items(spec).forEach(item -> held.add(store.body(item.head()).orElseThrow()));
                assertEquals(expected, held, "the feed of " + slug + " at step " + step);
            }
        }
    }

    private static EnrichedPost post(String id, int version, Instant published, List<String> tags) {
        return EnrichedPost.builder().id(id).version(version).title("Title of " + id).author("Kim").published(published)
                .updated(published.plusSeconds(version)).url("https://site.example/" + id).language("en").intro("Intro.")
                .qa(List.of(new EnrichedQa("q", "Is it safe?", "Yes.", "<p>Yes.</p>"))).tags(tags).summary("A summary.")
                .readingTimeMinutes(1).wordCount(10).contentHash("h" + version).receivedAt(published).build();
    }

    private static List<String> someTags(Random random) {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        return tags;
    }
}
