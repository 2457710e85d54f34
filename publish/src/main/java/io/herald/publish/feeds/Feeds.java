package io.herald.publish.feeds;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.publish.PostHead;
import io.herald.publish.PostStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Which entries each feed document shows. Older entries are on archive pages of {@code size}
 * entries counted from the oldest, so a page, once written, never changes (RFC 5005); the subscription
 * document holds the rest, newest first: at least {@code size} of them when there are that many. Every
 * entry is in exactly one document.
 */
public final class Feeds {

    private final PostStore store;
    private final int size;
    private final String siteTitle;
    /** Each feed's entries as of a change of the store: every document of a feed (and every format) shares one walk. */
    private final Map<String, ItemsAt> items = new ConcurrentHashMap<>();

    /** How many feeds' entries are held (one per feed requested that posts have: never one per name asked for). */
    int heldFeeds() {
        return items.size();
    }
    private volatile TagsAt tags = new TagsAt(-1, List.of());

    private record ItemsAt(long change, List<Ref> items) {
    }

    /**
     * An entry of a feed as a walk finds it: the head of its post and, in a feed of questions, which
     * pair. A document's entries are made from these with their posts read whole ({@link #resolve}):
     * the walk through every post reads no body.
     */
    record Ref(PostHead head, int position, boolean question) {
    }

    private record TagsAt(long change, List<String> tags) {
    }

    public Feeds(PostStore store, int size, String siteTitle) {
        this.store = store;
        this.size = size;
        this.siteTitle = siteTitle;
    }

    public String siteTitle() {
        return siteTitle;
    }

    /** Every feed there is now: all, qa, and one per tag in use. */
    public List<FeedSpec> specs() {
        List<FeedSpec> specs = new ArrayList<>(List.of(FeedSpec.all(siteTitle), FeedSpec.qa(siteTitle)));
        tags().forEach(t -> specs.add(FeedSpec.tag(siteTitle, t)));
        return specs;
    }

    /** A tag as the index and its page show it: the spelling most posts use, its slug, and how many posts have it. */
    public record Topic(String tag, String slug, int posts) {
    }

    /** Every tag in use, one per slug, the most used first (then by name): the topics readers may follow. */
    public List<Topic> topics() {
        Map<String, Map<String, Integer>> spellings = new java.util.HashMap<>();
        Map<String, Integer> posts = new java.util.HashMap<>();
        for (PostHead p : store.heads()) {
            java.util.Set<String> slugs = new java.util.HashSet<>();
            for (String tag : p.tags()) {
                String slug = TagSlug.of(tag);
                spellings.computeIfAbsent(slug, k -> new java.util.HashMap<>()).merge(tag, 1, Integer::sum);
                if (slugs.add(slug)) {
                    posts.merge(slug, 1, Integer::sum);
                }
            }
        }
        List<Topic> topics = new ArrayList<>();
        posts.forEach((slug, n) -> topics.add(new Topic(spellings.get(slug).entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey(), slug, n)));
        topics.sort(java.util.Comparator.comparingInt(Topic::posts).reversed().thenComparing(Topic::tag));
        return topics;
    }

    /** The posts with a tag of this slug, newest first. */
    public List<EnrichedPost> tagged(String slug, int limit) {
        return store.newest((PostHead p) -> TagSlug.has(p, slug), 0, limit).posts();
    }

    /** Every tag in use, sorted. */
    private List<String> tags() {
        long change = store.changeCount();
        TagsAt known = tags;
        if (known.change() == change) {
            return known.tags();
        }
        List<String> list = store.tags();
        tags = new TagsAt(change, list);
        return list;
    }

    /** The spec for a path key ({@code all}, {@code qa}, {@code tags/x}); any tag has a (maybe empty) feed. */
    public Optional<FeedSpec> spec(String key) {
        if (key.equals("all")) {
            return Optional.of(FeedSpec.all(siteTitle));
        }
        if (key.equals("qa")) {
            return Optional.of(FeedSpec.qa(siteTitle));
        }
        if (key.startsWith("tags/") && key.length() > 5 && !key.substring(5).contains("/")) {
            String slug = key.substring(5);
            // The tag's own name for the title, from a post that has it. A slug no post has is no feed: it is
            // answered 404 and nothing is kept for it, so invented tag names cannot fill memory.
            return tags().stream().filter(t -> TagSlug.of(t).equals(slug)).findFirst().map(t -> FeedSpec.tag(siteTitle, t));
        }
        return Optional.empty();
    }

    /** Newest first; one walk through the posts per feed and change of the store. */
    List<Ref> items(FeedSpec spec) {
        long change = store.changeCount();
        ItemsAt known = this.items.get(spec.key());
        if (known != null && known.change() == change) {
            return known.items();
        }
        List<Ref> walked = walk(spec);
        this.items.put(spec.key(), new ItemsAt(change, walked));
        return walked;
    }

    /**
     * For each archive page of a feed (index 0 is page 1, the oldest), a number that changes when
     * what the page shows changes: one of its entries (its post or version) or its link to a next
     * page. Cheap (no strings), so the export checks every page and renders only those that differ.
     */
    public long[] archiveSignatures(FeedSpec spec) {
        List<Ref> all = items(spec);
        int pages = archives(all.size());
        long[] sigs = new long[pages];
        int total = all.size();
        for (int n = 1; n <= pages; n++) {
            long sig = n < pages ? n + 1 : 0;
            for (int i = total - n * size; i < total - (n - 1) * size; i++) {
                Ref item = all.get(i);
                sig = sig * 1_000_003L + item.head().id().hashCode() * 31L + item.head().version()
                        + (item.question() ? 1 + item.position() : 0);
            }
            sigs[n - 1] = sig;
        }
        return sigs;
    }

