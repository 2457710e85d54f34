package io.herald.publish.feeds;

import io.herald.publish.PostStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.herald.support.BoundedCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.herald.support.Hashes;
import io.herald.support.HttpDates;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

/**
 * Every feed document, rendered once and kept as bytes (plain and gzipped) with its ETag and
 * Last-Modified. A document is rendered again only when the entries it shows changed: after any
 * change to the posts, its fingerprint (which posts, which versions, which archive links) is
 * compared, and only a different one costs a render.
 *
 * <p>Memory is bounded: documents are kept up to {@link #DEFAULT_BUDGET_BYTES} in all, the least
 * recently requested dropped first (a dropped archive page is rendered again when asked for; its
 * ETag and Last-Modified stay the same since its entries did not change). The ETag and Last-Modified
 * of every path are remembered, so a document rendered again after a change still gets a later
 * Last-Modified.
 */
public final class RenderedFeeds {

    /** What the rendered documents may hold in all (their plain and gzipped bytes). */
    public static final long DEFAULT_BUDGET_BYTES = 48L * 1024 * 1024;

    /** Formats and their media types. */
    public static final Map<String, String> TYPES = Map.of(
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "json", "application/feed+json; charset=utf-8");


    /**
     * One rendered document, its bytes held as Vert.x buffers made once per render in direct memory:
     * every response writes the same bytes to the socket with no copy or conversion.
     */
    public record Document(String path, String fingerprint, long atChange, Buffer bodyBuffer, Buffer gzipBuffer, String etag,
                           Instant lastModified, String lastModifiedHeader, String contentType) {

        Document(String path, String fingerprint, long atChange, Buffer bodyBuffer, Buffer gzipBuffer, String etag,
                 Instant lastModified, String contentType) {
            this(path, fingerprint, atChange, bodyBuffer, gzipBuffer, etag, lastModified,
                    HttpDates.format(lastModified), contentType);
        }

        Document at(long change) {
            return new Document(path, fingerprint, change, bodyBuffer, gzipBuffer, etag, lastModified, lastModifiedHeader, contentType);
        }

        /** A copy of the document's bytes. */
        public byte[] body() {
            return bodyBuffer.getBytes();
        }

        /** A copy of the gzipped bytes. */
        public byte[] gzip() {
            return gzipBuffer.getBytes();
        }

        long weight() {
            return bodyBuffer.length() + gzipBuffer.length() + 512L;
        }

        /** JDK direct memory (freed by the collector once the document is dropped), read-only and never released by a response. */
        private static Buffer direct(byte[] bytes) {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.asReadOnlyBuffer())));
        }
    }

    /** What a request shows now, before anything is rendered: its page as of a change of the store. */
    public record Resolved(FeedRequest request, FeedPage page, long change) {
    }

    private record Stamp(String etag, Instant lastModified) {
    }

    private final PostStore store;
    private final Feeds feeds;
    private final AtomRenderer atom;
    private final RssRenderer rss;
    private final JsonFeedRenderer json;
    /** The documents held, the least recently requested going first; the one just made always stays. */
    private final BoundedCache<String, Document> cache;
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();
    private volatile long renders;

    public RenderedFeeds(PostStore store, Feeds feeds, FeedLinks links) {
        this(store, feeds, links, DEFAULT_BUDGET_BYTES);
    }

    public RenderedFeeds(PostStore store, Feeds feeds, FeedLinks links, long budgetBytes) {
        this.store = store;
        this.feeds = feeds;
        this.atom = new AtomRenderer(links);
        this.rss = new RssRenderer(links);
        this.json = new JsonFeedRenderer(links);
        this.cache = BoundedCache.keepingNewest(budgetBytes, (key, d) -> d.weight());
    }

    public Feeds feeds() {
        return feeds;
    }

    /** The bytes the held documents take (at most the budget, and one document over it). */
    public long heldBytes() {
        return cache.heldBytes();
    }

    /** How many documents were rendered since start: the cache's hit rate shows in it. */
    public long renders() {
        return renders;
    }

    /**
     * Where a tag feed requested by the tag's name (the old form, {@code /feeds/tags/city planning.atom})
     * lives now, under its slug; empty when the request is already canonical or not a tag feed.
     */
    public Optional<String> movedTo(FeedRequest request) {
        if (!request.isTag()) {
            return Optional.empty();
        }
        String tag = request.feed().substring("tags/".length());
        String slug = TagSlug.ofRequested(tag);
        if (slug.equals(tag)) {
            return Optional.empty();
        }
        // Only to a tag a post has: a name no post has is a 404, with nothing kept of it.
        return feeds.spec("tags/" + slug).map(spec -> request.of(spec.key()).path());
    }

    /** The document at a path such as {@code /feeds/all.atom} or {@code /feeds/tags/x/archive/2.rss}. */
    public Optional<Document> get(String rawPath) {
        return FeedRequest.parse(rawPath).flatMap(this::get);
    }

    /** The document a request asks for: held and current, or made now. */
    public Optional<Document> get(FeedRequest request) {
        Optional<Document> hit = current(request);
        if (hit.isPresent()) {
            return hit;
        }
        return resolve(request).map(this::document);
    }

    /**
     * The document a request asks for if it is held and nothing changed since it was made: a look-up,
     * no walk through the posts and no render (what a server can answer without leaving its event loop).
     */
    /** The store's change count: a document made at another is stale. */
    public long changeCount() {
        return store.changeCount();
    }

    public Optional<Document> current(FeedRequest request) {
        Document hit = cache.get(request.cacheKey());
        return hit != null && hit.atChange() == store.changeCount() ? Optional.of(hit) : Optional.empty();
    }

    /**
     * What a request shows now, without rendering it: the export compares its fingerprint with what it
     * wrote and renders only what changed. Empty when there is no such document.
     */
    public Optional<Resolved> resolve(FeedRequest request) {
        Optional<FeedSpec> spec = feeds.spec(request.feed());
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        long change = store.changeCount();
        Optional<FeedPage> page = request.isArchive()
                ? feeds.archive(spec.get(), request.archive())
                : Optional.of(feeds.subscription(spec.get()));
        if (page.isEmpty() || request.isTag() && !request.isArchive() && page.get().items().isEmpty()) {
            cache.remove(request.cacheKey());
            return Optional.empty();
        }
        return Optional.of(new Resolved(request, page.get(), change));
    }

    /** The resolved page's document: from the cache when its entries did not change, else rendered now. */
    public Document document(Resolved r) {
        String key = r.request().cacheKey();
        Document prior = cache.get(key);
        String fingerprint = r.page().fingerprint();
        if (prior != null && prior.fingerprint().equals(fingerprint)) {
            Document still = prior.at(r.change());
            cache.put(key, still);
            return still;
        }
        Document fresh = render(r.page(), r.request().format(), r.change(), r.request().path(), stamps.get(key));
        stamps.put(key, new Stamp(fresh.etag(), fresh.lastModified()));
        cache.put(key, fresh);
        return fresh;
    }

    /** Every document there is now (subscription and archive pages of every feed, each format). */
    public List<FeedRequest> requests() {
        List<FeedRequest> requests = new ArrayList<>();
        for (FeedSpec spec : feeds.specs()) {
            int archives = feeds.subscription(spec).prevArchive();
            for (String format : List.of("rss", "atom", "json")) {
                requests.add(FeedRequest.of(spec, format));
                for (int n = 1; n <= archives; n++) {
                    requests.add(FeedRequest.archive(spec, n, format));
                }
            }
        }
        return requests;
    }

    /**
     * Renders a document. Its Last-Modified is when its entries last changed; if the bytes differ from
     * the document it replaces (an entry left, say) and that time did not move, it moves on a second,
     * so an If-Modified-Since client never keeps stale bytes.
     */
    private Document render(FeedPage page, String format, long change, String path, Stamp previous) {
        String text = switch (format) {
            case "rss" -> rss.render(page);
            case "atom" -> atom.render(page);
            default -> json.render(page);
        };
        renders++;
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Hashes.sha256(body).substring(0, 32) + "\"";
        Instant lastModified = page.lastChanged().truncatedTo(ChronoUnit.SECONDS);
        if (previous != null && !previous.etag().equals(etag) && !lastModified.isAfter(previous.lastModified())) {
            lastModified = previous.lastModified().plusSeconds(1);
        }
        return new Document(path, page.fingerprint(), change, Document.direct(body), Document.direct(gzip(body)), etag, lastModified,
                TYPES.get(format));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
