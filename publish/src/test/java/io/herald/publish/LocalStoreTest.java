package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Entity;
import io.herald.events.Provenance;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.Feeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    static EnrichedPost post(String id, int version, String title, List<String> tags, Instant published) {
        return EnrichedPost.builder().id(id).version(version).title(title).author("Ана Kim").published(published).updated(published)
                .language("ko").intro("소개 <b>bold</b>").outro("끝")
                .qa(List.of(new EnrichedQa("q1", "무엇인가요 " + title + "?", "답 " + version, "<p>답 " + version + "</p>"),
                        new EnrichedQa("q2", "Why?", "Because.", null)))
                .tags(tags).autoTags(tags.isEmpty() ? List.of() : List.of(tags.get(0))).summary("요약 " + title)
                .readingTimeMinutes(2).wordCount(40).contentHash("h-" + id + "-" + version)
                .entities(List.of(new Entity("Herald", "organization"))).provenance(List.of(new Provenance("normalize-text", "1")))
                .links(List.of("https://example.org/a")).receivedAt(published.plusSeconds(1)).rawOffset(7L).sourceKind("webhook")
                .publishAt(version % 2 == 0 ? published.plusSeconds(3600) : null).build();
    }

    static void put(LocalStore store, EnrichedPost post) {
        store.put(post, PostHead.of(post));
    }

    @Test
    void a_post_kept_on_disk_reads_back_equal_and_survives_closing_with_its_head_pending_posts_and_offsets() {
        EnrichedPost a = post("글-1", 3, "첫 글", List.of("열 펌프", "energy"), Instant.parse("2026-11-02T10:00:00Z"));
        EnrichedPost pending = post("later", 2, "Later", List.of(), Instant.parse("2026-11-03T10:00:00Z"));
        try (LocalStore store = LocalStore.open(dir, 1 << 20).orElseThrow()) {
            put(store, a);
            store.keep(pending);
            store.applied(0, 41);
            store.applied(2, 6);
            store.stamp("format 1, test");
            assertEquals(a, store.get("글-1").orElseThrow());
        }
        try (LocalStore store = LocalStore.open(dir, 1 << 20).orElseThrow()) {
            assertEquals(a, store.get("글-1").orElseThrow(), "read from disk, not from the decoded cache");
            assertEquals(List.of(PostHead.of(a)), store.heads());
            assertEquals(List.of(pending), store.pending());
            assertEquals(Map.of(0, 42L, 2, 7L), store.offsets(), "the next offset to read per partition");
            assertEquals("format 1, test", store.stamp().orElseThrow());
            assertTrue(store.checkpointedAt().isPresent());
            store.drop("later");
            store.remove("글-1");
            assertTrue(store.get("글-1").isEmpty() && store.heads().isEmpty() && store.pending().isEmpty());
            put(store, a);
            store.clear();
            assertTrue(store.get("글-1").isEmpty() && store.heads().isEmpty() && store.offsets().isEmpty() && store.stamp().isEmpty(),
                    "cleared, nothing is left to trust");
        }
    }

    @Test
    void a_store_whose_files_are_corrupt_is_made_again_empty_and_a_closed_one_refuses_calls_without_crashing() throws Exception {
        try (LocalStore store = LocalStore.open(dir, 1 << 20).orElseThrow()) {
            put(store, post("a", 1, "A", List.of("x"), Instant.EPOCH));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (int i = 8; i < bytes.length; i++) {
                    bytes[i] ^= 0x33;
                }
                Files.write(f, bytes);
            }
        }
        LocalStore store = LocalStore.open(dir, 1 << 20).orElseThrow();
        assertTrue(store.heads().isEmpty() && store.stamp().isEmpty(), "made again empty, to be rebuilt from the topic");
        store.close();
        assertThrows(IllegalStateException.class, () -> store.get("a"));
        assertThrows(IllegalStateException.class, () -> put(store, post("b", 1, "B", List.of(), Instant.EPOCH)));
    }

    @Test
    void a_second_open_of_the_same_folder_keeps_its_posts_on_the_heap_instead_of_deleting_the_first_ones() {
        try (LocalStore first = LocalStore.open(dir, 1 << 20).orElseThrow()) {
            put(first, post("a", 1, "A", List.of("x"), Instant.EPOCH));
            assertTrue(LocalStore.open(dir, 1 << 20).isEmpty(), "the folder is in use");
            assertTrue(first.get("a").isPresent(), "and the first store's posts are still there");
        }
    }

    /**
     * The same 800 random publishes, edits, tag decisions and withdrawals applied to a store with its
     * bodies on the heap and to one with them on disk: after each, the same posts newest first, the same
     * tags, and the same entries in every feed (a cache of 20 KB, so most bodies are read from disk).
     */
    @Test
    void a_store_on_disk_serves_what_a_store_on_the_heap_does_through_random_changes() {
        Random random = new Random(29);
        try (LocalStore disk = LocalStore.open(dir, 20_000).orElseThrow()) {
            PostStore onHeap = new PostStore();
            PostStore onDisk = new PostStore(disk);
            Feeds heapFeeds = new Feeds(onHeap, 5, "Site");
            Feeds diskFeeds = new Feeds(onDisk, 5, "Site");
            int[] versions = new int[40];
            List<String> tags = List.of("열 펌프", "Energy", "energy", "solar", "Ünïcode");
            for (int step = 0; step < 800; step++) {
                int n = random.nextInt(versions.length);
                String id = "post-" + n;
                int op = random.nextInt(10);
                if (op < 6) {
                    versions[n]++;
                    EnrichedPost p = post(id, versions[n], "Title " + n + "." + versions[n],
                            List.of(tags.get(random.nextInt(tags.size())), tags.get(random.nextInt(tags.size()))).stream().distinct().toList(),
                            Instant.parse("2026-11-01T00:00:00Z").plusSeconds(random.nextInt(5) * 3600L));
                    assertEquals(onHeap.apply(p), onDisk.apply(p), "apply at step " + step);
                } else if (op < 8) {
                    List<String> decided = List.of(tags.get(random.nextInt(tags.size())));
                    assertEquals(onHeap.replace(id, p -> p.toBuilder().tags(decided).build()),
                            onDisk.replace(id, p -> p.toBuilder().tags(decided).build()), "replace at step " + step);
                } else {
                    assertEquals(onHeap.delete(id), onDisk.delete(id), "delete at step " + step);
                }
                assertEquals(onHeap.newest(0, Integer.MAX_VALUE), onDisk.newest(0, Integer.MAX_VALUE), "the posts at step " + step);
                assertEquals(onHeap.tags(), onDisk.tags(), "the tags at step " + step);
                for (FeedSpec spec : heapFeeds.specs()) {
                    assertEquals(heapFeeds.subscription(spec).items(), diskFeeds.subscription(spec).items(), spec.key() + " at step " + step);
                    for (int page = 1; heapFeeds.archive(spec, page).isPresent(); page++) {
                        assertEquals(heapFeeds.archive(spec, page).get().items(), diskFeeds.archive(spec, page).orElseThrow().items(),
                                spec.key() + " archive " + page + " at step " + step);
                    }
                }
            }
        }
    }
}