    private List<Ref> walk(FeedSpec spec) {
        if (spec.key().startsWith("tags/") && !spec.perQuestion()) {
            return byTag().getOrDefault(spec.key().substring(5), List.of());
        }
        List<Ref> items = new ArrayList<>();
        Map<PostHead, List<Ref>> known = entriesOf;
        Map<PostHead, List<Ref>> next = spec.perQuestion() ? new java.util.IdentityHashMap<>(known.size() + 16) : null;
        for (PostHead post : store.heads()) {
            if (!spec.includes().test(post)) {
                continue;
            }
            if (spec.perQuestion()) {
                List<Ref> entries = known.get(post);
                if (entries == null) {
                    Ref[] made = new Ref[post.questions()];
                    for (int i = 0; i < made.length; i++) {
                        made[i] = new Ref(post, i, true);
                    }
                    entries = List.of(made);
                }
                next.put(post, entries);
                items.addAll(entries);
            } else {
                items.add(new Ref(post, 0, false));
            }
        }
        if (spec.perQuestion()) {
            entriesOf = next;
        }
        return List.copyOf(items);
    }

    /**
     * Each post's entries in a feed of questions, made once per post version (the store holds one
     * head per version) and found again by identity at the next walk, not made again for every post
     * at every change. Holds the posts of the last walk only.
     */
    private volatile Map<PostHead, List<Ref>> entriesOf = new java.util.IdentityHashMap<>();

    private record TaggedAt(long change, Map<String, List<Ref>> bySlug) {
    }

    private volatile TaggedAt tagged = new TaggedAt(-1, Map.of());

    /**
     * Every tag feed's entries as of a change of the store, newest first, from one walk through the
     * posts (a post is in the feed of each slug its tags have, once), not one walk per tag feed.
     */
    private Map<String, List<Ref>> byTag() {
        long change = store.changeCount();
        TaggedAt known = tagged;
        if (known.change() == change) {
            return known.bySlug();
        }
        Map<String, List<Ref>> walking = new java.util.HashMap<>();
        // Tags recur on post after post: each tag's slug is looked up once per walk.
        Map<String, String> slugOf = new java.util.HashMap<>();
        java.util.Set<String> slugs = new java.util.HashSet<>();
        for (PostHead post : store.heads()) {
            slugs.clear();
            Ref ref = null;
            for (String tag : post.tags()) {
                String slug = slugOf.computeIfAbsent(tag, TagSlug::of);
                if (slugs.add(slug)) {
                    ref = ref == null ? new Ref(post, 0, false) : ref;
                    walking.computeIfAbsent(slug, k -> new ArrayList<>()).add(ref);
                }
            }
        }
        Map<String, List<Ref>> bySlug = new java.util.HashMap<>();
        walking.forEach((slug, items) -> bySlug.put(slug, List.copyOf(items)));
        tagged = new TaggedAt(change, bySlug);
        return bySlug;
    }

    /**
     * A document's entries with their posts whole, read from the store. An entry whose post was withdrawn
     * (or lost the pair) since the walk is left out: the walk is stale then, and made again at the next request.
     */
    private List<FeedPage.Item> resolve(List<Ref> refs) {
        List<FeedPage.Item> items = new ArrayList<>(refs.size());
        EnrichedPost last = null;
        for (Ref r : refs) {
            EnrichedPost post = last != null && last.id().equals(r.head().id()) ? last : store.body(r.head()).orElse(null);
            if (post == null) {
                continue;
            }
            last = post;
            if (!r.question()) {
                items.add(new FeedPage.Item(post, null));
            } else if (r.position() < post.qa().size()) {
                EnrichedQa pair = post.qa().get(r.position());
                items.add(new FeedPage.Item(post, pair, r.position()));
            }
        }
        return items;
    }

    /**
     * The subscription document: every entry that is on no archive page, newest first. That is between
     * {@code size} and {@code 2 * size - 1} entries once there are that many, so a reader that never
     * follows archive links still sees at least {@code size}, and no entry is in two documents.
     */
    public FeedPage subscription(FeedSpec spec) {
        List<Ref> items = items(spec);
        int archives = archives(items.size());
        return new FeedPage(spec, resolve(items.subList(0, items.size() - archives * size)), 0, archives, 0);
    }

    /** Full archive pages: as many as leave at least {@code size} entries to the subscription document. */
    private int archives(int total) {
        return total > size ? (total - size) / size : 0;
    }

    /** Archive page {@code n}, 1 being the oldest; empty when there is no such page. */
    public Optional<FeedPage> archive(FeedSpec spec, int n) {
        List<Ref> items = items(spec);
        int archives = archives(items.size());
        if (n < 1 || n > archives) {
            return Optional.empty();
        }
        int total = items.size();
        // oldest-first index range [(n-1)*size, n*size) mapped onto the newest-first list
        List<FeedPage.Item> page = resolve(items.subList(total - n * size, total - (n - 1) * size));
        return Optional.of(new FeedPage(spec, page, n, n - 1, n < archives ? n + 1 : 0));
    }

    public int size() {
        return size;
    }
}
