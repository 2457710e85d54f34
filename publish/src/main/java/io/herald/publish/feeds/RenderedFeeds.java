package io.herald.publish.feeds;

import io.herald.publish.PostStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

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

    private static final Pattern PATH = Pattern.compile("^/feeds/(.+?)(?:/archive/(\\d{1,6}))?\\.(rss|atom|json)$");

    /**
     * One rendered document, its bytes held as Vert.x buffers made once per render in direct memory:
     * every response writes the same bytes to the socket with no copy or conversion.
     */
    public record Document(String path, String fingerprint, long atChange, Buffer bodyBuffer, Buffer gzipBuffer, String etag,
                           Instant lastModified, String lastModifiedHeader, String contentType) {

        Document(String path, String fingerprint, long atChange, Buffer bodyBuffer, Buffer gzipBuffer, String etag,
                 Instant lastModified, String contentType) {
            this(path, fingerprint, atChange, bodyBuffer, gzipBuffer, etag, lastModified,
                    io.herald.support.HttpDates.format(lastModified), contentType);
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
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.asReadOnlyBuffer())));
        }
    }

    /** What a path shows now, before anything is rendered: its page and where it is cached. */
    public record Resolved(String cacheKey, String format, FeedPage page, long change) {
    }

    private record Stamp(String etag, Instant lastModified) {
    }

    private final PostStore store;
    private final Feeds feeds;
    private final AtomRenderer atom;
    private final RssRenderer rss;
    private final JsonFeedRenderer json;
    private final long budget;
    /** Access-ordered: the eldest is the least recently requested. Guarded by itself. */
    private final LinkedHashMap<String, Document> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cached;
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
        this.budget = budgetBytes;
    }

    public Feeds feeds() {
        return feeds;
    }

    /** The bytes the held documents take (at most the budget, and one document over it). */
    public long heldBytes() {
        synchronized (cache) {
            return cached;
        }
    }

    /** How many documents were rendered since start: the cache's hit rate shows in it. */
    public long renders() {
        return renders;
    }

    /**
     * Where a tag feed requested by the tag's name (the old form, {@code /feeds/tags/city planning.atom})
     * lives now, under its slug; empty when the path is already canonical or not a tag feed.
     */
    public Optional<String> movedTo(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !m.group(1).startsWith("tags/")) {
            return Optional.empty();
        }
        String tag = m.group(1).substring(5);
        String slug = TagSlug.ofRequested(tag);
        if (slug.equals(tag)) {
            return Optional.empty();
        }
        // Only to a tag a post has: a name no post has is a 404, with nothing kept of it.
        Optional<FeedSpec> spec = feeds.spec("tags/" + slug);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) == null ? spec.get().path(m.group(3)) : spec.get().archivePath(Integer.parseInt(m.group(2)), m.group(3)));
    }

    /** The document at a path such as {@code /feeds/all.atom} or {@code /feeds/tags/x/archive/2.rss}. */
    public Optional<Document> get(String rawPath) {
        Optional<Document> hit = current(rawPath);
        if (hit.isPresent()) {
            return hit;
        }
        return resolve(rawPath).map(r -> document(r, rawPath));
    }

    /**
     * The document at a path if it is held and nothing changed since it was made: a look-up, no walk
     * through the posts and no render (what a server can answer without leaving its event loop).
     */
    public Optional<Document> current(String rawPath) {
        String path = rawPath.indexOf('%') < 0 && rawPath.indexOf('+') < 0 ? rawPath
                : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String cacheKey = m.group(1) + (m.group(2) == null ? "" : "/archive/" + m.group(2)) + "." + m.group(3);
        Document hit = cached(cacheKey);
        return hit != null && hit.atChange() == store.changeCount() ? Optional.of(hit) : Optional.empty();
    }

    /**
     * What a path shows now, without rendering it: the export compares its fingerprint with what it
     * wrote and renders only what changed. Empty when there is no such document.
     */
    public Optional<Resolved> resolve(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = m.group(1);
        String format = m.group(3);
        Optional<FeedSpec> spec = feeds.spec(key);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String cacheKey = key + (m.group(2) == null ? "" : "/archive/" + m.group(2)) + "." + format;
        long change = store.changeCount();
        Optional<FeedPage> page = m.group(2) == null
                ? Optional.of(feeds.subscription(spec.get()))
                : feeds.archive(spec.get(), Integer.parseInt(m.group(2)));
        if (page.isEmpty() || spec.get().key().startsWith("tags/") && page.get().items().isEmpty() && m.group(2) == null) {
            drop(cacheKey);
            return Optional.empty();
        }
        return Optional.of(new Resolved(cacheKey, format, page.get(), change));
    }

    /** The resolved page's document: from the cache when its entries did not change, else rendered now. */
    public Document document(Resolved r, String rawPath) {
        Document prior = cached(r.cacheKey());
        String fingerprint = r.page().fingerprint();
        if (prior != null && prior.fingerprint().equals(fingerprint)) {
            Document still = prior.at(r.change());
            keep(r.cacheKey(), still);
            return still;
        }
        Document fresh = render(r.page(), r.format(), r.change(), rawPath, stamps.get(r.cacheKey()));
        stamps.put(r.cacheKey(), new Stamp(fresh.etag(), fresh.lastModified()));
        keep(r.cacheKey(), fresh);
        return fresh;
    }

    private Document cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private void keep(String key, Document d) {
        synchronized (cache) {
            Document old = cache.put(key, d);
            cached += d.weight() - (old == null ? 0 : old.weight());
            var eldest = cache.entrySet().iterator();
            while (cached > budget && cache.size() > 1 && eldest.hasNext()) {
                var e = eldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                cached -= e.getValue().weight();
                eldest.remove();
            }
        }
    }

    private void drop(String key) {
        synchronized (cache) {
            Document old = cache.remove(key);
            if (old != null) {
                cached -= old.weight();
            }
        }
    }

    /** Every document there is now (subscription and archive pages of every feed, each format). */
    public List<String> paths() {
        List<String> paths = new java.util.ArrayList<>();
        for (FeedSpec spec : feeds.specs()) {
            int archives = feeds.subscription(spec).prevArchive();
            for (String format : List.of("rss", "atom", "json")) {
                paths.add(spec.path(format));
                for (int n = 1; n <= archives; n++) {
                    paths.add(spec.archivePath(n, format));
                }
            }
        }
        return paths;
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
        String etag = "\"" + io.herald.support.Hashes.sha256(body).substring(0, 32) + "\"";
        java.time.Instant lastModified = page.lastChanged().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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
